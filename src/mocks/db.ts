// The in-memory db behind every mount of the mock backend. It stores exactly what
// the zod schemas describe and keeps the contract's invariants itself (one link per
// (property, contact), at most one primary per (property, role)), so no caller can
// break them.
import * as z from 'zod/mini'
import {
  CalendarDateSchema,
  ContactSchema,
  IdSchema,
  PropertySchema,
  TimestampSchema,
  type Contact,
  type Property,
  type PropertyContact,
} from '../api/schemas.ts'
import { roleKey } from '../api/roles.ts'
import { now } from './config.ts'
import { createSeed } from './seed.ts'
import type { DbSnapshot, StoredLink } from './types.ts'

export type { DbSnapshot, StoredLink } from './types.ts'

export interface LinkFields {
  role?: string | null
  primary?: boolean
  start_date?: string | null
  notes?: string | null
}

export interface NewContact {
  first_name: string
  last_name: string
  email?: string | null
  phone?: string | null
  company?: string | null
}

const StoredLinkSchema = z.object({
  id: IdSchema,
  property_id: IdSchema,
  contact_id: IdSchema,
  role: z.nullable(z.string()),
  primary: z.boolean(),
  start_date: z.nullable(CalendarDateSchema),
  notes: z.nullable(z.string()),
  created: TimestampSchema,
  updated: TimestampSchema,
})

const SnapshotSchema = z.object({
  properties: z.array(PropertySchema),
  contacts: z.array(ContactSchema),
  links: z.array(StoredLinkSchema),
})

// The primary rule groups links by the client's own roleKey (links without a role are
// one group too, key ''), so the mock and the app agree on which roles are the same.
export { roleKey }

interface State {
  properties: Map<number, Property>
  contacts: Map<number, Contact>
  /** property id → contact id → link: the pair is the link's address in the API. */
  links: Map<number, Map<number, StoredLink>>
  nextContactId: number
  nextLinkId: number
}

/**
 * Moves a link's `updated` to `timestamp`, or 1 ms past its current value when the
 * clock has not moved on: two changes within one millisecond are still two versions.
 */
function touch(link: StoredLink, timestamp: string): void {
  const previous = Date.parse(link.updated)
  const next = Date.parse(timestamp)
  link.updated = next > previous ? timestamp : new Date(previous + 1).toISOString()
}

function maxId(records: Iterable<{ id: number }>): number {
  let max = 0
  for (const { id } of records) max = Math.max(max, id)
  return max
}

/** Builds the indexed state from a snapshot (copying every record); throws when inconsistent. */
function toState(snapshot: DbSnapshot): State {
  const properties = new Map(snapshot.properties.map((p) => [p.id, { ...p }]))
  const contacts = new Map(snapshot.contacts.map((c) => [c.id, { ...c }]))
  const links = new Map<number, Map<number, StoredLink>>()
  for (const id of properties.keys()) links.set(id, new Map())
  const linkIds = new Set<number>()
  for (const link of [...snapshot.links].sort((a, b) => a.id - b.id)) {
    const roster = links.get(link.property_id)
    if (!roster || !contacts.has(link.contact_id)) throw new Error(`Link ${link.id} dangles`)
    if (roster.has(link.contact_id) || linkIds.has(link.id)) {
      throw new Error(`Link ${link.id} is a duplicate`)
    }
    roster.set(link.contact_id, { ...link })
    linkIds.add(link.id)
  }
  if (
    properties.size !== snapshot.properties.length ||
    contacts.size !== snapshot.contacts.length
  ) {
    throw new Error('Duplicate ids')
  }
  return {
    properties,
    contacts,
    links,
    nextContactId: maxId(contacts.values()) + 1,
    nextLinkId: maxId(snapshot.links) + 1,
  }
}

export function createDb(initial: () => DbSnapshot = createSeed) {
  // Generating the seed takes a few ms; reset runs after every test, so build it once.
  let seed: DbSnapshot | null = null
  const seedSnapshot = () => (seed ??= initial())
  let state = toState(seedSnapshot())

  function rosterOf(propertyId: number): Map<number, StoredLink> {
    const roster = state.links.get(propertyId)
    if (!roster) throw new Error(`Property ${propertyId} does not exist`)
    return roster
  }

  /** Keeps at most one primary per (property, role): `link` wins, the others are demoted. */
  function demoteOthers(link: StoredLink, timestamp: string): void {
    if (!link.primary) return
    const key = roleKey(link.role)
    for (const other of rosterOf(link.property_id).values()) {
      if (other !== link && other.primary && roleKey(other.role) === key) {
        other.primary = false
        touch(other, timestamp)
      }
    }
  }

  return {
    /** Back to the deterministic seed. */
    reset(): void {
      state = toState(seedSnapshot())
    },

    /** A deep copy of everything, in stable order: what persistence writes. */
    snapshot(): DbSnapshot {
      return {
        properties: [...state.properties.values()].map((p) => ({ ...p })),
        contacts: [...state.contacts.values()].map((c) => ({ ...c })),
        links: [...state.links.values()]
          .flatMap((roster) => [...roster.values()])
          .sort((a, b) => a.id - b.id)
          .map((link) => ({ ...link })),
      }
    },

    /** Replaces the data with a snapshot; false (and nothing changed) when it is not valid. */
    load(snapshot: unknown): boolean {
      const parsed = SnapshotSchema.safeParse(snapshot)
      if (!parsed.success) return false
      try {
        state = toState(parsed.data)
        return true
      } catch {
        return false
      }
    },

    properties: {
      list(): Property[] {
        return [...state.properties.values()].sort((a, b) => a.id - b.id).map((p) => ({ ...p }))
      },
      find(id: number): Property | undefined {
        const property = state.properties.get(id)
        return property && { ...property }
      },
    },

    contacts: {
      list(): Contact[] {
        return [...state.contacts.values()].map((c) => ({ ...c }))
      },
      find(id: number): Contact | undefined {
        const contact = state.contacts.get(id)
        return contact && { ...contact }
      },
      create(input: NewContact): Contact {
        const contact: Contact = {
          id: state.nextContactId++,
          first_name: input.first_name,
          last_name: input.last_name,
          email: input.email ?? null,
          phone: input.phone ?? null,
          company: input.company ?? null,
          created: now().toISOString(),
        }
        state.contacts.set(contact.id, contact)
        return { ...contact }
      },
      /** Applies the given fields (Roster's PUT /contacts/{id}); undefined if there is none. */
      update(id: number, fields: Partial<NewContact>): Contact | undefined {
        const contact = state.contacts.get(id)
        if (!contact) return undefined
        if (fields.first_name !== undefined) contact.first_name = fields.first_name
        if (fields.last_name !== undefined) contact.last_name = fields.last_name
        if (fields.email !== undefined) contact.email = fields.email
        if (fields.phone !== undefined) contact.phone = fields.phone
        if (fields.company !== undefined) contact.company = fields.company
        return { ...contact }
      },
    },

    links: {
      /** The property's links by id; empty for an unknown property. */
      list(propertyId: number): StoredLink[] {
        const roster = state.links.get(propertyId)
        if (!roster) return []
        return [...roster.values()].sort((a, b) => a.id - b.id).map((link) => ({ ...link }))
      },
      find(propertyId: number, contactId: number): StoredLink | undefined {
        const link = state.links.get(propertyId)?.get(contactId)
        return link && { ...link }
      },
      /** Callers check first that the property and contact exist and are not linked yet. */
      create(propertyId: number, contactId: number, fields: LinkFields): StoredLink {
        const roster = rosterOf(propertyId)
        if (!state.contacts.has(contactId)) throw new Error(`Contact ${contactId} does not exist`)
        if (roster.has(contactId)) throw new Error(`Contact ${contactId} is already linked`)
        const timestamp = now().toISOString()
        const link: StoredLink = {
          id: state.nextLinkId++,
          property_id: propertyId,
          contact_id: contactId,
          role: fields.role ?? null,
          primary: fields.primary ?? false,
          start_date: fields.start_date ?? null,
          notes: fields.notes ?? null,
          created: timestamp,
          updated: timestamp,
        }
        roster.set(contactId, link)
        demoteOthers(link, timestamp)
        return { ...link }
      },
      /** Applies the given fields; `updated` moves only when something changed. */
      update(propertyId: number, contactId: number, fields: LinkFields): StoredLink | undefined {
        const link = state.links.get(propertyId)?.get(contactId)
        if (!link) return undefined
        const timestamp = now().toISOString()
        const before = JSON.stringify(link)
        if (fields.role !== undefined) link.role = fields.role
        if (fields.primary !== undefined) link.primary = fields.primary
        if (fields.start_date !== undefined) link.start_date = fields.start_date
        if (fields.notes !== undefined) link.notes = fields.notes
        if (JSON.stringify(link) !== before) touch(link, timestamp)
        // Also after a role change: a primary moving into a role that has one demotes it.
        demoteOthers(link, timestamp)
        return { ...link }
      },
      remove(propertyId: number, contactId: number): boolean {
        return state.links.get(propertyId)?.delete(contactId) ?? false
      },
      /** The link as the API answers it, with its contact embedded. */
      withContact(link: StoredLink): PropertyContact {
        const contact = state.contacts.get(link.contact_id)
        if (!contact) throw new Error(`Contact ${link.contact_id} does not exist`)
        return { ...link, contact: { ...contact } }
      },
    },
  }
}

export type MockDb = ReturnType<typeof createDb>

export const db: MockDb = createDb()
