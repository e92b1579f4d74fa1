// Failed sign-ins, counted per account and per address over a window. Kept in the
// database rather than in memory: behind a load balancer each attempt may reach a
// different server, and a limit each server kept alone would multiply by their number
// (and reset on every restart).
import * as z from 'zod/mini'
import type { Sql } from '../db/types.ts'

export interface RateLimitPolicy {
  windowMs: number
  /** Failures for one account within the window before it is refused (from anywhere). */
  perAccount: number
  /** Failures from one address within the window before it is refused (for any account). */
  perAddress: number
}

export const DEFAULT_RATE_LIMIT: RateLimitPolicy = {
  windowMs: 15 * 60 * 1000,
  perAccount: 5,
  perAddress: 20,
}

export interface SignInAttempt {
  email: string
  address: string
}

export interface RateLimiter {
  /** True when this attempt must be refused without checking the password. */
  blocked(attempt: SignInAttempt): Promise<boolean>
  fail(attempt: SignInAttempt): Promise<void>
  /** A successful sign-in forgets the account's failures (not the address's). */
  succeed(attempt: SignInAttempt): Promise<void>
}

const CountRow = z.object({ key: z.string(), n: z.number() })

export function createRateLimiter(
  db: Sql,
  policy: RateLimitPolicy = DEFAULT_RATE_LIMIT,
  now: () => Date = () => new Date(),
): RateLimiter {
  const keys = ({ email, address }: SignInAttempt) => ({
    account: `account:${email}`,
    address: `address:${address}`,
  })
  const since = () => new Date(now().getTime() - policy.windowMs)
  return {
    async blocked(attempt) {
      const { account, address } = keys(attempt)
      const { rows } = await db.query(
        `SELECT key, count(*)::int AS n FROM roster_sign_in_failures
          WHERE key IN ($1, $2) AND failed_at > $3 GROUP BY key`,
        [account, address, since()],
      )
      const counts = new Map(rows.map((row) => CountRow.parse(row)).map((r) => [r.key, r.n]))
      return (
        (counts.get(account) ?? 0) >= policy.perAccount ||
        (counts.get(address) ?? 0) >= policy.perAddress
      )
    },
    async fail(attempt) {
      const { account, address } = keys(attempt)
      const at = now()
      await db.query(
        'INSERT INTO roster_sign_in_failures (key, failed_at) VALUES ($1, $3), ($2, $3)',
        [account, address, at],
      )
      // Old failures count for nothing: drop them as new ones arrive.
      await db.query('DELETE FROM roster_sign_in_failures WHERE failed_at <= $1', [since()])
    },
    async succeed(attempt) {
      await db.query('DELETE FROM roster_sign_in_failures WHERE key = $1', [keys(attempt).account])
    },
  }
}
