import { zodResolver } from '@hookform/resolvers/zod'
import { useRef, useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { writeOutcomeUnknown, type Contact, type PropertyContact } from '../../../api'
import { Modal } from '../../../components/ui/modal'
import { unconfirmedWriteMessage } from '../../../lib/error-message'
import { useLinkContact, useRefreshedRoster } from '../api/property-contact-mutations'
import {
  EMPTY_LINK_FORM,
  LinkFormSchema,
  toCreatePayload,
  type LinkFormValues,
} from '../link-form-schema'
import { fullName } from '../../../lib/roles'
import { applyServerError } from '../server-errors'
import { ContactCombobox } from '../../../components/contact-combobox'
import { LinkFields } from './link-fields'

interface LinkContactDialogProps {
  propertyId: number
  roster: readonly PropertyContact[]
  onClose: () => void
  /**
   * The contact is on the deal now. `confirmed` is false when the server did not
   * answer, but the roster read again afterwards shows the link.
   */
  onLinked: (link: Pick<PropertyContact, 'contact' | 'role'>, confirmed: boolean) => void
}

export function LinkContactDialog({
  propertyId,
  roster,
  onClose,
  onLinked,
}: LinkContactDialogProps) {
  const link = useLinkContact(propertyId)
  const refreshedRoster = useRefreshedRoster(propertyId)
  const [selected, setSelected] = useState<Contact | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const submitting = useRef(false)
  const form = useForm<LinkFormValues>({
    resolver: zodResolver(LinkFormSchema),
    defaultValues: EMPTY_LINK_FORM,
  })

  const onSubmit = async (values: LinkFormValues) => {
    // One request per submit, however fast the clicks come.
    if (submitting.current) return
    submitting.current = true
    setFormError(null)
    const payload = toCreatePayload(values)
    const onRosterNow = () =>
      refreshedRoster()?.find((entry) => entry.contact_id === values.contact_id)
    try {
      const created = await link.mutateAsync(payload)
      // Acknowledged without the link: the roster was read again and has it.
      const linked =
        created ?? onRosterNow() ?? (selected && { contact: selected, role: payload.role ?? null })
      if (linked) onLinked(linked, true)
      else onClose()
    } catch (error) {
      if (writeOutcomeUnknown(error)) {
        // The POST may have landed. The roster was read again before we got here: if
        // it shows the contact, say so; if not, the form stays, with what was typed,
        // for linking again against the fresh roster — never a blind resend.
        const existing = onRosterNow()
        if (existing) {
          onLinked(existing, false)
          return
        }
        const refreshed = refreshedRoster() !== null
        const missing = refreshed && selected ? ` ${fullName(selected)} is not on it yet.` : ''
        setFormError(`${unconfirmedWriteMessage('this link', refreshed)}${missing}`)
        return
      }
      const message = applyServerError(error, form, () => {
        const existing = roster.find((entry) => entry.contact_id === values.contact_id)
        if (!existing || !selected) return undefined
        return `${fullName(selected)} is already on this deal${existing.role ? ` as ${existing.role}` : ''}.`
      })
      if (message) setFormError(`Could not link the contact. ${message} Nothing was saved.`)
    } finally {
      submitting.current = false
    }
  }

  const pending = form.formState.isSubmitting || link.isPending

  return (
    <Modal
      open
      onClose={() => {
        // While a request is on its way, closing would hide its outcome.
        if (!pending) onClose()
      }}
      title="Link a contact"
      description="Add someone to this deal's roster."
    >
      <form
        noValidate
        className="form"
        onSubmit={(event) => void form.handleSubmit(onSubmit)(event)}
      >
        {formError && (
          <div role="alert" className="callout callout-error">
            <p>{formError}</p>
          </div>
        )}
        <Controller
          control={form.control}
          name="contact_id"
          render={({ field, fieldState }) => (
            <ContactCombobox
              roster={roster}
              selected={selected}
              onSelect={(contact) => {
                setSelected(contact)
                field.onChange(contact?.id ?? null)
              }}
              inputRef={field.ref}
              error={fieldState.error?.message}
            />
          )}
        />
        <LinkFields form={form} roster={roster} allowNoRole={false} />
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose} disabled={pending}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? 'Linking…' : 'Link contact'}
          </button>
        </div>
      </form>
    </Modal>
  )
}
