import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { isTransientError, NetworkError, OpenToCloseAPIError, retryDelayFor } from '../api'
import { connection } from '../lib/connection'
import { broadcastRosterChange } from '../lib/roster-broadcast'

const MAX_QUERY_RETRIES = 3

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** The property whose roster this write changes: the other tabs are told once it settles. */
      changesRosterOf?: number
    }
  }
}

/** Every answer or failure tells the connection notice whether the server is reachable. */
function noteAnswer(error: unknown) {
  if (error instanceof NetworkError && !error.timedOut) connection.reportUnreachable()
  else if (error === null || error instanceof OpenToCloseAPIError) connection.reportReachable()
}

/**
 * The one retry layer (the API client never retries): reads retry what may pass by
 * itself — the network, 5xx, 429 after its Retry-After — and never a 4xx, which
 * would fail the same way again. Writes never retry: a POST that timed out may have
 * landed, and repeating it could link a contact twice. Nor do they wait for the network
 * (`networkMode: 'always'`): a write attempted offline is refused at once by the form
 * that asked (src/lib/connection.ts), never queued to fire later behind the user's back.
 * Reads pause while offline and resume by themselves when the network returns.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onSuccess: () => {
        noteAnswer(null)
      },
      onError: noteAnswer,
    }),
    mutationCache: new MutationCache({
      onSuccess: () => {
        noteAnswer(null)
      },
      onError: noteAnswer,
      onSettled: (_data, _error, _variables, _context, mutation) => {
        const propertyId = mutation.meta?.changesRosterOf
        if (propertyId !== undefined) broadcastRosterChange(propertyId)
      },
    }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < MAX_QUERY_RETRIES && isTransientError(error),
        retryDelay: (failureCount, error) => retryDelayFor(error, failureCount),
        staleTime: 30_000,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false, networkMode: 'always' },
    },
  })
}
