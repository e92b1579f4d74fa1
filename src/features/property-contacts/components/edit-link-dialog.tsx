import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo } from 'react'
import { useForm } from 'react-hook-form'
import type { PropertyContact, PropertyContactUpdate } from '../../../api'
import { Modal } from '../../../components/ui/modal'
import {
  editFormSchema,
  editValuesFor,
  toUpdatePatch,
  type EditLinkValues,
} from '../link-form-schema'
import { fullName } from '../../../lib/format'
import { LinkFields } from './link-fields'

interface EditLinkDialogProps {
  link: PropertyContact
  /** Values from an earlier attempt the server refused, so nothing typed is lost. */
  draft: EditLinkValues | undefined
  roster: readonly PropertyContact[]
  onClose: () => void
  onSave: (values: EditLinkValues, patch: PropertyContactUpdate) => void
}

/**
 * Edits role, primary, start date and notes. Saving closes the dialog at once:
 * the roster shows the change optimistically, and a refusal rolls it back with
 * a message that offers to reopen this form with what was typed.
 */
export function EditLinkDialog({ link, draft, roster, onClose, onSave }: EditLinkDialogProps) {
  const allowNoRole = link.role === null || link.role.trim() === ''
  const schema = useMemo(() => editFormSchema(!allowNoRole), [allowNoRole])
  const form = useForm<EditLinkValues>({
    resolver: zodResolver(schema),
    defaultValues: draft ?? editValuesFor(link),
  })
  const name = fullName(link.contact)

  return (
    <Modal
      open
      onClose={onClose}
      title={`Edit ${name}`}
      description="Change this contact's part in the deal."
    >
      <form
        noValidate
        className="form"
        onSubmit={(event) =>
          void form.handleSubmit((values) => {
            const patch = toUpdatePatch(link, values)
            if (Object.keys(patch).length === 0) onClose()
            else onSave(values, patch)
          })(event)
        }
      >
        <LinkFields form={form} roster={roster} allowNoRole={allowNoRole} />
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            Save changes
          </button>
        </div>
      </form>
    </Modal>
  )
}
