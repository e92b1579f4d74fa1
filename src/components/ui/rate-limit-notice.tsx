import { RateLimitError } from '../../api'

/**
 * While a read waits out a 429 before retrying, say so: a page that silently
 * hangs for 30 seconds looks broken.
 */
export function RateLimitNotice({
  failureReason,
  isFetching,
}: {
  failureReason: unknown
  isFetching: boolean
}) {
  if (!isFetching || !(failureReason instanceof RateLimitError)) return null
  const wait = failureReason.retryAfter
  return (
    <p role="status" className="callout callout-info">
      The server asked Roster to slow down.{' '}
      {wait !== undefined
        ? `Trying again in ${Math.max(1, Math.ceil(wait))} seconds…`
        : 'Trying again shortly…'}
    </p>
  )
}
