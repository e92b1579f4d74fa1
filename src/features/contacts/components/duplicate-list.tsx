import { useId, type Ref } from 'react'
import type { Contact, PropertyContact } from '../../../api'
import { fullName } from '../../../lib/format'
import type { DuplicateMatch, MatchReason } from '../duplicates'

const REASON_TEXT: Record<MatchReason, string> = {
  email: 'same email',
  phone: 'same phone',
  name: 'same name',
  'similar name': 'similar name',
}

interface DuplicateListProps {
  matches: readonly DuplicateMatch[]
  roster: readonly PropertyContact[]
  allowLinked: boolean
  onUse: (contact: Contact) => void
  headingRef: Ref<HTMLParagraphElement>
}

/** The contacts the new one may duplicate, each with "Use this contact". */
export function DuplicateList({
  matches,
  roster,
  allowLinked,
  onUse,
  headingRef,
}: DuplicateListProps) {
  const id = useId()
  const roles = new Map(roster.map((link) => [link.contact_id, link.role] as const))
  const count = matches.length
  return (
    <section className="callout callout-warning duplicate-list" aria-labelledby={id}>
      <p id={id} ref={headingRef} tabIndex={-1} className="duplicate-list-title">
        {count === 1
          ? 'This may be someone already in your contacts:'
          : `These ${count} may be someone already in your contacts:`}
      </p>
      <ul className="duplicate-list-items">
        {matches.map(({ contact, reasons }) => {
          const name = fullName(contact)
          const linked = roles.has(contact.id)
          const role = roles.get(contact.id)
          const details = [contact.email, contact.phone, contact.company].filter(
            (detail): detail is string => !!detail,
          )
          return (
            <li key={contact.id} className="duplicate-list-item">
              <span>
                <bdi>{name}</bdi>
                {details.map((detail) => (
                  <span key={detail}> · {detail}</span>
                ))}{' '}
                <span className="field-hint">
                  ({reasons.map((r) => REASON_TEXT[r]).join(', ')})
                </span>
              </span>
              {linked && (
                <span className="option-linked">
                  Already on this deal{role ? ` as ${role}` : ''}
                </span>
              )}
              {(!linked || allowLinked) && (
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Use this contact: ${name}`}
                  onClick={() => {
                    onUse(contact)
                  }}
                >
                  Use this contact
                </button>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
