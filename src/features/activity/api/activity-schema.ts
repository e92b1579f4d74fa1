// The Activity API's answers (Roster's own server, src/server/history/), checked at
// the boundary like every response: what the page shows is what these schemas let by.
import * as z from 'zod/mini'

const PersonSchema = z.object({ id: z.string(), name: z.string() })

export const ActivityEntrySchema = z.object({
  id: z.int(),
  at: z.string(),
  actor: PersonSchema,
  action: z.enum(['link', 'edit', 'unlink', 'contact_create', 'contact_edit']),
  reason: z.nullable(z.enum(['undo', 'setup', 'revert'])),
  propertyId: z.nullable(z.int()),
  contactId: z.nullable(z.int()),
  contactName: z.nullable(z.string()),
  /** The link (or contact) before and after: parsed where used, with the API's schemas. */
  before: z.unknown(),
  after: z.unknown(),
  request: z.unknown(),
  outcome: z.enum(['accepted', 'refused', 'unknown']),
  status: z.nullable(z.int()),
  reverts: z.nullable(z.int()),
  revertedBy: z.nullable(z.object({ id: z.int(), actorName: z.string(), at: z.string() })),
})
export type ActivityEntry = z.output<typeof ActivityEntrySchema>

export const ActivityPageSchema = z.object({
  entries: z.array(ActivityEntrySchema),
  next: z.nullable(z.int()),
})
export type ActivityPage = z.output<typeof ActivityPageSchema>

export const ActivityFiltersSchema = z.object({
  people: z.array(PersonSchema),
  contacts: z.array(z.object({ id: z.int(), name: z.string() })),
})
export type ActivityFilters = z.output<typeof ActivityFiltersSchema>

export interface ActivityFilter {
  actor: string | null
  contact: number | null
}
