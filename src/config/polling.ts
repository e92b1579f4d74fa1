import * as z from 'zod/mini'

/** How often an open roster checks for colleagues' changes, by default. */
export const DEFAULT_ROSTER_POLL_SECONDS = 30

const PollSecondsSchema = z.lazy(() =>
  z.pipe(z.string().check(z.trim(), z.regex(/^\d+(\.\d+)?$/)), z.transform(Number)),
)

/**
 * The roster's check interval in ms from `VITE_ROSTER_POLL_SECONDS` (set when building):
 * a number of seconds, at least 1; `0` turns the check off. Anything else, or nothing,
 * is the default, with a warning for a value that is not a number.
 */
export function rosterPollMs(raw: string | undefined): number | false {
  if (raw === undefined || raw.trim() === '') return DEFAULT_ROSTER_POLL_SECONDS * 1000
  const parsed = z.safeParse(PollSecondsSchema, raw)
  if (!parsed.success) {
    console.warn(
      `VITE_ROSTER_POLL_SECONDS=${JSON.stringify(raw)} is not a number of seconds; using ${String(DEFAULT_ROSTER_POLL_SECONDS)}.`,
    )
    return DEFAULT_ROSTER_POLL_SECONDS * 1000
  }
  if (parsed.data === 0) return false
  return Math.max(1, parsed.data) * 1000
}

const env = (import.meta as { env?: Record<string, string | undefined> }).env

export const ROSTER_POLL_MS = rosterPollMs(env?.VITE_ROSTER_POLL_SECONDS)
