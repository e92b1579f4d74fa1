import { zodResolver } from '@hookform/resolvers/zod'
import { useId, useMemo, useRef, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import {
  chosenRole,
  roleKey,
  sameRole,
  type PropertyContact,
  type PropertyContactUpdate,
} from '../../../api'
import { Modal } from '../../../components/ui/modal'
import { useConnection } from '../../../lib/connection'
import { fullName } from '../../../lib/format'
import {
  editFormSchema,
  editValuesFor,
  toUpdatePatch,
  type EditLinkValues,
} from '../link-form-schema'
import { primaryOf, roleGroupLabel } from '../role-groups'
import { applyServerError } from '../server-errors'
import { changedMeanwhile } from '../write-conflicts'
import { ConflictPanel } from './conflict-panel'
import { LinkFields } from './link-fields'
import type { WriteOutcome } from './use-roster-actions'

interface EditLinkDialogProps {
  link: PropertyContact
  /** Values from an earlier attempt, so nothing typed is lost. */
  draft: EditLinkValues | undefined
  /** The roster as it is now: a change to this link elsewhere shows before Save. */
  roster: readonly PropertyContact[]
  onClose: () => void
  /** Writes `patch` over `base`, refused if the link is no longer that version. */
  onSave: (base: PropertyContact, patch: PropertyContactUpdate) => Promise<WriteOutcome>
  /** The user chose to keep what someone else saved meanwhile. */
  onKeepTheirs: (current: PropertyContact) => void
}

/** The user's own edits: what differs from the link as opened, laid over `current`. */
function editsOver(
  opened: PropertyContact,
  current: PropertyContact,
  values: EditLinkValues,
): PropertyContactUpdate {
  const mine = toUpdatePatch(opened, values)
  const patch: PropertyContactUpdate = {}
  if (mine.role !== undefined && mine.role !== current.role) patch.role = mine.role
  if (mine.primary !== undefined && mine.primary !== current.primary) patch.primary = mine.primary
  if (mine.start_date !== undefined && mine.start_date !== current.start_date) {
    patch.start_date = mine.start_date
  }
  if (mine.notes !== undefined && mine.notes !== current.notes) patch.notes = mine.notes
  return patch
}

/**
 * Edits role, primary, start date and notes. The dialog stays open until the server
 * has the change (the roster shows it at once behind it), with every refusal on its
 * fields or above them. If someone else changed this link meanwhile — seen before Save
 * (another tab, a colleague's change the roster picked up) or refused by the server on
 * Save (412) — nothing is written: the dialog says what changed and the user chooses.
 */
export function EditLinkDialog({
  link,
  draft,
  roster,
  onClose,
  onSave,
  onKeepTheirs,
}: EditLinkDialogProps) {
  const allowNoRole = link.role === null || link.role.trim() === ''
  const schema = useMemo(() => editFormSchema(!allowNoRole), [allowNoRole])
  const form = useForm<EditLinkValues>({
    resolver: zodResolver(schema),
    defaultValues: draft ?? editValuesFor(link),
  })
  const connection = useConnection()
  // The version the next Save must find: the link as opened, or as shown in a conflict
  // the user chose to write over.
  const [base, setBase] = useState(link)
  const [conflict, setConflict] = useState<PropertyContact | 'gone' | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const submitting = useRef(false)
  const name = fullName(link.contact)
  const noPrimaryId = useId()
  const [roleChoice, otherRole, primary] = useWatch({
    control: form.control,
    name: ['roleChoice', 'otherRole', 'primary'],
  })
  // Unticking (or moving away from) the role's only primary leaves it without one.
  const losesPrimary =
    base.primary &&
    roleKey(base.role) !== '' &&
    (!primary || !sameRole(chosenRole(roleChoice, otherRole), base.role)) &&
    primaryOf(roster, base.role, base.contact_id) === undefined

  // A change that reached this tab while the form is open (and not our own, in flight).
  const seen = changedMeanwhile(base, roster, saving)
  const shown = conflict ?? seen

  const save = async (values: EditLinkValues, over: PropertyContact) => {
    if (submitting.current) return
    const patch = editsOver(link, over, values)
    if (Object.keys(patch).length === 0) {
      onClose()
      return
    }
    submitting.current = true
    setSaving(true)
    setFormError(null)
    try {
      const outcome = await onSave(over, patch)
      if (outcome.kind === 'done' || outcome.kind === 'closed') {
        onClose()
        return
      }
      if (outcome.kind === 'changed') {
        setConflict(outcome.current)
      } else if (outcome.kind === 'not-sent') {
        setFormError(outcome.message)
      } else {
        const message = applyServerError(outcome.error, form, () => undefined)
        if (message !== null) setFormError(outcome.message)
      }
    } finally {
      submitting.current = false
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      onClose={() => {
        // While the request is on its way, closing would hide its outcome.
        if (!saving) onClose()
      }}
      title={`Edit ${name}`}
      description="Change this contact's part in the deal."
    >
      <form
        noValidate
        className="form"
        onSubmit={(event) => void form.handleSubmit((values) => save(values, base))(event)}
      >
        {shown && (
          <ConflictPanel
            base={base}
            current={shown === 'gone' ? null : shown}
            proceedLabel="Save mine anyway"
            keepLabel="Keep theirs"
            inputNote="Your changes are kept below. Save mine anyway writes the fields you changed over theirs; the fields you left alone keep their values."
            onKeep={() => {
              if (shown !== 'gone') onKeepTheirs(shown)
              onClose()
            }}
            onProceed={() => {
              if (shown === 'gone') return
              // A deliberate choice, checked again: the save must find this version.
              setBase(shown)
              setConflict(null)
              void form.handleSubmit((values) => save(values, shown))()
            }}
          />
        )}
        {connection !== 'online' && (
          <p className="callout callout-muted" role="status">
            {connection === 'offline'
              ? "You're offline: saving works again once you're back online. Nothing you type is lost."
              : "The server can't be reached right now. Nothing you type is lost."}
          </p>
        )}
        {formError && (
          <div role="alert" className="callout callout-error">
            <p>{formError}</p>
          </div>
        )}
        <LinkFields form={form} roster={roster} allowNoRole={allowNoRole} />
        {losesPrimary && (
          <p id={noPrimaryId} className="field-hint field-warning roster-no-primary-note">
            {roleGroupLabel(base.role)} will have no primary contact.
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose} disabled={saving}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            aria-describedby={losesPrimary ? noPrimaryId : undefined}
            disabled={saving || shown !== null}
          >
            {saving ? 'Saving…' : 'Save changes'}
          </button>
        </div>
      </form>
    </Modal>
  )
}
