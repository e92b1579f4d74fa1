import {
  queryOptions,
  useQueries,
  useQueryClient,
  type UseQueryResult,
} from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import type { Contact, OpenToCloseAPI } from '../../../api'
import { apiClient } from '../../../lib/api-client'
import {
  duplicateSearches,
  findDuplicates,
  type ContactDraft,
  type DuplicateMatch,
} from '../duplicates'

/** Candidates per search: wide, since they are ranked here (the search has no total). */
export const DUPLICATE_SEARCH_LIMIT = 100

/** One search for duplicate candidates, under the contacts' keys (refreshed with them). */
export function createDuplicateQueries(api: OpenToCloseAPI) {
  return {
    candidates: (search: string) =>
      queryOptions({
        queryKey: ['contacts', 'duplicates', search] as const,
        queryFn: ({ signal }) =>
          api.contacts.listContacts({ search, limit: DUPLICATE_SEARCH_LIMIT }, { signal }),
        staleTime: 30_000,
      }),
  }
}

const duplicateQueries = createDuplicateQueries(apiClient)

function merge(results: readonly (readonly Contact[])[]): Contact[] {
  const byId = new Map<number, Contact>()
  for (const contacts of results) for (const contact of contacts) byId.set(contact.id, contact)
  return [...byId.values()]
}

export interface DuplicateCheck {
  matches: DuplicateMatch[]
  /** Some of the searches are still on their way. */
  checking: boolean
}

const NO_MATCHES: DuplicateMatch[] = []

/** The likely duplicates of `draft` as it is typed (a few searches, in parallel, cached). */
export function useDuplicateMatches(draft: ContactDraft): DuplicateCheck {
  const searches = useMemo(() => duplicateSearches(draft), [draft])
  const combine = useCallback(
    (results: UseQueryResult<Contact[]>[]): DuplicateCheck => {
      const loaded = results.flatMap((result) => (result.data ? [result.data] : []))
      const matches = loaded.length > 0 ? findDuplicates(draft, merge(loaded)) : NO_MATCHES
      return { matches, checking: results.some((result) => result.isPending) }
    },
    [draft],
  )
  return useQueries({
    queries: searches.map((search) => duplicateQueries.candidates(search)),
    combine,
  })
}

/**
 * The check itself, for the moment of saving: every search answered (from the cache
 * when it is fresh), so a contact is never created on a check that had not finished.
 * Rejects when a search fails.
 */
export function useCheckDuplicates(): (draft: ContactDraft) => Promise<DuplicateMatch[]> {
  const queryClient = useQueryClient()
  return useCallback(
    async (draft) => {
      const results = await Promise.all(
        duplicateSearches(draft).map((search) =>
          queryClient.query({ ...duplicateQueries.candidates(search), retry: false }),
        ),
      )
      return findDuplicates(draft, merge(results))
    },
    [queryClient],
  )
}
