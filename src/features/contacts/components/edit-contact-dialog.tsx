import { zodResolver } from '@hookform/resolvers/zod'
import { useRef, useState } from 'react'
import { useForm } from 'react-hook-form'
import {
  MethodNotAllowedError,
  NotFoundError,
  writeOutcomeUnknown,
  type Contact,
} from '../../../api'
import { Modal } from '../../../components/ui/modal'
import { useAnnounce } from '../../../components/ui/status-region'
import { connection, notSentMessage } from '../../../lib/connection'
import { errorMessage } from '../../../lib/error-message'
import { fullName } from '../../../lib/format'
import { useUpdateContact } from '../api/contact-mutations'
import {
  ContactFormSchema,
  contactFormValues,
  toUpdatePatch,
  type ContactFormValues,
} from '../contact-form-schema'
import { applyContactErrors } from '../server-errors'
import { ContactFields } from './contact-fields'

interface EditContactDialogProps {
  contact: Contact
  /** The roster it is opened from: the other tabs showing it read it again. */
  propertyId: number
  onClose: () => void
}

/**
 * Fixes a contact's own details (a typo in an email, a new phone): PUT /contacts/{id}
 * with only what changed. Links embed their contact, so every deal shows the change.
 * Stays open, with what was typed, until the server has it.
 */
export function EditContactDialog({ contact, propertyId, onClose }: EditContactDialogProps) {
  const name = fullName(contact)
  const form = useForm<ContactFormValues>({
    resolver: zodResolver(ContactFormSchema),
    defaultValues: contactFormValues(contact),
  })
  const update = useUpdateContact(propertyId)
  const announce = useAnnounce()
  const [formError, setFormError] = useState<string | null>(null)
  const inFlight = useRef(false)

  const save = async (values: ContactFormValues) => {
    if (inFlight.current) return
    inFlight.current = true
    setFormError(null)
    try {
      const patch = toUpdatePatch(contact, values)
      if (Object.keys(patch).length === 0) {
        onClose()
        return
      }
      const state = connection.current()
      if (state !== 'online') {
        setFormError(notSentMessage(state))
        return
      }
      const saved = await update.mutateAsync({ contact, patch })
      announce({ text: `Saved the details of ${fullName(saved ?? { ...contact, ...values })}.` })
      onClose()
    } catch (error) {
      const leftover = applyContactErrors(error, form)
      if (leftover === undefined) setFormError(failure(error, name))
      else if (leftover !== null) setFormError(`Could not save ${name}'s details. ${leftover}`)
    } finally {
      inFlight.current = false
    }
  }

  const busy = form.formState.isSubmitting
  return (
    <Modal
      open
      onClose={() => {
        if (!busy) onClose()
      }}
      title={`Edit contact ${name}`}
      description="The change shows on every deal this contact is on."
    >
      <form noValidate className="form" onSubmit={(event) => void form.handleSubmit(save)(event)}>
        {formError && (
          <div role="alert" className="callout callout-error">
            <p>{formError}</p>
          </div>
        )}
        <ContactFields form={form} />
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save contact'}
          </button>
        </div>
      </form>
    </Modal>
  )
}

function failure(error: unknown, name: string): string {
  if (writeOutcomeUnknown(error)) {
    return `The server did not confirm the change to ${name}. It may have been saved — the roster is refreshed; check it before trying again.`
  }
  if (error instanceof MethodNotAllowedError) {
    return 'This server does not allow changing a contact’s details. Nothing was saved.'
  }
  if (error instanceof NotFoundError) {
    return `${name} is no longer in the contacts. Nothing was saved.`
  }
  return `Could not save ${name}'s details. ${errorMessage(error)}`
}
