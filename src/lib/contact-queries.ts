import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { OpenToCloseAPI } from '../api'
import { apiClient } from './api-client'

export const CONTACT_SEARCH_LIMIT = 20

/** Query keys and fetchers for contacts, reading through `api`. */
export function createContactQueries(api: OpenToCloseAPI) {
  const all = () => ['contacts'] as const
  return {
    all,
    /** A search as the user types; a superseded search is aborted through `signal`. */
    search: (term: string) =>
      queryOptions({
        queryKey: [...all(), 'search', term] as const,
        queryFn: ({ signal }) =>
          api.contacts.listContacts({ search: term, limit: CONTACT_SEARCH_LIMIT }, { signal }),
        enabled: term !== '',
        placeholderData: keepPreviousData,
      }),
  }
}

/** The browser's contact queries. */
export const contactQueries = createContactQueries(apiClient)
