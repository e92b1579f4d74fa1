import { useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { PropertyContact } from '../../../api'
import { filterRoster, type RosterFilters } from '../filters'
import { propertyContactQueries } from './property-contact-queries'

/**
 * A property's roster, filtered on the client: the whole roster is one request
 * and one cache entry, so changing a filter is instant and needs no request.
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
  return useQuery({ ...propertyContactQueries.roster(propertyId), select })
}
