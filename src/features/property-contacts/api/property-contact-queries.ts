import { queryOptions } from '@tanstack/react-query'
import type { ListPropertyContactsParams } from '../../../api'
import { apiClient } from '../../../lib/api-client'

/**
 * Query keys for a property's links, generic to specific:
 * ['properties', id, 'contacts'] covers every list of that property, so one
 * invalidation after a change refreshes exactly what it affected.
 */
export const propertyContactQueries = {
  all: (propertyId: number) => ['properties', propertyId, 'contacts'] as const,
  /** The whole roster in one request: contacts come embedded in each link. */
  roster: (propertyId: number) =>
    queryOptions({
      queryKey: [...propertyContactQueries.all(propertyId), {}] as const,
      queryFn: ({ signal }) =>
        apiClient.propertyContacts.listPropertyContacts(propertyId, {}, { signal }),
    }),
  /** A server-filtered list, for callers that want only part of a roster. */
  list: (propertyId: number, params: ListPropertyContactsParams) =>
    queryOptions({
      queryKey: [...propertyContactQueries.all(propertyId), params] as const,
      queryFn: ({ signal }) =>
        apiClient.propertyContacts.listPropertyContacts(propertyId, params, { signal }),
    }),
}
