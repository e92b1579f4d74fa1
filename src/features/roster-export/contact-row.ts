import { canonicalRole, roleKey, type PropertyContact } from '../../api'
import { fullName } from '../../lib/format'

/** One person on the roster as every export writes them: plain text, nothing parsed. */
export interface ContactRow {
  /** The role as the roster shows it ("Buyer Agent"); '' when none is recorded. */
  role: string
  primary: boolean
  name: string
  firstName: string
  lastName: string
  company: string
  email: string
  phone: string
  /** YYYY-MM-DD, or ''. */
  startDate: string
  notes: string
}

function text(value: string | null | undefined): string {
  return value?.trim() ?? ''
}

export function contactRow(link: PropertyContact): ContactRow {
  const { contact } = link
  return {
    role: link.role !== null && roleKey(link.role) !== '' ? canonicalRole(link.role) : '',
    primary: link.primary,
    name: fullName(contact),
    firstName: text(contact.first_name),
    lastName: text(contact.last_name),
    company: text(contact.company),
    email: text(contact.email),
    phone: text(contact.phone),
    startDate: link.start_date ?? '',
    notes: link.notes ?? '',
  }
}
