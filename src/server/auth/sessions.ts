// Server-side sessions. The browser holds a random id; the database holds only its
// SHA-256, the account and two times. Signing out, removing the account or resetting
// its password deletes the rows, so the session ends on every server at once.
import { createHash, randomBytes } from 'node:crypto'
import * as z from 'zod/mini'
import type { Sql } from '../db/types.ts'

export interface SessionPolicy {
  /** Signed out after this long without a request (sliding). */
  idleMs: number
  /** Signed out this long after signing in, however busy. */
  absoluteMs: number
  /** `last_seen_at` is written at most this often, not on every request. */
  touchEveryMs: number
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 12 * 60 * 60 * 1000,
  absoluteMs: 7 * 24 * 60 * 60 * 1000,
  touchEveryMs: 60 * 1000,
}

export interface SignedIn {
  email: string
  name: string
}

export interface SessionStore {
  /** A new session for the account: the id for the cookie. */
  create(email: string): Promise<string>
  /** Who holds this id, while the session lasts; extends its idle time. */
  lookup(id: string): Promise<SignedIn | undefined>
  destroy(id: string): Promise<void>
}

/** 32 random bytes: unguessable, and URL- and cookie-safe in base64url. */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url')
}

function hashOf(id: string): string {
  return createHash('sha256').update(id).digest('hex')
}

const SessionRow = z.object({
  email: z.string(),
  name: z.string(),
  created_at: z.date(),
  last_seen_at: z.date(),
})

export function createSessionStore(
  db: Sql,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
  now: () => Date = () => new Date(),
): SessionStore {
  return {
    async create(email) {
      const id = newSessionId()
      const at = now()
      await db.query(
        'INSERT INTO roster_sessions (id_hash, user_email, created_at, last_seen_at) VALUES ($1, $2, $3, $3)',
        [hashOf(id), email, at],
      )
      return id
    },
    async lookup(id) {
      if (id === '' || id.length > 100) return undefined
      const idHash = hashOf(id)
      const { rows } = await db.query(
        `SELECT u.email, u.name, s.created_at, s.last_seen_at
           FROM roster_sessions s JOIN roster_users u ON u.email = s.user_email
          WHERE s.id_hash = $1`,
        [idHash],
      )
      if (rows[0] === undefined) return undefined
      const row = SessionRow.parse(rows[0])
      const at = now().getTime()
      if (
        at - row.last_seen_at.getTime() >= policy.idleMs ||
        at - row.created_at.getTime() >= policy.absoluteMs
      ) {
        await db.query('DELETE FROM roster_sessions WHERE id_hash = $1', [idHash])
        return undefined
      }
      if (at - row.last_seen_at.getTime() >= policy.touchEveryMs) {
        await db.query('UPDATE roster_sessions SET last_seen_at = $2 WHERE id_hash = $1', [
          idHash,
          new Date(at),
        ])
      }
      return { email: row.email, name: row.name }
    },
    async destroy(id) {
      await db.query('DELETE FROM roster_sessions WHERE id_hash = $1', [hashOf(id)])
    },
  }
}

/** Deletes the sessions past their expiry (run now and then; lookups refuse them anyway). */
export async function deleteExpiredSessions(
  db: Sql,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
  now: Date = new Date(),
): Promise<void> {
  await db.query('DELETE FROM roster_sessions WHERE last_seen_at <= $1 OR created_at <= $2', [
    new Date(now.getTime() - policy.idleMs),
    new Date(now.getTime() - policy.absoluteMs),
  ])
}
