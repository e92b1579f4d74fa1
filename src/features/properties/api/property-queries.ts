import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { ListPropertiesParams } from '../../../api'
import { apiClient } from '../../../lib/api-client'

export const PROPERTIES_PAGE_SIZE = 20

/** Query keys and fetchers for properties, generic to specific. */
export const propertyQueries = {
  all: () => ['properties'] as const,
  lists: () => [...propertyQueries.all(), 'list'] as const,
  /**
   * One page of properties. The API answers bare arrays with no total, so we ask
   * for one row more than we show to know whether a next page exists.
   */
  page: (search: string, page: number) =>
    queryOptions({
      queryKey: [...propertyQueries.lists(), { search, page }] as const,
      queryFn: async ({ signal }) => {
        const params: ListPropertiesParams = {
          limit: PROPERTIES_PAGE_SIZE + 1,
          offset: (page - 1) * PROPERTIES_PAGE_SIZE,
        }
        if (search) params.search = search
        const rows = await apiClient.properties.listProperties(params, { signal })
        return {
          properties: rows.slice(0, PROPERTIES_PAGE_SIZE),
          hasNextPage: rows.length > PROPERTIES_PAGE_SIZE,
        }
      },
      placeholderData: keepPreviousData,
    }),
  detail: (propertyId: number) =>
    queryOptions({
      queryKey: [...propertyQueries.all(), 'detail', propertyId] as const,
      queryFn: ({ signal }) => apiClient.properties.retrieveProperty(propertyId, { signal }),
    }),
}
