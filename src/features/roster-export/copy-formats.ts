import type { ContactRow } from './contact-row'
import { reachableAddresses } from './mailto'

// A display name is quoted when it holds a character RFC 5322 does not allow bare in
// one (a comma would otherwise split "Lee, Ann <ann@…>" into two recipients).
const NEEDS_QUOTES = /[()<>[\]:;@\\,."]/

function mailbox(row: ContactRow): string {
  const name = NEEDS_QUOTES.test(row.name) ? `"${row.name.replace(/(["\\])/g, '\\$1')}"` : row.name
  return `${name} <${row.email}>`
}

export type EmailListFormat = 'lines' | 'comma'

/** `Name <email>` for everyone with an email: one a line, or comma-separated for a To field. */
export function emailList(rows: readonly ContactRow[], format: EmailListFormat): string {
  const { reachable } = reachableAddresses(rows)
  const seen = new Set<string>()
  const mailboxes: string[] = []
  for (const row of reachable) {
    const key = row.email.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    mailboxes.push(mailbox(row))
  }
  return mailboxes.join(format === 'lines' ? '\n' : ', ')
}

/** One contact's details, as lines to paste anywhere. */
export function contactDetails(row: ContactRow): string {
  const role = row.role ? `${row.role}${row.primary ? ' (primary)' : ''}` : ''
  return [row.name, role, row.company, row.email, row.phone].filter(Boolean).join('\n')
}
