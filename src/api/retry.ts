// The client never retries on its own: react-query is the one retry layer, so a
// failure is retried once per policy, not multiplied by nested loops. These helpers
// are that policy's building blocks.
import { NetworkError, RateLimitError, ServerError } from './errors'

const BACKOFF_BASE_MS = 1000
const BACKOFF_CAP_MS = 30_000

/** Failures that may go away by themselves: the network, the server, a rate limit. */
export function isTransientError(error: unknown): boolean {
  return (
    error instanceof NetworkError || error instanceof ServerError || error instanceof RateLimitError
  )
}

/**
 * Milliseconds to wait before retry number `attempt` (0 for the first retry, as
 * react-query counts): what a rate limit asked for, else 1s, 2s, 4s… up to 30s.
 */
export function retryDelayFor(error: unknown, attempt: number): number {
  if (error instanceof RateLimitError && error.retryAfter !== undefined) {
    return error.retryAfter * 1000
  }
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempt), BACKOFF_CAP_MS)
}

/**
 * Seconds to wait, from a `Retry-After` header (delta-seconds or HTTP-date) or the
 * `X-RateLimit-Retry-After` some gateways send instead; undefined when neither parses.
 */
export function retryAfterSeconds(headers: Headers, now: number = Date.now()): number | undefined {
  for (const name of ['Retry-After', 'X-RateLimit-Retry-After']) {
    const raw = headers.get(name)?.trim()
    if (!raw) continue
    if (/^\d+(\.\d+)?$/.test(raw)) return Number(raw)
    const at = Date.parse(raw)
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - now) / 1000))
  }
  return undefined
}
