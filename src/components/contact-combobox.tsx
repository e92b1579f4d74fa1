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
import { useMemo, useState, type Ref } from 'react'
import type { Contact, PropertyContact } from '../api'
import { errorMessage } from '../lib/error-message'
import { useDebouncedValue } from '../lib/use-debounced-value'
import { CONTACT_SEARCH_LIMIT, contactQueries } from '../lib/contact-queries'
import { fullName } from '../lib/format'
import { useContactSuggestions } from '../lib/use-contact-suggestions'

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
 * they cannot be chosen.
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

  return (
    // Headless UI's Field wires the label and descriptions to the input itself.
    <Field className="field combobox" disabled={disabled}>
      <Label className="field-label">{label}</Label>
      <Combobox
        value={selected}
        onChange={(contact) => {
          onSelect(contact)
        }}
        onClose={() => {
          setText('')
        }}
        by="id"
      >
        <ComboboxInput
          ref={inputRef}
          className="input combobox-input"
          autoComplete="off"
          placeholder="Search by name, company, email or phone"
          displayValue={(contact: Contact | null) => (contact ? fullName(contact) : '')}
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
        </ComboboxOptions>
      </Combobox>
      <Description as="p" className="field-hint" role="status">
        {selected && text === ''
          ? `Selected: ${fullName(selected)}${selected.email ? `, ${selected.email}` : ''}`
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
