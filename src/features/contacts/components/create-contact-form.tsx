import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { writeOutcomeUnknown, type Contact, type PropertyContact } from '../../../api'
import { connection, notSentMessage } from '../../../lib/connection'
import { errorMessage } from '../../../lib/error-message'
import { useDebouncedValue } from '../../../lib/use-debounced-value'
import { useCheckDuplicates, useDuplicateMatches } from '../api/contact-duplicate-queries'
import { useCreateContact } from '../api/contact-mutations'
import {
  ContactFormSchema,
  toCreatePayload,
  toDraft,
  type ContactFormValues,
} from '../contact-form-schema'
import { draftKey, prefillFromSearch, type ContactDraft, type DuplicateMatch } from '../duplicates'
import { applyContactErrors } from '../server-errors'
import { ContactFields } from './contact-fields'
import { DuplicateList } from './duplicate-list'

export interface CreateContactFormProps {
  /** What was typed in the search: the form starts from it. */
  searchText: string
  /** Contacts already on this deal: a match among them says so. */
  roster: readonly PropertyContact[]
  /** A match already on the deal may still be chosen (the setup page: to change a role). */
  allowLinked: boolean
  /** The contact to select: the one created, or an existing one the user chose. */
  onDone: (contact: Contact, created: boolean) => void
  /** Back to the search, with its text. */
  onCancel: () => void
}

/** The result of the check made on Save, for the values it was made for. */
interface SaveCheck {
  key: string
  matches: DuplicateMatch[]
  failed: string | null
}

/**
 * "Create contact" in place, under the picker that asked. Not a <form>: it sits
 * inside the link dialog's or the setup page's own form, so Enter saves it here and
 * Escape goes back to the search. Before creating, it looks for the person among the
 * contacts (same email, phone or name, ../duplicates.ts); creating despite a match
 * takes a second, deliberate step.
 */
export function CreateContactForm({
  searchText,
  roster,
  allowLinked,
  onDone,
  onCancel,
}: CreateContactFormProps) {
  const id = useId()
  const form = useForm<ContactFormValues>({
    resolver: zodResolver(ContactFormSchema),
    defaultValues: { ...prefillFromSearch(searchText), company: '' },
  })
  const create = useCreateContact()
  const checkDuplicates = useCheckDuplicates()
  const [saveCheck, setSaveCheck] = useState<SaveCheck | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  // One create at a time, however fast the clicks or the Enter presses come.
  const inFlight = useRef(false)
  // The values the user chose to create despite the matches shown for them.
  const confirmedKey = useRef<string | null>(null)
  const matchesHeading = useRef<HTMLParagraphElement>(null)

  useEffect(() => {
    form.setFocus('first_name')
  }, [form])

  const [first, last, email, phone] = useWatch({
    control: form.control,
    name: ['first_name', 'last_name', 'email', 'phone'],
  })
  const current: ContactDraft = { first_name: first, last_name: last, email, phone }
  const currentKey = draftKey(current)
  // Looked for as the user types, once they pause: the same searches Save will need.
  const [dFirst, dLast, dEmail, dPhone] = [
    useDebouncedValue(first, 300),
    useDebouncedValue(last, 300),
    useDebouncedValue(email, 300),
    useDebouncedValue(phone, 300),
  ]
  const typed = useMemo<ContactDraft>(
    () => ({ first_name: dFirst, last_name: dLast, email: dEmail, phone: dPhone }),
    [dFirst, dLast, dEmail, dPhone],
  )
  const live = useDuplicateMatches(typed)
  // The matches a Save found are the news: focus goes to them, so they are read out.
  useEffect(() => {
    if (saveCheck && saveCheck.matches.length > 0) matchesHeading.current?.focus()
  }, [saveCheck])
  const checkedNow = saveCheck?.key === currentKey ? saveCheck : null
  const matches = checkedNow ? checkedNow.matches : live.matches
  const confirming = checkedNow !== null && (checkedNow.matches.length > 0 || !!checkedNow.failed)

  const save = async (values: ContactFormValues) => {
    if (inFlight.current) return
    inFlight.current = true
    setFormError(null)
    try {
      const state = connection.current()
      if (state !== 'online') {
        setFormError(notSentMessage(state))
        return
      }
      const draft = toDraft(values)
      const key = draftKey(draft)
      if (confirmedKey.current !== key) {
        let found: DuplicateMatch[]
        try {
          found = await checkDuplicates(draft)
        } catch (error) {
          setSaveCheck({
            key,
            matches: [],
            failed: `Could not check whether this person is already in your contacts. ${errorMessage(error)}`,
          })
          return
        }
        if (found.length > 0) {
          setSaveCheck({ key, matches: found, failed: null })
          return
        }
      }
      const contact = await create.mutateAsync(toCreatePayload(values))
      onDone(contact, true)
    } catch (error) {
      const leftover = applyContactErrors(error, form)
      if (leftover === undefined) {
        setFormError(
          writeOutcomeUnknown(error)
            ? 'The server did not confirm the new contact. It may have been created: save again, and Roster lists it among the matches if it was.'
            : `Could not create the contact. ${errorMessage(error)}`,
        )
      } else if (leftover !== null) {
        setFormError(`Could not create the contact. ${leftover}`)
      }
    } finally {
      inFlight.current = false
    }
  }

  const busy = form.formState.isSubmitting
  const submit = (confirm: boolean) => {
    if (confirm) confirmedKey.current = currentKey
    void form.handleSubmit(save)()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Enter in a field saves this form, not the dialog's or the page's around it.
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault()
      event.stopPropagation()
      if (!busy) submit(false)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      if (!busy) onCancel()
    }
  }

  return (
    // A group of fields, not a form: Enter and Escape are handled for it (see above).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- the keys serve the inputs inside the group
    <div
      role="group"
      aria-labelledby={`${id}-title`}
      className="create-contact"
      onKeyDown={onKeyDown}
    >
      <p id={`${id}-title`} className="create-contact-title">
        New contact
      </p>
      {formError && (
        <div role="alert" className="callout callout-error">
          <p>{formError}</p>
        </div>
      )}
      <ContactFields form={form} />
      {checkedNow?.failed && (
        <div role="alert" className="callout callout-warning">
          <p>{checkedNow.failed} Try again, or create the contact anyway.</p>
        </div>
      )}
      {matches.length > 0 && (
        <DuplicateList
          headingRef={matchesHeading}
          matches={matches}
          roster={roster}
          allowLinked={allowLinked}
          onUse={(contact) => {
            onDone(contact, false)
          }}
        />
      )}
      {live.checking && !checkedNow && (
        <p className="field-hint">Looking for this person among your contacts…</p>
      )}
      <div className="create-contact-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        {/* One button whose label changes: focus stays on it when the matches appear. */}
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => {
            submit(confirming)
          }}
        >
          {confirming ? (busy ? 'Creating…' : 'Create anyway') : busy ? 'Saving…' : 'Save contact'}
        </button>
      </div>
    </div>
  )
}
