// The Activity view's reads: Roster's own API on this origin (not the Property Contacts
// API, so not the typed client), with the same error classes the rest of the app shows.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { DataFormatError, NetworkError, OpenToCloseAPIError } from '../../../api'
import { rosterApiPaths } from '../../../config/paths'
import { ActivityFiltersSchema, ActivityPageSchema, type ActivityFilter } from './activity-schema'

export const ACTIVITY_PAGE_SIZE = 25

async function getJson<S extends z.ZodMiniType>(
  url: string,
  schema: S,
  signal: AbortSignal,
): Promise<z.output<S>> {
  const where = { method: 'GET' as const, endpoint: url }
  let response: Response
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal })
  } catch (error) {
    if (signal.aborted) throw error
    throw new NetworkError('Could not reach Roster’s server.', false, where)
  }
  const text = await response.text()
  let body: unknown = null
  try {
    body = text === '' ? null : JSON.parse(text)
  } catch {
    body = null
  }
  if (!response.ok) {
    const message = z.safeParse(z.object({ message: z.string() }), body)
    throw new OpenToCloseAPIError(
      message.success ? message.data.message : `The server answered HTTP ${response.status}.`,
      { ...where, status: response.status },
    )
  }
  const parsed = z.safeParse(schema, body)
  if (!parsed.success) {
    throw new DataFormatError('The change history’s answer was not in the expected form.', where)
  }
  return parsed.data
}

export const activityQueries = {
  all: (propertyId: number) => ['properties', propertyId, 'activity'] as const,
  list: (propertyId: number, filter: ActivityFilter) =>
    infiniteQueryOptions({
      queryKey: [...activityQueries.all(propertyId), 'list', filter] as const,
      queryFn: ({ pageParam, signal }) => {
        const query = new URLSearchParams({ limit: String(ACTIVITY_PAGE_SIZE) })
        if (pageParam !== null) query.set('before', String(pageParam))
        if (filter.actor !== null) query.set('actor', filter.actor)
        if (filter.contact !== null) query.set('contact', String(filter.contact))
        return getJson(
          `${rosterApiPaths.activity(propertyId)}?${query}`,
          ActivityPageSchema,
          signal,
        )
      },
      initialPageParam: null as number | null,
      getNextPageParam: (page) => page.next,
      // The history grows with every change: read it again whenever the view opens.
      staleTime: 0,
    }),
  filters: (propertyId: number) =>
    queryOptions({
      queryKey: [...activityQueries.all(propertyId), 'filters'] as const,
      queryFn: ({ signal }) =>
        getJson(rosterApiPaths.activityFilters(propertyId), ActivityFiltersSchema, signal),
      staleTime: 0,
    }),
}
