import type { RosterUpdate } from '../api/use-roster-updates'
import { useConnection } from '../../../lib/connection'

// Made when first needed: a page that never says a time never pays for the formatter.
let timeFormatter: Intl.DateTimeFormat | undefined
const timeFormat = {
  format(at: number): string {
    timeFormatter ??= new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' })
    return timeFormatter.format(at)
  },
}

interface RosterFreshnessProps {
  update: RosterUpdate | null
  onDismiss: () => void
  /** When the roster on screen was read (ms since the epoch); 0 when never. */
  dataUpdatedAt: number
  /** The last reading failed, and what is shown is what was read before. */
  stale: boolean
  onRetry: () => void
}

/**
 * How current the roster on screen is: changes that arrived from elsewhere, pointed
 * out in words (never moving focus), and, while offline or after a failed reading,
 * the time of the roster shown ("as of 10:42").
 */
export function RosterFreshness({
  update,
  onDismiss,
  dataUpdatedAt,
  stale,
  onRetry,
}: RosterFreshnessProps) {
  const connection = useConnection()
  const showAge = dataUpdatedAt > 0 && (connection !== 'online' || stale)
  return (
    <>
      <div aria-live="polite" className="roster-updates">
        {update && (
          <p className="callout callout-info roster-update">
            <span>
              Updated just now ({timeFormat.format(update.at)}): {update.text}.
            </span>
            <button
              type="button"
              className="button button-small button-quiet"
              aria-label="Dismiss update notice"
              onClick={onDismiss}
            >
              <span aria-hidden="true">×</span>
            </button>
          </p>
        )}
      </div>
      {showAge && (
        <p className="roster-age">
          {connection === 'online'
            ? `Showing the roster as of ${timeFormat.format(dataUpdatedAt)}: it could not be read again. `
            : `Showing the roster as of ${timeFormat.format(dataUpdatedAt)}: it is read again once the connection is back.`}
          {connection === 'online' && (
            <button type="button" className="button button-small" onClick={onRetry}>
              Retry
            </button>
          )}
        </p>
      )}
    </>
  )
}
