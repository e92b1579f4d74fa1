import { describe, expect, it } from 'vitest'
import {
  escapeText,
  foldLine,
  rosterVcards,
  vcard,
} from '../../../src/features/roster-export/vcard'
import { row } from './rows'

const octets = (text: string) => new TextEncoder().encode(text).length

function unfold(text: string): string {
  return text.replace(/\r\n[ \t]/g, '')
}

describe('escapeText (RFC 6350 §3.4)', () => {
  it('escapes backslash, comma, semicolon and newlines', () => {
    expect(escapeText('a\\b, c; d\ne\r\nf')).toBe('a\\\\b\\, c\\; d\\ne\\nf')
  })
})

describe('foldLine (RFC 6350 §3.2)', () => {
  it('leaves a line of 75 octets alone', () => {
    const line = `NOTE:${'x'.repeat(70)}`
    expect(foldLine(line)).toBe(line)
  })

  it('folds longer lines at 75 octets, continuation lines starting with a space', () => {
    const line = `NOTE:${'x'.repeat(200)}`
    const folded = foldLine(line)
    const lines = folded.split('\r\n')
    expect(lines.length).toBe(3)
    for (const part of lines) expect(octets(part)).toBeLessThanOrEqual(75)
    expect(lines.slice(1).every((part) => part.startsWith(' '))).toBe(true)
    expect(unfold(folded)).toBe(line)
  })

  it('never splits a UTF-8 sequence (accents, emoji)', () => {
    const line = `NOTE:x${'é'.repeat(50)}${'🏠'.repeat(30)}`
    const folded = foldLine(line)
    for (const part of folded.split('\r\n')) {
      expect(octets(part)).toBeLessThanOrEqual(75)
      // A split sequence would not survive encoding as well-formed text.
      expect(part).not.toMatch(/[\uD800-\uDFFF](?![\uDC00-\uDFFF])/u)
    }
    expect(unfold(folded)).toBe(line)
    // The 75th octet would be the first of an "é": the first line stops at 74.
    expect(octets(folded.split('\r\n')[0] ?? '')).toBe(74)
  })
})

describe('vcard', () => {
  it('writes a vCard 4.0 with name, company, email, phone, role and a note', () => {
    const card = vcard(
      row({
        name: 'Ann Lee',
        company: 'Lee, Lee; Partners',
        phone: '+1 (555) 010-0100',
        startDate: '2026-11-02',
        notes: 'Call after 5',
      }),
      '12 Main St',
    )
    expect(card.split('\r\n')).toEqual([
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Ann Lee',
      'N:Lee;Ann;;;',
      'ORG:Lee\\, Lee\\; Partners',
      'EMAIL:ann@example.com',
      'TEL;VALUE=uri:tel:+15550100100',
      'ROLE:Buyer',
      'NOTE:Buyer (primary) on 12 Main St\\nSince 2026-11-02\\nCall after 5',
      'END:VCARD',
      '',
    ])
  })

  it('leaves out what is not on file, and keeps a phone that is not a number as text', () => {
    const card = vcard(row({ role: '', primary: false, email: '', phone: 'ask the office; ext 4' }))
    expect(card).not.toContain('EMAIL')
    expect(card).not.toContain('ROLE')
    expect(card).not.toContain('ORG')
    expect(card).toContain('TEL:ask the office\\; ext 4\r\n')
    // A local number has no country for a tel: URI: it stays text.
    expect(vcard(row({ phone: '(208) 555-0147' }))).toContain('TEL:(208) 555-0147\r\n')
    expect(card).toContain('NOTE:Role not recorded\r\n')
  })

  it('writes one card per contact, every line CRLF-ended and at most 75 octets', () => {
    const text = rosterVcards([
      row(),
      row({ name: 'Zoë Ñúñez', firstName: 'Zoë', lastName: 'Ñúñez', notes: '🏡'.repeat(40) }),
    ])
    expect(text.match(/BEGIN:VCARD\r\n/g)).toHaveLength(2)
    expect(text.match(/END:VCARD\r\n/g)).toHaveLength(2)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75)
    expect(unfold(text)).toContain(`NOTE:Buyer (primary)\\n${'🏡'.repeat(40)}`)
    expect(unfold(text)).toContain('N:Ñúñez;Zoë;;;')
  })
})
