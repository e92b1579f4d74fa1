// The data a server-rendered page was rendered from, handed to the browser inside the
// HTML so the app starts with exactly what the markup shows: no request, no skeleton,
// and React hydrates the markup instead of building it again (src/server/prerender.tsx
// writes it, src/app/start.tsx reads it). It is external input like any response: the
// browser checks it with the same schemas before a query sees it.
import type { QueryClient } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { PropertyContactSchema, PropertySchema, type Property, type PropertyContact } from '../api'
import { propertyQueries } from '../features/properties/api/property-queries'
import { propertyContactQueries } from '../features/property-contacts/api/property-contact-queries'

/** The id of the `<script type="application/json">` element that carries it. */
export const PAGE_DATA_ID = 'roster-page-data'

/** What the property page reads first: the property and its whole roster. */
export interface PropertyPageData {
  property: Property
  roster: PropertyContact[]
}

const PropertyPageDataSchema = z.object({
  property: PropertySchema,
  roster: z.array(PropertyContactSchema),
})

/**
 * JSON for a `<script type="application/json">` element: every `<` escaped, so no
 * name or note (say, one containing `</script>`) can end the element early.
 */
export function serializePageData(data: PropertyPageData): string {
  return JSON.stringify(data).replace(/</g, '\\u003c')
}

/**
 * The page data embedded in `document` for the property `propertyId`, checked; null
 * when there is none, it does not parse, or it belongs to another property.
 */
export function readPageData(document: Document, propertyId: number): PropertyPageData | null {
  const text = document.getElementById(PAGE_DATA_ID)?.textContent
  if (!text) return null
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return null
  }
  const parsed = PropertyPageDataSchema.safeParse(json)
  if (!parsed.success) return null
  const { property, roster } = parsed.data
  if (property.id !== propertyId || roster.some((link) => link.property_id !== propertyId)) {
    return null
  }
  return { property, roster }
}

/** Puts the page data into the queries the property page reads, as fresh as now. */
export function seedPageData(queryClient: QueryClient, data: PropertyPageData): void {
  const { id } = data.property
  queryClient.setQueryData(propertyQueries.detail(id).queryKey, data.property)
  queryClient.setQueryData(propertyContactQueries.roster(id).queryKey, data.roster)
}
