// The accounts: who may sign in. Managed from the command line (src/server/cli/users.ts);
// the server only reads them. Plain parameterised SQL; rows are parsed like any input.
import * as z from 'zod/mini'
import type { Sql } from '../db/types.ts'
import { hashPassword, type ScryptParameters } from './passwords.ts'

/** Lower-cased and trimmed, so "Dana@Example.com " is the same account as "dana@example.com". */
export const EmailSchema = z.pipe(
  z.pipe(
    z.string(),
    z.transform((value) => value.trim().toLowerCase()),
  ),
  z.email({ error: 'Enter an email address, like dana@example.com.' }),
)

export function parseEmail(
  value: string,
): { ok: true; email: string } | { ok: false; problem: string } {
  const result = EmailSchema.safeParse(value)
  return result.success
    ? { ok: true, email: result.data }
    : { ok: false, problem: result.error.issues[0]?.message ?? 'Not an email address.' }
}

const UserRow = z.object({
  email: z.string(),
  name: z.string(),
  password_hash: z.string(),
  created_at: z.date(),
})

export interface User {
  email: string
  name: string
  createdAt: Date
}

export interface UserStore {
  /** False when an account with this email exists already. */
  add(user: { email: string; name?: string; password: string }): Promise<boolean>
  /** False when there was no such account. Its sessions end with it (ON DELETE CASCADE). */
  remove(email: string): Promise<boolean>
  /** Sets a new password and ends every session of the account. False when there is none. */
  setPassword(email: string, password: string): Promise<boolean>
  list(): Promise<User[]>
  /** The account and its password hash, for signing in. */
  find(email: string): Promise<(User & { passwordHash: string }) | undefined>
}

/** The name to show: the one given, or the email when none (or only spaces) was given. */
function nameOr(name: string | undefined, email: string): string {
  const trimmed = name?.trim() ?? ''
  return trimmed === '' ? email : trimmed
}

export function createUserStore(db: Sql, scrypt?: ScryptParameters): UserStore {
  const toUser = (row: Record<string, unknown>) => {
    const parsed = UserRow.parse(row)
    return {
      email: parsed.email,
      name: parsed.name,
      createdAt: parsed.created_at,
      passwordHash: parsed.password_hash,
    }
  }
  return {
    async add({ email, name, password }) {
      const hash = await hashPassword(password, scrypt)
      const { rows } = await db.query(
        `INSERT INTO roster_users (email, name, password_hash) VALUES ($1, $2, $3)
         ON CONFLICT (email) DO NOTHING RETURNING email`,
        [email, nameOr(name, email), hash],
      )
      return rows.length === 1
    },
    async remove(email) {
      const { rows } = await db.query('DELETE FROM roster_users WHERE email = $1 RETURNING email', [
        email,
      ])
      return rows.length === 1
    },
    async setPassword(email, password) {
      const hash = await hashPassword(password, scrypt)
      const { rows } = await db.query(
        'UPDATE roster_users SET password_hash = $2 WHERE email = $1 RETURNING email',
        [email, hash],
      )
      if (rows.length === 0) return false
      await db.query('DELETE FROM roster_sessions WHERE user_email = $1', [email])
      return true
    },
    async list() {
      const { rows } = await db.query('SELECT * FROM roster_users ORDER BY email')
      return rows.map(toUser).map(({ email, name, createdAt }) => ({ email, name, createdAt }))
    },
    async find(email) {
      const { rows } = await db.query('SELECT * FROM roster_users WHERE email = $1', [email])
      return rows[0] === undefined ? undefined : toUser(rows[0])
    },
  }
}
