import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { ListPropertiesParams, OpenToCloseAPI } from '../../../api'
import { apiClient } from '../../../lib/api-client'

export const PROPERTIES_PAGE_SIZE = 20

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
    /**
     * One page of properties. The API answers bare arrays with no total, so we ask
     * for one row more than we show to know whether a next page exists.
     */
    page: (search: string, page: number) =>
      queryOptions({
        queryKey: [...lists(), { search, page }] as const,
        queryFn: async ({ signal }) => {
          const params: ListPropertiesParams = {
            limit: PROPERTIES_PAGE_SIZE + 1,
            offset: (page - 1) * PROPERTIES_PAGE_SIZE,
          }
          if (search) params.search = search
          const rows = await api.properties.listProperties(params, { signal })
          return {
            properties: rows.slice(0, PROPERTIES_PAGE_SIZE),
            hasNextPage: rows.length > PROPERTIES_PAGE_SIZE,
          }
        },
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
