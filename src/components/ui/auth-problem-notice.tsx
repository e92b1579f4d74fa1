import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useSyncExternalStore } from 'react'
import { AuthenticationError } from '../../api'

/**
 * One message for the whole page when the server stops accepting our credentials
 * (a 401, or a login page where data was expected): every section failing with
 * its own copy of the same message would bury it.
 */
export function AuthProblemNotice() {
  const queryClient = useQueryClient()
  const subscribe = useCallback(
    (listener: () => void) => {
      const unsubscribeQueries = queryClient.getQueryCache().subscribe(listener)
      const unsubscribeMutations = queryClient.getMutationCache().subscribe(listener)
      return () => {
        unsubscribeQueries()
        unsubscribeMutations()
      }
    },
    [queryClient],
  )
  const hasAuthProblem = useCallback(
    () =>
      queryClient
        .getQueryCache()
        .getAll()
        .some((query) => query.state.error instanceof AuthenticationError) ||
      queryClient
        .getMutationCache()
        .getAll()
        .some((mutation) => mutation.state.error instanceof AuthenticationError),
    [queryClient],
  )
  const show = useSyncExternalStore(subscribe, hasAuthProblem, hasAuthProblem)

  return (
    <div role="alert" className="auth-problem-slot">
      {show && (
        <div className="callout callout-error auth-problem">
          <p>
            <strong>Roster cannot sign in to Open To Close.</strong> Check the API token
            (OPEN_TO_CLOSE_API_KEY on the server) or your session, then reload the page. Nothing was
            changed.
          </p>
          <button
            type="button"
            className="button"
            onClick={() => {
              window.location.reload()
            }}
          >
            Reload
          </button>
        </div>
      )}
    </div>
  )
}

/** True when an error is the kind AuthProblemNotice already explains. */
export function isAuthProblem(error: unknown): boolean {
  return error instanceof AuthenticationError
}
