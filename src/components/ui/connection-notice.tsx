import { useConnection } from '../../lib/connection'

/**
 * The one place that says the network is gone: while the browser is offline, or since
 * a request failed for want of a network and none has got through again. A live
 * region without the status role: the page's one status region is for messages about
 * what the user did (src/components/ui/status-region.tsx).
 */
export function ConnectionNotice() {
  const connection = useConnection()
  return (
    <div aria-live="polite" className="connection-notice-region">
      {connection !== 'online' && (
        <p className="callout callout-warning connection-notice">
          {connection === 'offline'
            ? "You're offline. Changes can't be saved; nothing you typed is lost."
            : "Roster can't reach the server. Changes can't be saved right now; nothing you typed is lost."}
        </p>
      )}
    </div>
  )
}
