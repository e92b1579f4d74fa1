import { zodResolver } from '@hookform/resolvers/zod'
import { useRef, useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import type { Contact, PropertyContact, PropertyContactCreate } from '../../../api'
import { Modal } from '../../../components/ui/modal'
import { unconfirmedWriteMessage } from '../../../lib/error-message'
import {
  EMPTY_LINK_FORM,
  LinkFormSchema,
  roleChoiceFor,
  toCreatePayload,
  type LinkFormValues,
} from '../link-form-schema'
import { fullName } from '../../../lib/format'
import { applyServerError } from '../server-errors'
import { ContactCombobox } from '../../../components/contact-combobox'
import { LinkFields } from './link-fields'
import { chosenRole } from '../../../api'
import { primaryOf } from '../role-groups'
import type { LinkDialogInitial } from './roster-dialogs-provider'
import type { LinkOutcome, Replacing } from './use-roster-actions'

interface LinkContactDialogProps {
  roster: readonly PropertyContact[]
  /** The role (and primary) chosen already, for a fix such as "Link a Lender". */
  initial?: LinkDialogInitial | undefined
  /** A link request is on its way: closing would hide its outcome. */
  pending: boolean
  onClose: () => void
  /** Links the contact (and says so); the dialog shows what went wrong otherwise. */
  onSubmit: (
    payload: PropertyContactCreate,
    chosen: Contact | null,
    /** The primary this link demotes, as the user saw them, and whether to remove them. */
    replacing: Replacing | null,
  ) => Promise<LinkOutcome>
}

/**
 * What a 409 means, in names: from the roster as read after it (the one this dialog
 * was opened with did not have them, or the combobox would not have offered them).
 */
function linkedMeanwhile(
  existing: PropertyContact | null | undefined,
  selected: Contact | null,
): string | undefined {
  const who = existing ? fullName(existing.contact) : selected && fullName(selected)
  if (!who) return undefined
  if (!existing) return `${who} was linked to this deal meanwhile; nothing was changed.`
  const as = existing.role ? `, as ${existing.role}` : ''
  return `${who} was linked to this deal meanwhile${as}; the roster is refreshed.`
}

export function LinkContactDialog({
  roster,
  initial,
  pending,
  onClose,
  onSubmit,
}: LinkContactDialogProps) {
  const [selected, setSelected] = useState<Contact | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [removeDemoted, setRemoveDemoted] = useState(false)
  const submitting = useRef(false)
  const form = useForm<LinkFormValues>({
    resolver: zodResolver(LinkFormSchema),
    defaultValues: initial
      ? {
          ...EMPTY_LINK_FORM,
          ...roleChoiceFor(initial.role),
          primary: initial.primary ?? false,
        }
      : EMPTY_LINK_FORM,
  })

  const submit = async (values: LinkFormValues) => {
    // One request per submit, however fast the clicks come.
    if (submitting.current) return
    submitting.current = true
    setFormError(null)
    try {
      const demoted = values.primary
        ? primaryOf(
            roster,
            chosenRole(values.roleChoice, values.otherRole),
            values.contact_id ?? undefined,
          )
        : undefined
      const replacing = demoted ? { current: demoted, remove: removeDemoted } : null
      const outcome = await onSubmit(toCreatePayload(values), selected, replacing)
      if (outcome.kind === 'unconfirmed') {
        // The form stays, with what was typed, for linking again against the fresh roster.
        const refreshed = outcome.rosterRefreshed
        const missing = refreshed && selected ? ` ${fullName(selected)} is not on it yet.` : ''
        setFormError(`${unconfirmedWriteMessage('this link', refreshed)}${missing}`)
      } else if (outcome.kind === 'refused') {
        const message = applyServerError(outcome.error, form, () =>
          linkedMeanwhile(outcome.existing, selected),
        )
        if (message) setFormError(`Could not link the contact. ${message} Nothing was saved.`)
      }
    } finally {
      submitting.current = false
    }
  }

  const busy = form.formState.isSubmitting || pending

  return (
    <Modal
      open
      onClose={() => {
        // While a request is on its way, closing would hide its outcome.
        if (!busy) onClose()
      }}
      title="Link a contact"
      description="Add someone to this deal's roster."
    >
      <form noValidate className="form" onSubmit={(event) => void form.handleSubmit(submit)(event)}>
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
        <LinkFields
          form={form}
          roster={roster}
          allowNoRole={false}
          removeDemoted={{ checked: removeDemoted, onChange: setRemoveDemoted }}
        />
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Linking…' : 'Link contact'}
          </button>
        </div>
      </form>
    </Modal>
  )
}
