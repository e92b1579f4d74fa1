import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { apiClient } from './api-client'

export const CONTACT_SEARCH_LIMIT = 20

export const contactQueries = {
  all: () => ['contacts'] as const,
  /** A search as the user types; a superseded search is aborted through `signal`. */
  search: (term: string) =>
    queryOptions({
      queryKey: [...contactQueries.all(), 'search', term] as const,
      queryFn: ({ signal }) =>
        apiClient.contacts.listContacts({ search: term, limit: CONTACT_SEARCH_LIMIT }, { signal }),
      enabled: term !== '',
      placeholderData: keepPreviousData,
    }),
}
