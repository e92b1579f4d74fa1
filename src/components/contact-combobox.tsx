import {
  Combobox,
  ComboboxInput,
  ComboboxOption,
  ComboboxOptions,
  Description,
  Field,
  Label,
} from '@headlessui/react'
import { useQuery } from '@tanstack/react-query'
import { Suspense, useCallback, useEffect, useMemo, useRef, useState, type Ref } from 'react'
import type { Contact, PropertyContact } from '../api'
import { errorMessage } from '../lib/error-message'
import { useDebouncedValue } from '../lib/use-debounced-value'
import { CONTACT_SEARCH_LIMIT, contactQueries } from '../lib/contact-queries'
import { fullName } from '../lib/format'
import { preloadableLazy } from '../lib/preloadable-lazy'
import { useOpenWhenLoaded } from '../lib/use-open-when-loaded'
import { useContactSuggestions } from '../lib/use-contact-suggestions'

// "Create contact" opens a form in place of the search. Its code (and the duplicate
// check) loads when the option is first offered, not with the picker. The one import
// from a feature here: the picker is shared by two features, and the form is theirs too.
// Once in, the form shows in the render that asks for it (useOpenWhenLoaded).
const createFormCode = preloadableLazy(() =>
  import('../features/contacts/components/create-contact-form').then((m) => m.CreateContactForm),
)
const CreateContactForm = createFormCode.Component

/** The list's last option: create a contact from what was typed. */
interface CreateRequest {
  create: string
}
type PickerValue = Contact | CreateRequest | null

const isCreateRequest = (value: PickerValue): value is CreateRequest =>
  value !== null && 'create' in value
const sameValue = (a: PickerValue, b: PickerValue) =>
  isCreateRequest(a) || isCreateRequest(b) ? a === b : a?.id === b?.id

/** Sets a ref of any kind (React 19 refs: a function or an object). */
function setRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === 'function') ref(value)
  else if (ref) ref.current = value
}

interface ContactComboboxProps {
  roster: readonly PropertyContact[]
  selected: Contact | null
  onSelect: (contact: Contact | null) => void
  inputRef: Ref<HTMLInputElement>
  error: string | undefined
  disabled?: boolean
  /** Let contacts already on the deal be chosen (to change their role), still marked. */
  allowLinked?: boolean
  label?: string
}

/**
 * Searches contacts as the user types (WAI-ARIA combobox, from Headless UI).
 * Contacts already on the property are listed and marked; unless `allowLinked`,
 * they cannot be chosen. The list ends with "Create contact “…”": a form in place of
 * the search, which selects the new contact (or an existing one it matched) here.
 */
export function ContactCombobox({
  roster,
  selected,
  onSelect,
  inputRef,
  error,
  disabled,
  allowLinked = false,
  label = 'Contact',
}: ContactComboboxProps) {
  const [text, setText] = useState('')
  // The search text the create form was opened with, while it is open.
  const [creating, setCreating] = useState<string | null>(null)
  const createOpener = useOpenWhenLoaded('the new contact form')
  const [created, setCreated] = useState<Contact | null>(null)
  // After the form closes: the text to put back in the search (Cancel), and focus.
  const restore = useRef<string | null>(null)
  const input = useRef<HTMLInputElement | null>(null)
  const setInput = useCallback(
    (element: HTMLInputElement | null) => {
      input.current = element
      setRef(inputRef, element)
    },
    [inputRef],
  )
  useEffect(() => {
    const element = input.current
    if (creating !== null || restore.current === null || !element) return
    // After Headless UI's own mount effects, which set the input from the selection.
    if (restore.current !== '') element.value = restore.current
    restore.current = null
    element.focus()
  }, [creating])
  const term = useDebouncedValue(text.trim(), 250)
  const search = useQuery(contactQueries.search(term))
  const linkedRoles = useMemo(
    () => new Map(roster.map((link) => [link.contact_id, link.role] as const)),
    [roster],
  )
  const results = term === '' ? [] : (search.data ?? [])
  // Found no one (and this is the answer for this term, not the last one's): the
  // closest names, from a broader search.
  const foundNoOne =
    term !== '' && search.isSuccess && !search.isPlaceholderData && results.length === 0
  const suggestions = useContactSuggestions(term, foundNoOne)
  const options = foundNoOne ? suggestions : results
  const typed = text.trim()
  const offerCreate = typed !== '' && !disabled
  useEffect(() => {
    if (offerCreate) createFormCode.preload().catch(() => undefined)
  }, [offerCreate])

  let status = 'Type a name, company, email or phone number to search.'
  if (term !== '') {
    if (search.isError) status = `Search failed. ${errorMessage(search.error)}`
    else if (search.isFetching && !search.isPlaceholderData) status = 'Searching…'
    else if (results.length === 0) {
      status = `No contacts match “${term}”.`
      if (suggestions.length > 0) {
        status += ` Did you mean ${suggestions.map((contact) => fullName(contact)).join(' or ')}?`
      }
    } else {
      // A full page of results (the search's limit) may not be all the matches.
      const more = results.length === CONTACT_SEARCH_LIMIT ? '+' : ''
      status = `${results.length}${more} contacts found.`
    }
  }

  if (creating !== null) {
    const close = (contact: Contact | null, keepText: string) => {
      restore.current = keepText
      setText(keepText)
      setCreating(null)
      if (contact) onSelect(contact)
    }
    return (
      <div className="field combobox">
        <Suspense fallback={<p className="field-hint">Opening the new contact form…</p>}>
          <CreateContactForm
            searchText={creating}
            roster={roster}
            allowLinked={allowLinked}
            onDone={(contact, wasCreated) => {
              setCreated(wasCreated ? contact : null)
              close(contact, '')
            }}
            onCancel={() => {
              close(null, creating)
            }}
          />
        </Suspense>
        {error && <p className="field-error">{error}</p>}
      </div>
    )
  }

  return (
    // Headless UI's Field wires the label and descriptions to the input itself.
    <Field className="field combobox" disabled={disabled}>
      <Label className="field-label">{label}</Label>
      <Combobox<PickerValue>
        value={selected}
        onChange={(value) => {
          if (isCreateRequest(value)) {
            createOpener.open(
              [createFormCode],
              () => {
                setCreating(value.create)
              },
              { waitAtMostMs: 250 },
            )
            return
          }
          createOpener.cancel()
          setCreated(null)
          onSelect(value)
        }}
        onClose={() => {
          setText('')
        }}
        by={sameValue}
      >
        <ComboboxInput
          ref={setInput}
          className="input combobox-input"
          autoComplete="off"
          placeholder="Search by name, company, email or phone"
          displayValue={(value: PickerValue) =>
            value && !isCreateRequest(value) ? fullName(value) : ''
          }
          onChange={(event) => {
            setText(event.target.value)
          }}
          aria-invalid={!!error}
          // Tab leaves the field without choosing: Headless UI would pick the highlighted
          // option on it. Stopped in capture, its handler does not run; the list closes
          // on blur, and the choice is made with Enter or a click.
          onKeyDownCapture={(event) => {
            if (event.key === 'Tab') event.stopPropagation()
          }}
        />
        {/* Not modal: a modal list would hide the rest of the page from assistive
            technology while open, the field's own label included. */}
        <ComboboxOptions className="combobox-options" aria-label="Matching contacts" modal={false}>
          {options.map((contact) => {
            const linked = linkedRoles.has(contact.id)
            const role = linkedRoles.get(contact.id)
            return (
              <ComboboxOption
                key={contact.id}
                value={contact}
                disabled={linked && !allowLinked}
                className="combobox-option"
              >
                <span className="option-name">
                  {foundNoOne ? (
                    <>
                      Did you mean <bdi>{fullName(contact)}</bdi>?
                    </>
                  ) : (
                    <bdi>{fullName(contact)}</bdi>
                  )}
                </span>
                <span className="option-detail">
                  {contact.email ?? contact.phone ?? contact.company ?? ''}
                </span>
                {linked && (
                  <span className="option-linked">
                    Already on this deal{role ? ` as ${role}` : ''}
                  </span>
                )}
              </ComboboxOption>
            )
          })}
          {offerCreate && (
            <ComboboxOption value={{ create: typed }} className="combobox-option option-create">
              <span className="option-name">
                Create contact “<bdi>{typed}</bdi>”
              </span>
            </ComboboxOption>
          )}
        </ComboboxOptions>
      </Combobox>
      <Description as="p" className="field-hint" role="status">
        {selected && text === ''
          ? `${created?.id === selected.id ? 'Created and selected' : 'Selected'}: ${fullName(selected)}${selected.email ? `, ${selected.email}` : ''}`
          : status}
      </Description>
      {error && (
        <Description as="p" className="field-error">
          {error}
        </Description>
      )}
    </Field>
  )
}
