// The query cache a server-rendered page was rendered from, handed to the browser inside
// the HTML as TanStack Query's dehydrated state, so the app starts with exactly what the
// markup shows: no request, no skeleton, and React hydrates the markup instead of
// building it again (src/server/prerender.tsx dehydrates it, src/app/start.tsx hydrates
// it). It is external input like any response: the browser checks it with the same
// schemas before a query sees it, and only the property page's own queries get in.
import { hashKey, hydrate, type DehydratedState, type QueryClient } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { PropertyContactSchema, PropertySchema } from '../api'
import { propertyQueries } from '../features/properties/api/property-queries'
import { propertyContactQueries } from '../features/property-contacts/api/property-contact-queries'

/** The id of the `<script type="application/json">` element that carries it. */
export const PAGE_DATA_ID = 'roster-page-data'

/**
 * A query as `dehydrate` writes it after a successful fetch of `data`. Its key is
 * checked through its hash, which is what the cache knows it by.
 */
function dehydratedQuery<Data extends z.core.SomeType>(data: Data) {
  return z.object({
    queryHash: z.string(),
    dehydratedAt: z.number(),
    state: z.object({
      data,
      dataUpdateCount: z.number(),
      dataUpdatedAt: z.number(),
      error: z.literal(null),
      errorUpdateCount: z.number(),
      errorUpdatedAt: z.number(),
      fetchFailureCount: z.number(),
      fetchFailureReason: z.literal(null),
      fetchMeta: z.literal(null),
      isInvalidated: z.boolean(),
      status: z.literal('success'),
      fetchStatus: z.literal('idle'),
    }),
  })
}

/** No mutation, and queries checked one by one below (lighter than a tuple schema). */
// Built when the page's data is read (readPageState), not while the script is evaluated.
const DehydratedStateSchema = z.lazy(() =>
  z.object({
    mutations: z.array(z.never()),
    queries: z.array(z.unknown()),
  }),
)
const PropertyQuerySchema = z.lazy(() => dehydratedQuery(PropertySchema))
const RosterQuerySchema = z.lazy(() => dehydratedQuery(z.array(PropertyContactSchema)))

/**
 * JSON for a `<script type="application/json">` element: every `<` escaped, so no
 * name or note (say, one containing `</script>`) can end the element early.
 */
export function serializePageState(state: DehydratedState): string {
  return JSON.stringify(state).replace(/</g, '\\u003c')
}

/**
 * The dehydrated state embedded in `document` for the property `propertyId`, checked:
 * exactly the property page's two queries, under their keys, with data that parses as
 * a response would. Null when there is none, it does not parse, or it belongs to
 * another property.
 */
export function readPageState(document: Document, propertyId: number): DehydratedState | null {
  const text = document.getElementById(PAGE_DATA_ID)?.textContent
  if (!text) return null
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return null
  }
  // What the property page reads first, in the order the server fetches it.
  const queries = DehydratedStateSchema.safeParse(json).data?.queries
  if (queries?.length !== 2) return null
  const property = PropertyQuerySchema.safeParse(queries[0]).data
  const roster = RosterQuerySchema.safeParse(queries[1]).data
  const propertyKey = propertyQueries.detail(propertyId).queryKey
  const rosterKey = propertyContactQueries.roster(propertyId).queryKey
  if (
    !property ||
    !roster ||
    property.queryHash !== hashKey(propertyKey) ||
    roster.queryHash !== hashKey(rosterKey) ||
    property.state.data.id !== propertyId ||
    roster.state.data.some((link) => link.property_id !== propertyId)
  ) {
    return null
  }
  // Fresh from now, as the markup is: a browser clock ahead of the server's would
  // otherwise find the data stale at once and read the API again.
  const dataUpdatedAt = Date.now()
  return {
    mutations: [],
    queries: [
      { ...property, queryKey: propertyKey, state: { ...property.state, dataUpdatedAt } },
      { ...roster, queryKey: rosterKey, state: { ...roster.state, dataUpdatedAt } },
    ],
  }
}

/**
 * Puts what `readPageState` let through into the page's queries. Here rather than in
 * start.tsx: importing `hydrate` there makes Rolldown (1.2) split react-query and zod
 * out of the entry into two more initial chunks, about 2.6 KB more to download.
 */
export function hydratePageState(queryClient: QueryClient, state: DehydratedState): void {
  hydrate(queryClient, state)
}
