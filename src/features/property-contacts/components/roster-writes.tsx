import { Suspense, useEffect } from 'react'
import type { PropertyContact } from '../../../api'
import { useAnnounce } from '../../../components/ui/status-region'
import { fullName } from '../../../lib/format'
import { useOpenRosterDialog, useRosterDialogs } from './roster-dialogs-provider'
import { useRosterActions } from './use-roster-actions'
import type { RosterFocus } from './use-roster-focus'
import { dialogCode } from './roster-dialog-code'

const LinkContactDialog = dialogCode.link.Component
const EditLinkDialog = dialogCode.edit.Component
const EditContactDialog = dialogCode.contact.Component
const UnlinkDialog = dialogCode.unlink.Component

interface RosterWritesProps {
  propertyId: number
  roster: readonly PropertyContact[]
  focus: RosterFocus
}

/**
 * The roster's writes and their dialogs, one open at a time (see RosterDialogsProvider),
 * loaded apart from the read-only roster (roster-dialogs.tsx). Each dialog hands what
 * was entered to a roster action and stays open until it is done (the roster shows an
 * edit or an unlink at once behind it), so a refusal or a conflict is shown where the
 * input is. Once loaded it stays mounted, so an Undo outlives its dialog.
 */
export function RosterWrites({ propertyId, roster, focus }: RosterWritesProps) {
  const actions = useRosterActions(propertyId, focus)
  const dialog = useOpenRosterDialog()
  const { close } = useRosterDialogs()
  const announce = useAnnounce()
  const { recheckFocus } = actions
  const open = dialog !== null
  useEffect(() => {
    if (!open) recheckFocus()
  }, [open, recheckFocus])
  return (
    <Suspense fallback={null}>
      {dialog?.kind === 'link' && (
        <LinkContactDialog
          roster={roster}
          initial={dialog.initial}
          pending={actions.linking}
          onClose={close}
          onSubmit={async (payload, chosen, replacing) => {
            const outcome = await actions.linkContact(payload, chosen, replacing)
            if (outcome.kind === 'linked') close()
            return outcome
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <EditLinkDialog
          link={dialog.link}
          draft={dialog.draft}
          roster={roster}
          onClose={close}
          onSave={actions.saveEdit}
          onKeepTheirs={(current) => {
            announce({
              text: `Kept the changes saved meanwhile to ${fullName(current.contact)}; yours were not saved.`,
              tone: 'info',
            })
          }}
        />
      )}
      {dialog?.kind === 'unlink' && (
        <UnlinkDialog
          link={dialog.link}
          roster={roster}
          onClose={close}
          onConfirm={actions.unlinkContact}
        />
      )}
      {dialog?.kind === 'contact' && (
        <EditContactDialog contact={dialog.link.contact} propertyId={propertyId} onClose={close} />
      )}
    </Suspense>
  )
}
