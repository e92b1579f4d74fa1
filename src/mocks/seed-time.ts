// Seed timestamps are derived from one fixed date, never from the wall clock.

const DAY_MS = 86_400_000

export const SEED_BASE_DATE = new Date(Date.UTC(2026, 10, 1))
export const SEED_BASE_MS = SEED_BASE_DATE.getTime()

export function daysFrom(ms: number, days: number): number {
  return ms + days * DAY_MS
}

export function isoTimestamp(ms: number): string {
  return new Date(ms).toISOString()
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}
