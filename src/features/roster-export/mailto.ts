import type { ContactRow } from './contact-row'

/**
 * Longer `mailto:` links are cut or refused by some mail apps and browsers (older
 * Outlook and Internet Explorer stop near 2,083 characters); kept under 2,000.
 */
export const MAILTO_LIMIT = 2000

// The same check the roster uses before it makes an address a link.
const EMAIL_RE = /^[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]{2,}$/

export type RecipientField = 'to' | 'bcc'

export interface Unreachable {
  name: string
  /** No email on file, or one that is not an address. */
  reason: 'none' | 'invalid'
}

export interface MailtoPlan {
  /** Addresses, once each (compared without case), in roster order. */
  addresses: string[]
  /** The link to open, or null when it would pass MAILTO_LIMIT. */
  href: string | null
  /** How long the link is (or would be). */
  length: number
  unreachable: Unreachable[]
}

export function isEmailAddress(value: string): boolean {
  return EMAIL_RE.test(value)
}

/** RFC 6068: each address percent-encoded (UTF-8), `@` kept; addresses joined by commas. */
function encodeAddress(address: string): string {
  return encodeURIComponent(address).replace(/%40/g, '@')
}

export function reachableAddresses(rows: readonly ContactRow[]): {
  addresses: string[]
  reachable: ContactRow[]
  unreachable: Unreachable[]
} {
  const seen = new Set<string>()
  const addresses: string[] = []
  const reachable: ContactRow[] = []
  const unreachable: Unreachable[] = []
  for (const row of rows) {
    if (!row.email) {
      unreachable.push({ name: row.name, reason: 'none' })
      continue
    }
    if (!isEmailAddress(row.email)) {
      unreachable.push({ name: row.name, reason: 'invalid' })
      continue
    }
    reachable.push(row)
    const key = row.email.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    addresses.push(row.email)
  }
  return { addresses, reachable, unreachable }
}

/** A `mailto:` for everyone in `rows` with an email, in the To or the Bcc field. */
export function planMailto(rows: readonly ContactRow[], field: RecipientField): MailtoPlan {
  const { addresses, unreachable } = reachableAddresses(rows)
  const list = addresses.map(encodeAddress).join(',')
  const link =
    addresses.length === 0 ? '' : field === 'to' ? `mailto:${list}` : `mailto:?bcc=${list}`
  const href = link !== '' && link.length <= MAILTO_LIMIT ? link : null
  return { addresses, href, length: link.length, unreachable }
}

/** "2 have no email: Ann Lee, Bo Roe (not a valid address)." or '' when everyone has one. */
export function describeUnreachable(unreachable: readonly Unreachable[]): string {
  if (unreachable.length === 0) return ''
  const names = unreachable
    .map(({ name, reason }) => (reason === 'invalid' ? `${name} (not a valid address)` : name))
    .join(', ')
  const count = unreachable.length
  return `${count} ${count === 1 ? 'has' : 'have'} no email: ${names}.`
}
