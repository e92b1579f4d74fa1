import { queryOptions } from '@tanstack/react-query'
import type { OpenToCloseAPI } from '../../../api'
import { apiClient } from '../../../lib/api-client'

/**
 * Query keys and fetchers for properties, generic to specific, reading through `api`:
 * the browser's client below, or the server's when it renders a page
 * (src/server/prerender.tsx), so both run the same query functions under the same keys.
 */
export function createPropertyQueries(api: OpenToCloseAPI) {
  const all = () => ['properties'] as const
  const lists = () => [...all(), 'list'] as const
  return {
    all,
    lists,
    detail: (propertyId: number) =>
      queryOptions({
        queryKey: [...all(), 'detail', propertyId] as const,
        queryFn: ({ signal }) => api.properties.retrieveProperty(propertyId, { signal }),
      }),
  }
}

/** The browser's property queries. */
export const propertyQueries = createPropertyQueries(apiClient)
