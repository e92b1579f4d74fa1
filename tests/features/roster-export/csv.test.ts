import { describe, expect, it } from 'vitest'
import { CSV_BOM, csvCell, rosterCsv } from '../../../src/features/roster-export/csv'
import { row } from './rows'

describe('csvCell', () => {
  it('leaves a plain value as it is', () => {
    expect(csvCell('Ann Lee')).toBe('Ann Lee')
    expect(csvCell('')).toBe('')
  })

  it.each([
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
  ])('quotes %j (RFC 4180)', (value, expected) => {
    expect(csvCell(value)).toBe(expected)
  })

  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1 555 0100', "'+1 555 0100"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
  ])('neutralises a cell a spreadsheet would run, %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected)
  })

  it('does not touch a formula character later in the cell', () => {
    expect(csvCell('a=b')).toBe('a=b')
    expect(csvCell('ann@example.com')).toBe('ann@example.com')
  })
})

describe('rosterCsv', () => {
  it('writes a BOM, the header and one CRLF-ended record per contact', () => {
    const csv = rosterCsv([
      row({ startDate: '2026-11-02', notes: 'Keys, then "walk-through"' }),
      row({
        role: '',
        primary: false,
        name: 'José Müller',
        firstName: 'José',
        lastName: 'Müller',
        company: 'Añejo & Hijos',
        email: '',
        phone: '+1 (555) 010-0000',
      }),
    ])
    expect(csv.startsWith(CSV_BOM)).toBe(true)
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Role,Primary,Name,Company,Email,Phone,Start date,Notes',
      'Buyer,Yes,Ann Lee,,ann@example.com,,2026-11-02,"Keys, then ""walk-through"""',
      ",No,José Müller,Añejo & Hijos,,'+1 (555) 010-0000,,",
      '',
    ])
  })

  it('keeps unicode as it is: accents, right-to-left text, emoji', () => {
    const csv = rosterCsv([row({ name: 'נועה כהן', notes: 'Prefers 📞 — not email' })])
    expect(csv).toContain('נועה כהן')
    expect(csv).toContain('Prefers 📞 — not email')
  })

  it('writes just the header for no one', () => {
    expect(rosterCsv([])).toBe(
      `${CSV_BOM}Role,Primary,Name,Company,Email,Phone,Start date,Notes\r\n`,
    )
  })
})
