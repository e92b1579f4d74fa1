// @vitest-environment node
// Production (createLiveApp with a database): the live proxy's writes are recorded,
// the before-state read from Open To Close through the guarded upstream call, and the
// change label never reaches Open To Close.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Database } from '../../../src/server/db/types.ts'
import { historyMigrations } from '../../../src/server/history/migration.ts'
import { createHistoryStore } from '../../../src/server/history/store.ts'
import { createLiveApp } from '../../../src/server/production-app.ts'
import { allowedHostsFrom } from '../../../src/server/request-guards.ts'
import { closeEngines, engines } from '../db/engines.ts'
import {
  closeServers,
  letLocalRequestsThrough,
  listen,
  sendJson,
  startFakeUpstream,
} from '../http-helpers.ts'

const pglite = engines[0]
if (pglite === undefined) throw new Error('PGlite is always an engine')

const contact = { id: 42, first_name: 'Nancy', last_name: 'Thompson', created: '2026-01-01' }
const link = (role: string) => ({
  id: 9,
  property_id: 7,
  contact_id: 42,
  role,
  primary: false,
  created: '2026-01-01T00:00:00Z',
  updated: role === 'Seller' ? '2026-01-01T00:00:00Z' : '2026-02-01T00:00:00Z',
  contact,
})

let db: Database
const root = mkdtempSync(join(tmpdir(), 'roster-history-live-'))
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Roster</title>')

beforeAll(async () => {
  db = await pglite.open(historyMigrations)
}, 120_000)
afterAll(async () => {
  await closeEngines()
  rmSync(root, { recursive: true, force: true })
}, 60_000)
beforeEach(letLocalRequestsThrough)
afterEach(closeServers)

async function liveApp(timeoutMs = 2_000) {
  const upstream = await startFakeUpstream()
  const base = new URL(`${upstream.origin}/v1`)
  const origin = await listen(
    createLiveApp({
      root,
      config: { apiKey: 'secret-token', baseUrl: base, writeBaseUrl: base, timeoutMs },
      allowedHosts: allowedHostsFrom('127.0.0.1', undefined),
      prerenderTimeoutMs: 0,
      signIn: false,
      warmCompression: false,
      log: () => undefined,
      db,
    }),
  )
  return { origin, upstream }
}

describe('createLiveApp with a database', () => {
  it('records a live edit with the before-state read from Open To Close', async () => {
    const { origin, upstream } = await liveApp()
    upstream.answer((request, res) => {
      sendJson(res, 200, request.method === 'GET' ? link('Seller') : link('Buyer'))
    })
    const response = await fetch(`${origin}/api/v1/properties/7/contacts/42`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'X-Roster-Change': 'undo' },
      body: JSON.stringify({ role: 'Buyer' }),
    })
    expect(response.status).toBe(200)
    expect(upstream.requests.map((r) => r.method)).toEqual(['GET', 'PUT'])
    expect(upstream.requests.every((r) => r.headers['x-roster-change'] === undefined)).toBe(true)
    const [entry] = (await createHistoryStore(db).list(7)).entries
    expect(entry).toMatchObject({
      action: 'edit',
      reason: 'undo',
      actor: { id: 'unknown' },
      contactName: 'Nancy Thompson',
      before: { role: 'Seller' },
      after: { role: 'Buyer' },
      outcome: 'accepted',
    })
    const activity = await fetch(`${origin}/api/roster/properties/7/activity`)
    expect(activity.status).toBe(200)
  })

  it('records a write Open To Close never answered as unknown', async () => {
    const { origin, upstream } = await liveApp(300)
    upstream.answer((request, res) => {
      if (request.method === 'GET') sendJson(res, 200, link('Seller'))
      // The PUT is never answered: the proxy gives up and says 504.
    })
    const response = await fetch(`${origin}/api/v1/properties/7/contacts/42`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'Inspector' }),
    })
    expect(response.status).toBe(504)
    const [entry] = (await createHistoryStore(db).list(7)).entries
    expect(entry).toMatchObject({ outcome: 'unknown', status: 504, request: { role: 'Inspector' } })
  })
})
