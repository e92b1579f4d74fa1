import type { ContactRow } from './contact-row'

// RFC 4180: fields separated by commas, records by CRLF; a field holding a quote, a
// comma, CR or LF is quoted, with its quotes doubled.
const NEEDS_QUOTES = /[",\r\n]/
// OWASP "CSV Injection": a spreadsheet runs a cell that starts with one of these as a
// formula. Such a cell is prefixed with a single quote, which spreadsheets show as text
// (the value reads "'+1 555…" in a plain text editor: the price of safety).
const FORMULA_START = /^[=+\-@\t\r]/

/** A UTF-8 byte-order mark: without it Excel reads the file as ANSI and garbles accents. */
export const CSV_BOM = '\uFEFF'

export const CSV_HEADER = [
  'Role',
  'Primary',
  'Name',
  'Company',
  'Email',
  'Phone',
  'Start date',
  'Notes',
] as const

/** One cell: neutralised against formulas, then quoted if it must be. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

function csvRecord(cells: readonly string[]): string {
  return cells.map(csvCell).join(',')
}

/** The roster as CSV: a header, one record per contact, CRLF after each, BOM first. */
export function rosterCsv(rows: readonly ContactRow[]): string {
  const records = [
    csvRecord(CSV_HEADER),
    ...rows.map((row) =>
      csvRecord([
        row.role,
        row.primary ? 'Yes' : 'No',
        row.name,
        row.company,
        row.email,
        row.phone,
        row.startDate,
        row.notes,
      ]),
    ),
  ]
  return `${CSV_BOM}${records.map((record) => `${record}\r\n`).join('')}`
}
