import { describe, expect, it } from 'vitest'
import { formatCalendarDate, formatCurrency } from '../../src/lib/format'

// The formats are written out (src/lib/format.ts says why); Intl is the oracle.
const intlCurrency = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
})
const intlDate = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
})

describe('formatCurrency', () => {
  it('says — for a missing amount', () => {
    expect(formatCurrency(null)).toBe('—')
    expect(formatCurrency(undefined)).toBe('—')
  })

  it.each([
    0,
    1,
    9,
    10,
    999,
    1000,
    1001,
    12345,
    999_999,
    1_000_000,
    1_033_500,
    12_345_678_901,
    0.4,
    0.5,
    1.5,
    2.5,
    999.5,
    1234.49,
    1234.5,
    -1,
    -0.4,
    -0.5,
    -1.5,
    -999,
    -1000,
    -1_033_500,
    -0,
    Number.MAX_SAFE_INTEGER,
    Infinity,
    -Infinity,
  ])('formats %d as Intl does', (amount) => {
    expect(formatCurrency(amount)).toBe(intlCurrency.format(amount))
  })
})

describe('formatCalendarDate', () => {
  it('says — for a missing date and keeps what is not a date', () => {
    expect(formatCalendarDate(null)).toBe('—')
    expect(formatCalendarDate('')).toBe('—')
    expect(formatCalendarDate('someday')).toBe('someday')
  })

  it('formats every day of a leap year and of the years around it as Intl does', () => {
    for (const year of [1999, 2000, 2024, 2026]) {
      for (let day = new Date(Date.UTC(year, 0, 1)); day.getUTCFullYear() === year;) {
        const value = day.toISOString().slice(0, 10)
        expect(formatCalendarDate(value)).toBe(intlDate.format(day))
        day = new Date(day.getTime() + 86_400_000)
      }
    }
  })

  it.each(['0001-01-01', '0999-12-31', '1900-02-28', '9999-12-31'])(
    'formats %s as Intl does',
    (value) => {
      expect(formatCalendarDate(value)).toBe(intlDate.format(new Date(`${value}T00:00:00Z`)))
    },
  )
})
