// @vitest-environment node
// The accounts, sessions and sign-in failures in SQL, on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authMigrations } from '../../../src/server/auth/migrations'
import { verifyPassword } from '../../../src/server/auth/passwords'
import { createRateLimiter } from '../../../src/server/auth/rate-limit'
import {
  createSessionStore,
  deleteExpiredSessions,
  type SessionPolicy,
} from '../../../src/server/auth/sessions'
import { createUserStore, parseEmail } from '../../../src/server/auth/users'
import { appMigrations } from '../../../src/server/migrations'
import { closeEngines, engines } from '../db/engines'

afterAll(closeEngines)

const FAST = { N: 2 ** 10, r: 8, p: 1 }
const MINUTE = 60_000
const POLICY: SessionPolicy = {
  idleMs: 60 * MINUTE,
  absoluteMs: 24 * 60 * MINUTE,
  touchEveryMs: MINUTE,
}

/** A clock the test moves. */
function clock(start = Date.parse('2026-03-02T09:00:00Z')) {
  let at = start
  return {
    now: () => new Date(at),
    advance: (ms: number) => {
      at += ms
    },
  }
}

describe('emails', () => {
  it('are trimmed and lower-cased, and must be emails', () => {
    expect(parseEmail('  Dana.Lee@Example.COM ')).toEqual({
      ok: true,
      email: 'dana.lee@example.com',
    })
    const bad = parseEmail('dana')
    expect(bad.ok).toBe(false)
    expect(!bad.ok && bad.problem).toMatch(/email address/)
  })
})

describe.each(engines)('sign-in stores on $name', (engine) => {
  // Starting the engine takes seconds on a busy machine: once, outside the tests' time.
  beforeAll(async () => {
    await engine.open([])
  }, 120_000)

  it('migrates with the change history in one list, sign-in first', async () => {
    const db = await engine.open(appMigrations)
    const { rows } = await db.query('SELECT version FROM roster_migrations ORDER BY version')
    expect(rows.map((r) => r.version)).toEqual([1, 100])
    expect(authMigrations.every((m) => m.version >= 1 && m.version < 100)).toBe(true)
  })

  it('keeps accounts: one per email, a name, a hash and never the password', async () => {
    const db = await engine.open(authMigrations)
    const users = createUserStore(db, FAST)
    expect(
      await users.add({
        email: 'dana@example.com',
        name: ' Dana Lee ',
        password: 'first password',
      }),
    ).toBe(true)
    expect(await users.add({ email: 'dana@example.com', password: 'another password' })).toBe(false)
    expect(await users.add({ email: 'sam@example.com', password: 'sams password!' })).toBe(true)
    const listed = await users.list()
    expect(listed.map(({ email, name }) => ({ email, name }))).toEqual([
      { email: 'dana@example.com', name: 'Dana Lee' },
      { email: 'sam@example.com', name: 'sam@example.com' },
    ])
    expect(listed[0]?.createdAt).toBeInstanceOf(Date)
    const stored = await db.query('SELECT password_hash FROM roster_users')
    expect(JSON.stringify(stored.rows)).not.toContain('first password')
    const dana = await users.find('dana@example.com')
    expect(await verifyPassword('first password', dana?.passwordHash)).toBe(true)
    expect(await users.remove('sam@example.com')).toBe(true)
    expect(await users.remove('sam@example.com')).toBe(false)
    expect(await users.find('sam@example.com')).toBeUndefined()
  })

  it('keeps sessions by a hash of their id, with idle and absolute expiry', async () => {
    const db = await engine.open(authMigrations)
    await createUserStore(db, FAST).add({
      email: 'dana@example.com',
      name: 'Dana Lee',
      password: 'first password',
    })
    const time = clock()
    const sessions = createSessionStore(db, POLICY, time.now)
    const id = await sessions.create('dana@example.com')
    expect(id).toMatch(/^[\w-]{43}$/)
    expect(JSON.stringify((await db.query('SELECT * FROM roster_sessions')).rows)).not.toContain(id)
    expect(await sessions.lookup(id)).toEqual({ email: 'dana@example.com', name: 'Dana Lee' })
    expect(await sessions.lookup(`${id}x`)).toBeUndefined()
    expect(await sessions.lookup('')).toBeUndefined()

    // Busy all day: each request within the idle time extends it, up to the absolute limit.
    for (let hour = 0; hour < 24; hour += 1) {
      time.advance(59 * MINUTE)
      expect(await sessions.lookup(id)).toBeDefined()
    }
    time.advance(59 * MINUTE)
    expect(await sessions.lookup(id)).toBeUndefined()
    expect((await db.query('SELECT * FROM roster_sessions')).rows).toEqual([])
  })

  it('ends a session left idle, and writes its last use at most once a minute', async () => {
    const db = await engine.open(authMigrations)
    await createUserStore(db, FAST).add({ email: 'dana@example.com', password: 'first password' })
    const time = clock()
    const sessions = createSessionStore(db, POLICY, time.now)
    const id = await sessions.create('dana@example.com')
    const lastSeen = async () =>
      String((await db.query('SELECT last_seen_at FROM roster_sessions')).rows[0]?.last_seen_at)
    const first = await lastSeen()
    time.advance(30_000)
    await sessions.lookup(id)
    expect(await lastSeen()).toBe(first)
    time.advance(30_000)
    await sessions.lookup(id)
    expect(await lastSeen()).not.toBe(first)
    time.advance(60 * MINUTE)
    expect(await sessions.lookup(id)).toBeUndefined()
  })

  it('ends sessions on sign-out, on removing the account and on a new password', async () => {
    const db = await engine.open(authMigrations)
    const users = createUserStore(db, FAST)
    await users.add({ email: 'dana@example.com', password: 'first password' })
    const sessions = createSessionStore(db, POLICY)
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => sessions.create('dana@example.com')))
    await sessions.destroy(a ?? '')
    expect(await sessions.lookup(a ?? '')).toBeUndefined()
    expect(await sessions.lookup(b ?? '')).toBeDefined()
    await users.setPassword('dana@example.com', 'second password')
    expect(await sessions.lookup(b ?? '')).toBeUndefined()
    expect(await sessions.lookup(c ?? '')).toBeUndefined()
    const d = await sessions.create('dana@example.com')
    await users.remove('dana@example.com')
    expect(await sessions.lookup(d)).toBeUndefined()
    expect(await users.setPassword('dana@example.com', 'third password')).toBe(false)
  })

  it('sweeps expired sessions and leaves live ones', async () => {
    const db = await engine.open(authMigrations)
    await createUserStore(db, FAST).add({ email: 'dana@example.com', password: 'first password' })
    const time = clock()
    const sessions = createSessionStore(db, POLICY, time.now)
    const old = await sessions.create('dana@example.com')
    time.advance(61 * MINUTE)
    const fresh = await sessions.create('dana@example.com')
    await deleteExpiredSessions(db, POLICY, time.now())
    const { rows } = await db.query('SELECT count(*)::int AS n FROM roster_sessions')
    expect(rows[0]).toEqual({ n: 1 })
    expect(await sessions.lookup(fresh)).toBeDefined()
    expect(await sessions.lookup(old)).toBeUndefined()
  })

  it('limits failed sign-ins per account and per address, within a window', async () => {
    const db = await engine.open(authMigrations)
    const time = clock()
    const limiter = createRateLimiter(
      db,
      { windowMs: 10 * MINUTE, perAccount: 3, perAddress: 5 },
      time.now,
    )
    const dana = { email: 'dana@example.com', address: '10.0.0.1' }
    for (let i = 0; i < 3; i += 1) {
      expect(await limiter.blocked(dana)).toBe(false)
      await limiter.fail(dana)
    }
    expect(await limiter.blocked(dana)).toBe(true)
    // The account, from anywhere; the address still may try other accounts.
    expect(await limiter.blocked({ ...dana, address: '10.0.0.2' })).toBe(true)
    expect(await limiter.blocked({ ...dana, email: 'sam@example.com' })).toBe(false)
    await limiter.fail({ ...dana, email: 'sam@example.com' })
    await limiter.fail({ ...dana, email: 'lee@example.com' })
    expect(await limiter.blocked({ ...dana, email: 'kim@example.com' })).toBe(true)
    expect(await limiter.blocked({ email: 'kim@example.com', address: '10.0.0.9' })).toBe(false)

    time.advance(10 * MINUTE)
    expect(await limiter.blocked(dana)).toBe(false)
    // Old failures are dropped as new ones come.
    await limiter.fail({ email: 'kim@example.com', address: '10.0.0.9' })
    const { rows } = await db.query('SELECT count(*)::int AS n FROM roster_sign_in_failures')
    expect(rows[0]).toEqual({ n: 2 })
  })

  it('forgets an account’s failures when it signs in', async () => {
    const db = await engine.open(authMigrations)
    const limiter = createRateLimiter(db, { windowMs: 10 * MINUTE, perAccount: 2, perAddress: 50 })
    const dana = { email: 'dana@example.com', address: '10.0.0.1' }
    await limiter.fail(dana)
    await limiter.succeed(dana)
    await limiter.fail(dana)
    expect(await limiter.blocked(dana)).toBe(false)
  })
})
