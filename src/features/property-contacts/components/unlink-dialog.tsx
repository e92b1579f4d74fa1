import { useRef, useState } from 'react'
import { roleKey, type PropertyContact } from '../../../api'
import { Modal } from '../../../components/ui/modal'
import { fullName } from '../../../lib/format'
import { primaryOf, roleGroupLabel } from '../role-groups'
import { changedMeanwhile } from '../write-conflicts'
import { ConflictPanel } from './conflict-panel'
import type { WriteOutcome } from './use-roster-actions'

interface UnlinkDialogProps {
  link: PropertyContact
  /** The roster as it is now: a change to this link elsewhere shows before confirming. */
  roster: readonly PropertyContact[]
  onClose: () => void
  /** Unlinks `base`, refused if the link is no longer that version. */
  onConfirm: (base: PropertyContact) => Promise<WriteOutcome>
}

/**
 * Confirms an unlink. It stays open until the server has answered; if the link changed
 * since it was opened, nothing is removed and the dialog says what changed.
 */
export function UnlinkDialog({ link, roster, onClose, onConfirm }: UnlinkDialogProps) {
  const [base, setBase] = useState(link)
  const [conflict, setConflict] = useState<PropertyContact | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const sending = useRef(false)
  const name = fullName(link.contact)
  const role = base.role ? ` as ${base.role}` : ''

  // Unlinking a role's only primary leaves the role without one: said before confirming.
  const losesPrimary =
    base.primary &&
    roleKey(base.role) !== '' &&
    primaryOf(roster, base.role, base.contact_id) === undefined
  const seen = changedMeanwhile(base, roster, busy)
  const shown = conflict ?? seen

  const confirm = async (over: PropertyContact) => {
    if (sending.current) return
    sending.current = true
    setBusy(true)
    setError(null)
    try {
      const outcome = await onConfirm(over)
      if (outcome.kind === 'done' || outcome.kind === 'closed') onClose()
      else if (outcome.kind === 'changed') setConflict(outcome.current)
      else setError(outcome.message)
    } finally {
      sending.current = false
      setBusy(false)
    }
  }

  return (
    <Modal
      open
      onClose={() => {
        if (!busy) onClose()
      }}
      size="small"
      title={`Unlink ${name}?`}
      description={
        <>
          {`${name} will be removed from this deal${role}${base.primary ? ' (primary contact)' : ''}. The contact itself is kept, and you can undo right after.`}
          {losesPrimary && (
            <>
              {' '}
              <strong className="roster-no-primary-note">
                {roleGroupLabel(base.role)} will have no primary contact.
              </strong>
            </>
          )}
        </>
      }
    >
      {shown && (
        <ConflictPanel
          base={base}
          current={shown === 'gone' ? null : shown}
          proceedLabel="Unlink anyway"
          keepLabel={`Keep ${name}`}
          onKeep={onClose}
          onProceed={() => {
            if (shown === 'gone') return
            setBase(shown)
            setConflict(null)
            void confirm(shown)
          }}
        />
      )}
      {error && (
        <div role="alert" className="callout callout-error">
          <p>{error}</p>
        </div>
      )}
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={() => void confirm(base)}
          disabled={busy || shown !== null}
        >
          {busy ? 'Unlinking…' : 'Unlink'}
        </button>
      </div>
    </Modal>
  )
}
