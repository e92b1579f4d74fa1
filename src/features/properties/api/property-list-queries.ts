import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { ListPropertiesParams, OpenToCloseAPI, Property } from '../../../api'
import { apiClient } from '../../../lib/api-client'
import { createPropertyQueries } from './property-queries'

// The list's reads, apart from property-queries.ts so that the property page's first
// load does not carry them (the list page loads on demand).

/** Properties shown on one page of the list. */
export const PROPERTIES_PAGE_SIZE = 20
/** Rows asked for per request while reading a list to its end. */
export const PROPERTY_READ_CHUNK = 200
/** Past this many matches the list stops reading: counts and sorting cover these. */
export const PROPERTY_READ_MAX = 5000

/** Every property the search matches, or the first `PROPERTY_READ_MAX` of them. */
export interface MatchingProperties {
  properties: Property[]
  /** False when the reading stopped at `PROPERTY_READ_MAX`: there may be more. */
  complete: boolean
}

/**
 * Reads the list to its end, a chunk at a time. The API has no count, no sort and no
 * filter but `search`, so the total ("Page 2 of 5"), the status filter and the orders
 * are worked out here, over all the matches. The last chunk is the one shorter than
 * asked for (the API honours `limit`); a chunk that adds nothing new (a server that
 * ignores `offset`) ends the reading too.
 */
async function readMatching(
  readChunk: (params: ListPropertiesParams) => Promise<Property[]>,
  search: string,
): Promise<MatchingProperties> {
  const found = new Map<number, Property>()
  for (let offset = 0; ;) {
    const params: ListPropertiesParams = { limit: PROPERTY_READ_CHUNK, offset }
    if (search) params.search = search
    const rows = await readChunk(params)
    const before = found.size
    for (const row of rows) if (!found.has(row.id)) found.set(row.id, row)
    offset += rows.length
    if (rows.length < PROPERTY_READ_CHUNK || found.size === before) {
      return { properties: [...found.values()], complete: true }
    }
    if (found.size >= PROPERTY_READ_MAX) {
      return { properties: [...found.values()].slice(0, PROPERTY_READ_MAX), complete: false }
    }
  }
}

/** The properties list's query, under the properties' list keys. */
export function createPropertyListQueries(api: OpenToCloseAPI) {
  const { lists } = createPropertyQueries(api)
  return {
    /** All the properties `search` matches (the server's search), read to the end. */
    matching: (search: string) =>
      queryOptions({
        queryKey: [...lists(), { search }] as const,
        queryFn: ({ signal }) =>
          readMatching((params) => api.properties.listProperties(params, { signal }), search),
        placeholderData: keepPreviousData,
      }),
  }
}

/** The browser's properties-list queries. */
export const propertyListQueries = createPropertyListQueries(apiClient)
