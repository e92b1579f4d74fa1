import { queryOptions } from '@tanstack/react-query'
import type { OpenToCloseAPI } from '../../../api'
import { apiClient } from '../../../lib/api-client'

/**
 * Query keys for a property's links, generic to specific, reading through `api` (the
 * browser's client below, or the server's when it renders a page):
 * ['properties', id, 'contacts'] covers every list of that property, so one
 * invalidation after a change refreshes exactly what it affected.
 */
export function createPropertyContactQueries(api: OpenToCloseAPI) {
  const all = (propertyId: number) => ['properties', propertyId, 'contacts'] as const
  return {
    all,
    /** The whole roster in one request: contacts come embedded in each link. */
    roster: (propertyId: number) =>
      queryOptions({
        queryKey: [...all(propertyId), {}] as const,
        queryFn: ({ signal }) =>
          api.propertyContacts.listPropertyContacts(propertyId, {}, { signal }),
      }),
  }
}

/** The browser's property-contact queries. */
export const propertyContactQueries = createPropertyContactQueries(apiClient)
