// A fake Open To Close that misbehaves on command, for the attack and fault tests of
// the production server (tests/server/attack-run.test.ts): the real production
// handler (createLiveApp: proxy plus server rendering) in front of it, and a second
// host that records anything a redirect would make the server send it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ServerResponse } from 'node:http'
import type { Database } from '../../src/server/db/types'
import { appMigrations } from '../../src/server/migrations'
import { allowedHostsFrom, createLiveApp } from '../../src/server/production-app'
import { engines } from './db/engines'
import { listen, sendJson, startFakeUpstream, type FakeUpstream } from './http-helpers'

/** With "/", "+", "*" and "=", which JSON and URL encoders write in several ways. */
export const TOKEN = 'atk/Tok+en*Secret=='

export const PAGE_TEMPLATE =
  '<!doctype html><html><head><title>Roster</title></head><body><div id="root"></div>' +
  '<script type="module" src="/assets/index-abc.js"></script></body></html>'

export function property(id: number, title = `Deal ${id}`) {
  return {
    id,
    title,
    address: '1 Main St',
    city: 'Phoenix',
    state: 'AZ',
    zip: '85001',
    status: 'Active',
    client_type: 'Buyer',
    purchase_amount: 500000,
    closing_date: '2027-01-15',
    created: '2026-11-01T10:00:00Z',
  }
}

export function link(propertyId: number, contactId: number, notes: string | null = null) {
  return {
    id: contactId * 10,
    property_id: propertyId,
    contact_id: contactId,
    role: 'Buyer',
    primary: true,
    start_date: null,
    notes,
    created: '2026-11-01T10:00:00Z',
    updated: '2026-11-01T10:00:00Z',
    contact: {
      id: contactId,
      first_name: 'Rosa',
      last_name: 'Smith',
      email: 'rosa@example.com',
      phone: null,
      company: null,
      created: '2026-11-01T10:00:00Z',
    },
  }
}

/** Answers the property page's two reads like the real API: the property and its roster. */
export function answerPropertyPage(
  res: ServerResponse,
  url: string,
  options: { title?: string; notes?: string | null } = {},
): void {
  const path = new URL(url, 'http://upstream').pathname
  const roster = /^\/v1\/properties\/(\d+)\/contacts$/.exec(path)
  if (roster) {
    sendJson(res, 200, [link(Number(roster[1]), 7, options.notes ?? null)])
    return
  }
  const one = /^\/v1\/properties\/(\d+)$/.exec(path)
  if (one) {
    sendJson(res, 200, property(Number(one[1]), options.title))
    return
  }
  sendJson(res, 404, { message: 'Not found' })
}

export interface AttackRig {
  /** The production server, as `npm run serve` wires it. */
  origin: string
  upstream: FakeUpstream
  /** Another host: receives nothing unless a redirect is followed. */
  elsewhere: FakeUpstream
  logs: string[]
  close(): void
}

let database: Promise<Database> | undefined

/** One in-memory database for all the rigs of a test file: starting one takes seconds. */
function rigDatabase(): Promise<Database> {
  const pglite = engines.find((e) => e.name === 'pglite')
  if (!pglite) throw new Error('no PGlite test engine')
  database ??= pglite.open(appMigrations)
  return database
}

export async function startAttackRig(
  options: { maxBodyBytes?: number; timeoutMs?: number; https?: boolean } = {},
): Promise<AttackRig> {
  const root = mkdtempSync(join(tmpdir(), 'roster-attack-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), PAGE_TEMPLATE)
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {}')
  const upstream = await startFakeUpstream()
  const elsewhere = await startFakeUpstream()
  const logs: string[] = []
  const base = new URL(`${upstream.origin}/v1`)
  const db = await rigDatabase()
  const origin = await listen(
    createLiveApp({
      root,
      config: {
        apiKey: TOKEN,
        baseUrl: base,
        writeBaseUrl: base,
        timeoutMs: options.timeoutMs ?? 2_000,
      },
      allowedHosts: allowedHostsFrom('127.0.0.1', undefined),
      prerenderTimeoutMs: 1_000,
      warmCompression: false,
      maxBodyBytes: options.maxBodyBytes,
      log: (line) => logs.push(line),
      db,
      // The attacks are on the proxy and the renderer; sign-in has its own tests.
      signIn: false,
    }),
  )
  return {
    origin,
    upstream,
    elsewhere,
    logs,
    close: () => {
      rmSync(root, { recursive: true, force: true })
    },
  }
}
