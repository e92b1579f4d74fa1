// The change history on the database seam (../db/types.ts): one row per change made
// through Roster, read back a page at a time for a property's Activity view. Rows are
// external input like any other: each is parsed with zod before it leaves here.
import * as z from 'zod/mini'
import type { Person } from '../auth/identity.ts'
import type { Database } from '../db/types.ts'

export const CHANGE_ACTIONS = ['link', 'edit', 'unlink', 'contact_create', 'contact_edit'] as const
export type ChangeAction = (typeof CHANGE_ACTIONS)[number]

/** Why the browser says it sent a change: a label for the Activity view, nothing more. */
export const CHANGE_REASONS = ['undo', 'setup', 'revert'] as const
export type ChangeReason = (typeof CHANGE_REASONS)[number]

export type ChangeOutcome = 'accepted' | 'refused' | 'unknown'

export interface NewChange {
  actor: Person
  action: ChangeAction
  reason: ChangeReason | null
  propertyId: number | null
  contactId: number | null
  contactName: string | null
  /** The link (or contact) before and after, JSON values; null where there is none. */
  before: unknown
  after: unknown
  /** The request's JSON body, or null. */
  request: unknown
  outcome: ChangeOutcome
  status: number | null
  /** The entry this change reverts (checked: it must exist, or it is recorded as null). */
  reverts: number | null
}

export interface ChangeEntry {
  id: number
  at: string
  actor: Person
  action: ChangeAction
  reason: ChangeReason | null
  propertyId: number | null
  contactId: number | null
  contactName: string | null
  before: unknown
  after: unknown
  request: unknown
  outcome: ChangeOutcome
  status: number | null
  reverts: number | null
  /** The latest accepted change that reverted this one. */
  revertedBy: { id: number; actorName: string; at: string } | null
}

export interface ListOptions {
  /** Entries older than this id (the previous page's `next`). */
  before?: number | undefined
  limit?: number | undefined
  actor?: string | undefined
  contact?: number | undefined
}

export interface ChangePage {
  entries: ChangeEntry[]
  /** Pass as `before` for the next (older) page; null when this was the last. */
  next: number | null
}

export interface ActivityFilters {
  people: Person[]
  contacts: { id: number; name: string }[]
}

export interface HistoryStore {
  record(change: NewChange): Promise<number>
  list(propertyId: number, options?: ListOptions): Promise<ChangePage>
  get(id: number): Promise<ChangeEntry | null>
  filters(propertyId: number): Promise<ActivityFilters>
  /** Forgets every entry: only for the mock servers' reset to the seed. */
  clear(): Promise<void>
}

export const DEFAULT_PAGE_SIZE = 25
export const MAX_PAGE_SIZE = 100

// bigint columns come back as strings from pg and as numbers or bigints from PGlite;
// ids stay far below 2^53 (one row per change a person makes).
const DbId = z.pipe(
  z.union([z.int(), z.bigint(), z.string().check(z.regex(/^\d+$/))]),
  z.transform((value) => Number(value)),
)
const DbTime = z.pipe(
  z.union([z.date(), z.string()]),
  z.transform((value) => new Date(value).toISOString()),
)

const RowSchema = z.object({
  id: DbId,
  at: DbTime,
  actor_id: z.string(),
  actor_name: z.string(),
  action: z.enum(CHANGE_ACTIONS),
  reason: z.nullable(z.enum(CHANGE_REASONS)),
  property_id: z.nullable(DbId),
  contact_id: z.nullable(DbId),
  contact_name: z.nullable(z.string()),
  before: z.unknown(),
  after: z.unknown(),
  request: z.unknown(),
  outcome: z.enum(['accepted', 'refused', 'unknown']),
  status: z.nullable(z.int()),
  reverts: z.nullable(DbId),
  reverted_by_id: z.nullable(DbId),
  reverted_by_name: z.nullable(z.string()),
  reverted_by_at: z.nullable(DbTime),
})

function toEntry(row: Record<string, unknown>): ChangeEntry {
  const r = RowSchema.parse(row)
  return {
    id: r.id,
    at: r.at,
    actor: { id: r.actor_id, name: r.actor_name },
    action: r.action,
    reason: r.reason,
    propertyId: r.property_id,
    contactId: r.contact_id,
    contactName: r.contact_name,
    before: r.before ?? null,
    after: r.after ?? null,
    request: r.request ?? null,
    outcome: r.outcome,
    status: r.status,
    reverts: r.reverts,
    revertedBy:
      r.reverted_by_id === null
        ? null
        : { id: r.reverted_by_id, actorName: r.reverted_by_name ?? '', at: r.reverted_by_at ?? '' },
  }
}

const SELECT = `
  SELECT c.id, c.at, c.actor_id, c.actor_name, c.action, c.reason, c.property_id,
         c.contact_id, c.contact_name, c.before, c.after, c.request, c.outcome, c.status,
         c.reverts, r.id AS reverted_by_id, r.actor_name AS reverted_by_name,
         r.at AS reverted_by_at
  FROM roster_changes c
  LEFT JOIN LATERAL (
    SELECT id, actor_name, at FROM roster_changes
    WHERE reverts = c.id AND outcome = 'accepted'
    ORDER BY id DESC LIMIT 1
  ) r ON true`

/**
 * A property's changes: its links' and, for contacts that were ever on its roster
 * through Roster, their contact edits (which carry no property).
 */
const OF_PROPERTY = `(c.property_id = $1 OR (c.property_id IS NULL AND c.contact_id IN (
  SELECT contact_id FROM roster_changes WHERE property_id = $1 AND contact_id IS NOT NULL)))`

const json = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(value)

export function createHistoryStore(db: Database): HistoryStore {
  return {
    async record(change) {
      const { rows } = await db.query(
        `INSERT INTO roster_changes (actor_id, actor_name, action, reason, property_id,
           contact_id, contact_name, before, after, request, outcome, status, reverts)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::jsonb, $11, $12,
           (SELECT id FROM roster_changes WHERE id = $13::bigint))
         RETURNING id`,
        [
          change.actor.id,
          change.actor.name,
          change.action,
          change.reason,
          change.propertyId,
          change.contactId,
          change.contactName,
          json(change.before),
          json(change.after),
          json(change.request),
          change.outcome,
          change.status,
          change.reverts,
        ],
      )
      return z.object({ id: DbId }).parse(rows[0]).id
    },

    async list(propertyId, options = {}) {
      const limit = Math.min(Math.max(1, options.limit ?? DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE)
      const params: unknown[] = [propertyId]
      const where = [OF_PROPERTY]
      if (options.before !== undefined) {
        params.push(options.before)
        where.push(`c.id < $${params.length}`)
      }
      if (options.actor !== undefined) {
        params.push(options.actor)
        where.push(`c.actor_id = $${params.length}`)
      }
      if (options.contact !== undefined) {
        params.push(options.contact)
        where.push(`c.contact_id = $${params.length}`)
      }
      params.push(limit + 1)
      const { rows } = await db.query(
        `${SELECT} WHERE ${where.join(' AND ')} ORDER BY c.id DESC LIMIT $${params.length}`,
        params,
      )
      const entries = rows.slice(0, limit).map(toEntry)
      const last = entries.at(-1)
      return { entries, next: rows.length > limit && last ? last.id : null }
    },

    async get(id) {
      const { rows } = await db.query(`${SELECT} WHERE c.id = $1`, [id])
      return rows[0] ? toEntry(rows[0]) : null
    },

    async clear() {
      await db.query('DELETE FROM roster_changes')
    },

    async filters(propertyId) {
      const people = await db.query(
        `SELECT DISTINCT ON (c.actor_id) c.actor_id, c.actor_name FROM roster_changes c
         WHERE ${OF_PROPERTY} ORDER BY c.actor_id, c.id DESC`,
        [propertyId],
      )
      const contacts = await db.query(
        `SELECT DISTINCT ON (c.contact_id) c.contact_id, c.contact_name FROM roster_changes c
         WHERE ${OF_PROPERTY} AND c.contact_id IS NOT NULL AND c.contact_name IS NOT NULL
         ORDER BY c.contact_id, c.id DESC`,
        [propertyId],
      )
      const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name)
      return {
        people: people.rows
          .map((row) => z.object({ actor_id: z.string(), actor_name: z.string() }).parse(row))
          .map((row) => ({ id: row.actor_id, name: row.actor_name }))
          .sort(byName),
        contacts: contacts.rows
          .map((row) => z.object({ contact_id: DbId, contact_name: z.string() }).parse(row))
          .map((row) => ({ id: row.contact_id, name: row.contact_name }))
          .sort(byName),
      }
    },
  }
}
