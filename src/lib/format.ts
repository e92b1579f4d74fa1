// Display formatting, fixed to en-US: the API's amounts are US dollars and its
// dates are calendar dates (no time zone), so they are formatted in UTC.
//
// Written out rather than with Intl.NumberFormat / Intl.DateTimeFormat, which give the
// same text for these two fixed formats (tests/lib/format.test.ts holds them to it):
// the first currency formatter a page creates loads its locale data on the main
// thread, about 25 ms on a fast machine and 100 ms on a phone, in the middle of the
// property page's start.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Whole digits grouped by thousands: 1033500 → "1,033,500". */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** A count with thousands grouped, e.g. "2,000". */
export function formatCount(count: number): string {
  if (!Number.isInteger(count) || count < 0) return String(count)
  return groupThousands(count.toFixed(0))
}

/** US dollars, whole (half away from zero), e.g. "$1,033,500" or "-$250". */
export function formatCurrency(amount: number | null | undefined): string {
  if (amount == null || Number.isNaN(amount)) return amount == null ? '—' : 'NaN'
  if (!Number.isFinite(amount)) return `${amount < 0 ? '-' : ''}$∞`
  const whole = Math.round(Math.abs(amount))
  // As Intl's default sign display: a negative amount keeps its sign even at $0.
  const sign = amount < 0 || Object.is(amount, -0) ? '-' : ''
  return `${sign}$${groupThousands(whole.toFixed(0))}`
}

/** Formats a YYYY-MM-DD calendar date, e.g. "Dec 12, 2026". */
export function formatCalendarDate(value: string | null | undefined): string {
  if (!value) return '—'
  const date = new Date(`${value}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return value
  const year = date.getUTCFullYear()
  // Years before 1 or after 9999 are rare enough to leave to Intl.
  if (year < 1 || year > 9999) {
    return new Intl.DateTimeFormat('en-US', {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(date)
  }
  return `${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCDate()}, ${year}`
}

export function joinAddress(parts: readonly (string | null | undefined)[]): string {
  return parts.filter((part): part is string => !!part && part.trim() !== '').join(', ')
}

export function fullName(contact: { first_name: string; last_name: string }): string {
  return `${contact.first_name} ${contact.last_name}`.trim() || 'Unnamed contact'
}
