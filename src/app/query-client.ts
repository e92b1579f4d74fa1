import { QueryClient } from '@tanstack/react-query'
import { isTransientError, retryDelayFor } from '../api'

const MAX_QUERY_RETRIES = 3

/**
 * The one retry layer (the API client never retries): reads retry what may pass by
 * itself — the network, 5xx, 429 after its Retry-After — and never a 4xx, which
 * would fail the same way again. Writes never retry: a POST that timed out may have
 * landed, and repeating it could link a contact twice.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < MAX_QUERY_RETRIES && isTransientError(error),
        retryDelay: (failureCount, error) => retryDelayFor(error, failureCount),
        staleTime: 30_000,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  })
}
