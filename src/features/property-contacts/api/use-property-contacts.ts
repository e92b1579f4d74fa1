import { useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { PropertyContact } from '../../../api'
import { ROSTER_POLL_MS } from '../../../config/polling'
import { filterRoster, type RosterFilters } from '../filters'
import { propertyContactQueries } from './property-contact-queries'

/**
 * A property's roster, filtered on the client: the whole roster is one request
 * and one cache entry, so changing a filter is instant and needs no request.
 *
 * Kept in step with colleagues: read again whenever the window regains focus or the
 * network returns, and every ROSTER_POLL_MS while the page is visible (paused when
 * hidden; one query per property, so never more than one request per interval).
 */
export function usePropertyContacts(propertyId: number, filters: RosterFilters) {
  const { role, primaryOnly, search } = filters
  const select = useCallback(
    (links: PropertyContact[]) => ({
      all: links,
      visible: filterRoster(links, { role, primaryOnly, search }),
    }),
    [role, primaryOnly, search],
  )
  return useQuery({
    ...propertyContactQueries.roster(propertyId),
    select,
    refetchInterval: ROSTER_POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: 'always',
    refetchOnReconnect: 'always',
  })
}
