import type { PropertyContact } from '../../../api'
import { Modal } from '../../../components/ui/modal'
import { fullName } from '../../../lib/format'

interface UnlinkDialogProps {
  link: PropertyContact
  onClose: () => void
  onConfirm: () => void
}

export function UnlinkDialog({ link, onClose, onConfirm }: UnlinkDialogProps) {
  const name = fullName(link.contact)
  const role = link.role ? ` as ${link.role}` : ''
  return (
    <Modal
      open
      onClose={onClose}
      size="small"
      title={`Unlink ${name}?`}
      description={`${name} will be removed from this deal${role}${link.primary ? ' (primary contact)' : ''}. The contact itself is kept, and you can undo right after.`}
    >
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-danger" onClick={onConfirm}>
          Unlink
        </button>
      </div>
    </Modal>
  )
}
