import { queryOptions, useQueries, type UseQueryResult } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import type { Contact, OpenToCloseAPI } from '../api'
import { apiClient } from './api-client'
import { broaderSearches, closestNames } from './closest-names'

/** Candidates per broader search: wider than a search's page, as they are ranked here. */
export const SUGGESTION_SEARCH_LIMIT = 100

/** A broader search for "Did you mean …?", under the contacts' keys (so it is refreshed with them). */
export function createSuggestionQueries(api: OpenToCloseAPI) {
  return {
    broader: (search: string) =>
      queryOptions({
        queryKey: ['contacts', 'suggestions', search] as const,
        queryFn: ({ signal }) =>
          api.contacts.listContacts({ search, limit: SUGGESTION_SEARCH_LIMIT }, { signal }),
        staleTime: 60_000,
      }),
  }
}

const suggestionQueries = createSuggestionQueries(apiClient)

const NO_SUGGESTIONS: Contact[] = []

/**
 * For a search that found no one (`enabled`): the contacts whose names are closest to
 * `term`, from one or two broader searches (src/lib/closest-names.ts). Empty while
 * those load, or when none is close.
 */
export function useContactSuggestions(term: string, enabled: boolean): Contact[] {
  const searches = useMemo(() => (enabled ? broaderSearches(term) : []), [term, enabled])
  // Stable for a term, so TanStack Query runs it again only when the results change.
  const combine = useCallback(
    (results: UseQueryResult<Contact[]>[]) => {
      if (results.length === 0 || results.some((result) => result.data === undefined)) {
        return NO_SUGGESTIONS
      }
      const candidates = new Map<number, Contact>()
      for (const result of results) {
        for (const contact of result.data ?? []) candidates.set(contact.id, contact)
      }
      return closestNames(term, [...candidates.values()])
    },
    [term],
  )
  return useQueries({
    queries: searches.map((search) => suggestionQueries.broader(search)),
    combine,
  })
}
