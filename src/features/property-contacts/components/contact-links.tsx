import type { Contact } from '../../../api'

// Only well-formed values become links: text from the API is never trusted to
// be a safe URL (a `javascript:` value must not end up in an href).
const EMAIL_RE = /^[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]{2,}$/
const PHONE_RE = /^\+?[\d\s().-]{7,20}$/

export function ContactLinks({ contact }: { contact: Contact }) {
  const email = contact.email?.trim()
  const phone = contact.phone?.trim()
  if (!email && !phone && !contact.company) return null
  return (
    <p className="entry-contact">
      {contact.company && <span>{contact.company}</span>}
      {email &&
        (EMAIL_RE.test(email) ? <a href={`mailto:${email}`}>{email}</a> : <span>{email}</span>)}
      {phone &&
        (PHONE_RE.test(phone) ? (
          <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a>
        ) : (
          <span>{phone}</span>
        ))}
    </p>
  )
}
