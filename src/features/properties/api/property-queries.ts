import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { ListPropertiesParams, OpenToCloseAPI, Property } from '../../../api'
import { apiClient } from '../../../lib/api-client'

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

/**
 * Query keys and fetchers for properties, generic to specific, reading through `api`:
 * the browser's client below, or the server's when it renders a page
 * (src/server/prerender.tsx), so both run the same query functions under the same keys.
 */
export function createPropertyQueries(api: OpenToCloseAPI) {
  const all = () => ['properties'] as const
  const lists = () => [...all(), 'list'] as const
  return {
    all,
    lists,
    /** All the properties `search` matches (the server's search), read to the end. */
    matching: (search: string) =>
      queryOptions({
        queryKey: [...lists(), { search }] as const,
        queryFn: ({ signal }) =>
          readMatching((params) => api.properties.listProperties(params, { signal }), search),
        placeholderData: keepPreviousData,
      }),
    detail: (propertyId: number) =>
      queryOptions({
        queryKey: [...all(), 'detail', propertyId] as const,
        queryFn: ({ signal }) => api.properties.retrieveProperty(propertyId, { signal }),
      }),
  }
}

/** The browser's property queries. */
export const propertyQueries = createPropertyQueries(apiClient)
