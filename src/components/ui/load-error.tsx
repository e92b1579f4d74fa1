import { errorMessage } from '../../lib/error-message'
import { isAuthProblem } from './auth-problem-notice'

interface LoadErrorProps {
  /** What failed to load, as it reads after "Could not load", e.g. "this property". */
  what: string
  error: unknown
  onRetry: () => void
}

/** A failed read, with what went wrong and a way to try again. */
export function LoadError({ what, error, onRetry }: LoadErrorProps) {
  if (isAuthProblem(error)) {
    // The page-wide notice explains it once; repeating it here would bury it.
    return <p className="callout callout-muted">Could not load {what} until Roster can sign in.</p>
  }
  return (
    <div role="alert" className="callout callout-error">
      <p>
        Could not load {what}. {errorMessage(error)}
      </p>
      <button type="button" className="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  )
}
