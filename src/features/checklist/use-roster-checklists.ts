import { useQueries, useQueryClient } from '@tanstack/react-query'
import type { ClientType, PropertyContact } from '../../api'
import { propertyContactQueries } from '../property-contacts/api/property-contact-queries'
import type { ChecklistConfig } from './checklist-config'
import { useChecklistConfig } from './checklist-context'
import { checkRoster, type ChecklistResult } from './checklist-rules'

/** At most this many rosters are read at once for a list of deals. */
export const CHECKLIST_READS_AT_ONCE = 4

export type RowChecklist =
  { state: 'checking' } | { state: 'unavailable' } | { state: 'checked'; result: ChecklistResult }

interface Deal {
  id: number
  client_type: ClientType
}

/**
 * The checklist state of each deal in `deals` (the rows on screen), from their rosters:
 * read through the roster query the property page uses, so a roster read here or there
 * is read once. At most CHECKLIST_READS_AT_ONCE are on their way at a time (the next
 * starts as one settles), and each row is read at most once: never retried, never
 * refetched on focus, and a roster already in the cache is not read again.
 */
export function useRosterChecklists(
  deals: readonly Deal[] | undefined,
): ReadonlyMap<number, RowChecklist> {
  const config = useChecklistConfig()
  const queryClient = useQueryClient()
  const rows = deals ?? []
  // Which rows may read now: those settled already (kept enabled, they do not read
  // again) and the first few that are not, in the order they are listed.
  const settled = rows.map(({ id }) => {
    const status = queryClient.getQueryState(propertyContactQueries.roster(id).queryKey)?.status
    return status === 'success' || status === 'error'
  })
  const enabled = settled.map(
    (done, index) =>
      done ||
      settled.slice(0, index + 1).filter((other) => !other).length <= CHECKLIST_READS_AT_ONCE,
  )
  const results = useQueries({
    queries: rows.map(({ id }, index) => ({
      ...propertyContactQueries.roster(id),
      enabled: enabled[index] ?? false,
      staleTime: Infinity,
      retry: false,
      retryOnMount: false,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    })),
  })
  // A few small rosters per page: checked again on each render, nothing to memoise.
  return checklistsFor(
    config,
    rows,
    results.map((result) => result.data),
    results.map((result) => result.isError),
  )
}

function checklistsFor(
  config: ChecklistConfig,
  rows: readonly Deal[],
  rosters: readonly (PropertyContact[] | undefined)[],
  failed: readonly boolean[],
): ReadonlyMap<number, RowChecklist> {
  const states = new Map<number, RowChecklist>()
  rows.forEach((deal, index) => {
    const roster = rosters[index]
    states.set(
      deal.id,
      roster
        ? { state: 'checked', result: checkRoster(config, deal.client_type, roster) }
        : failed[index]
          ? { state: 'unavailable' }
          : { state: 'checking' },
    )
  })
  return states
}
