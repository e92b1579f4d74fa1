import { useId } from 'react'
import { Modal } from '../../../components/ui/modal'

interface ShortcutsHelpDialogProps {
  open: boolean
  onClose: () => void
  enabled: boolean
  onEnabledChange: (enabled: boolean) => void
}

const SHORTCUTS = [
  ['/', 'Find by name: focus the roster’s name filter'],
  ['l', 'Link contact'],
  ['?', 'Show these shortcuts'],
] as const

/** Lists the roster's keyboard shortcuts, with a way to turn them off. */
export function ShortcutsHelpDialog({
  open,
  onClose,
  enabled,
  onEnabledChange,
}: ShortcutsHelpDialogProps) {
  const checkboxId = useId()
  return (
    <Modal
      open={open}
      onClose={onClose}
      size="small"
      title="Keyboard shortcuts"
      description="Single keys that work on this page outside text fields and dialogs."
    >
      <dl className="shortcut-list">
        {SHORTCUTS.map(([key, what]) => (
          <div key={key} className="shortcut-row">
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <div className="field field-checkbox">
        <input
          id={checkboxId}
          type="checkbox"
          checked={enabled}
          onChange={(event) => {
            onEnabledChange(event.target.checked)
          }}
        />
        <label htmlFor={checkboxId}>Use single-key shortcuts</label>
      </div>
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  )
}
