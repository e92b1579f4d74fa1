import type { ContactRow } from './contact-row'

// vCard 4.0 (RFC 6350): CRLF line ends, text values escaped, lines folded at 75 octets.

/** Escapes a text value (RFC 6350 §3.4): backslash, comma, semicolon, newlines. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n')
}

const encoder = new TextEncoder()
const MAX_OCTETS = 75

/**
 * Folds a content line (RFC 6350 §3.2): no line longer than 75 octets, continuation
 * lines start with one space; never inside a UTF-8 sequence (a whole code point moves
 * to the next line).
 */
export function foldLine(line: string): string {
  const lines: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = encoder.encode(char).length
    // The first line holds 75 octets; the others a space and 74.
    const limit = lines.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1
    if (octets + size > limit) {
      lines.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  lines.push(current)
  return lines.join('\r\n ')
}

// A number in international form (RFC 3966's global number) becomes a tel: URI, the type
// RFC 6350 asks for; a local one ("(208) 555-0147") has no country to put in a URI, so it
// stays text, as vCard 4.0 allows and phones read.
const GLOBAL_PHONE = /^\+[\d\s().-]{7,20}$/

function telProperty(phone: string): string {
  if (GLOBAL_PHONE.test(phone)) return `TEL;VALUE=uri:tel:${phone.replace(/[^\d+]/g, '')}`
  return `TEL:${escapeText(phone)}`
}

function noteFor(row: ContactRow, about: string): string {
  const role = row.role || 'Role not recorded'
  const heading = `${role}${row.primary ? ' (primary)' : ''}${about ? ` on ${about}` : ''}`
  return [heading, row.startDate && `Since ${row.startDate}`, row.notes].filter(Boolean).join('\n')
}

/** One card. `about` names the deal in its note ("Buyer (primary) on 12 Main St"). */
export function vcard(row: ContactRow, about = ''): string {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `FN:${escapeText(row.name)}`,
    `N:${escapeText(row.lastName)};${escapeText(row.firstName)};;;`,
    row.company && `ORG:${escapeText(row.company)}`,
    row.email && `EMAIL:${escapeText(row.email)}`,
    row.phone && telProperty(row.phone),
    row.role && `ROLE:${escapeText(row.role)}`,
    `NOTE:${escapeText(noteFor(row, about))}`,
    'END:VCARD',
  ].filter((line): line is string => !!line)
  return lines.map((line) => `${foldLine(line)}\r\n`).join('')
}

/** A .vcf file: one card per contact. */
export function rosterVcards(rows: readonly ContactRow[], about = ''): string {
  return rows.map((row) => vcard(row, about)).join('')
}
