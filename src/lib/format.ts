// Display formatting, fixed to en-US: the API's amounts are US dollars and its
// dates are calendar dates (no time zone), so they are formatted in UTC.
const currency = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
})
const calendarDate = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
})

export function formatCurrency(amount: number | null | undefined): string {
  return amount == null ? '—' : currency.format(amount)
}

/** Formats a YYYY-MM-DD calendar date, e.g. "Dec 12, 2026". */
export function formatCalendarDate(value: string | null | undefined): string {
  if (!value) return '—'
  const date = new Date(`${value}T00:00:00Z`)
  return Number.isNaN(date.getTime()) ? value : calendarDate.format(date)
}

export function joinAddress(parts: readonly (string | null | undefined)[]): string {
  return parts.filter((part): part is string => !!part && part.trim() !== '').join(', ')
}

export function fullName(contact: { first_name: string; last_name: string }): string {
  return `${contact.first_name} ${contact.last_name}`.trim() || 'Unnamed contact'
}
