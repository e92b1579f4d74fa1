// @vitest-environment node
// The recorder around /api/v1 on a real local server: what it records for each kind of
// change, that the browser's answer is the inner middleware's, unchanged, and only
// once the entry is written, and that a failing history never fails the change.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Contact, PropertyContact } from '../../../src/api/schemas.ts'
import { historyMigrations } from '../../../src/server/history/migration.ts'
import { DEMO_PERSON, mountHistory } from '../../../src/server/history/mount.ts'
import type { HistoryReader } from '../../../src/server/history/readers.ts'
import { withHistory } from '../../../src/server/history/recorder.ts'
import {
  createHistoryStore,
  type HistoryStore,
  type NewChange,
} from '../../../src/server/history/store.ts'
import { readJsonBody, sendJson, type Middleware } from '../../../src/server/request-guards.ts'
import type { Database } from '../../../src/server/db/types.ts'
import { closeEngines, engines } from '../db/engines.ts'
import { closeServers, letLocalRequestsThrough, listen } from '../http-helpers.ts'

const pglite = engines[0]
if (pglite === undefined) throw new Error('PGlite is always an engine')

const contact: Contact = {
  id: 42,
  first_name: 'Nancy',
  last_name: 'Thompson',
  email: null,
  phone: null,
  company: null,
  created: '2026-01-01T00:00:00.000Z',
}
function link(fields: Partial<PropertyContact> = {}): PropertyContact {
  return {
    id: 9,
    property_id: 7,
    contact_id: 42,
    role: 'Seller',
    primary: false,
    start_date: null,
    notes: null,
    created: '2026-01-01T00:00:00.000Z',
    updated: '2026-01-01T00:00:00.000Z',
    contact,
    ...fields,
  }
}

const reader: HistoryReader = {
  link: () => Promise.resolve(link()),
  contact: () => Promise.resolve(contact),
}

/** Stands in for the mock backend: reads the body as it does, answers as told. */
function fakeApi(answer: (req: IncomingMessage, body: unknown) => [number, unknown]) {
  return (req: IncomingMessage, res: ServerResponse) => {
    void readJsonBody(req)
      .catch(() => new Uint8Array())
      .then((bytes) => {
        const text = Buffer.from(bytes).toString('utf8')
        const [status, body] = answer(req, text === '' ? null : JSON.parse(text))
        sendJson(res, status, body, { 'x-from-inner': 'yes' })
      })
  }
}

let db: Database
let store: HistoryStore

beforeAll(async () => {
  db = await pglite.open(historyMigrations)
  store = createHistoryStore(db)
}, 120_000)
// Closing every clone (and dropping the PostgreSQL databases) is slow on a busy machine.
afterAll(closeEngines, 60_000)
beforeEach(async () => {
  letLocalRequestsThrough()
  await db.query('TRUNCATE roster_changes')
})
afterEach(closeServers)

/** A middleware as a server's handler: what it passes on is a 404. */
function handler(middleware: Middleware) {
  return (req: IncomingMessage, res: ServerResponse) => {
    middleware(req, res, () => {
      sendJson(res, 404, { message: 'Not found' })
    })
  }
}

async function serve(answer: Parameters<typeof fakeApi>[0]): Promise<string> {
  return listen(
    handler(
      mountHistory(fakeApi(answer), {
        db: () => Promise.resolve(db),
        reader,
        demoPerson: DEMO_PERSON,
      }),
    ),
  )
}

const json = (method: string, body: unknown, headers: Record<string, string> = {}) => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

describe('the recorder', () => {
  it('records an edit with its before and after, who, and why; the answer is unchanged', async () => {
    const after = link({ role: 'Buyer', primary: true, updated: '2026-02-01T00:00:00.000Z' })
    const origin = await serve(() => [200, after])
    const response = await fetch(
      `${origin}/api/v1/properties/7/contacts/42`,
      json('PUT', { role: 'Buyer', primary: true }, { 'X-Roster-Change': 'undo' }),
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('x-from-inner')).toBe('yes')
    expect(await response.json()).toEqual(after)
    const [entry] = (await store.list(7)).entries
    expect(entry).toMatchObject({
      actor: DEMO_PERSON,
      action: 'edit',
      reason: 'undo',
      propertyId: 7,
      contactId: 42,
      contactName: 'Nancy Thompson',
      before: link(),
      after,
      request: { role: 'Buyer', primary: true },
      outcome: 'accepted',
      status: 200,
    })
  })

  it('records a refused link as refused, with its status and the contact it named', async () => {
    const origin = await serve(() => [409, { message: 'Already linked' }])
    const response = await fetch(
      `${origin}/api/v1/properties/7/contacts`,
      json('POST', { contact_id: 42, role: 'Buyer' }),
    )
    expect(response.status).toBe(409)
    expect(await response.json()).toEqual({ message: 'Already linked' })
    const [entry] = (await store.list(7)).entries
    expect(entry).toMatchObject({
      action: 'link',
      contactId: 42,
      contactName: 'Nancy Thompson',
      outcome: 'refused',
      status: 409,
      after: null,
    })
  })

  it('records an unlink, a revert of an entry and a contact edit', async () => {
    const origin = await serve((req) =>
      req.method === 'DELETE'
        ? [200, { deleted: true, property_id: 7, contact_id: 42 }]
        : [200, { ...contact, first_name: 'Nan' }],
    )
    await fetch(`${origin}/api/v1/properties/7/contacts/42`, {
      method: 'DELETE',
      headers: { 'X-Roster-Change': 'revert', 'X-Roster-Reverts': '1' },
    })
    await fetch(`${origin}/api/v1/contacts/42`, json('PUT', { first_name: 'Nan' }))
    const entries = (await store.list(7)).entries
    expect(entries.map((e) => [e.action, e.reason, e.outcome])).toEqual([
      ['contact_edit', null, 'accepted'],
      ['unlink', 'revert', 'accepted'],
    ])
    expect(entries[1]).toMatchObject({ before: link(), after: null, reverts: null })
    expect(entries[0]).toMatchObject({ before: contact, after: { first_name: 'Nan' } })
  })

  it('takes a change label only from its known values', async () => {
    const origin = await serve(() => [200, link()])
    await fetch(
      `${origin}/api/v1/properties/7/contacts/42`,
      json('PUT', { notes: 'x' }, { 'X-Roster-Change': 'admin', 'X-Roster-Reverts': '5' }),
    )
    expect((await store.list(7)).entries[0]).toMatchObject({ reason: null, reverts: null })
  })

  it('sends the answer only once its entry is written', async () => {
    let release: () => void = () => undefined
    const written = new Promise<void>((resolve) => (release = resolve))
    let recording: () => void = () => undefined
    const recordCalled = new Promise<void>((resolve) => (recording = resolve))
    const slowStore: HistoryStore = {
      ...store,
      record: async (change) => {
        recording()
        await written
        return store.record(change)
      },
    }
    const origin = await listen(
      handler(
        withHistory(
          fakeApi(() => [200, link()]),
          { store: () => Promise.resolve(slowStore), reader },
        ),
      ),
    )
    let answered = false
    const response = fetch(`${origin}/api/v1/properties/7/contacts/42`, json('PUT', { notes: 'x' }))
    void response.then(() => (answered = true))
    await recordCalled
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(answered).toBe(false)
    release()
    expect((await response).status).toBe(200)
    expect((await store.list(7)).entries).toHaveLength(1)
  })

  it('still sends the answer unchanged when the history cannot be written, and says so loudly', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const broken: HistoryStore = {
      ...store,
      record: () => Promise.reject(new Error('disk full')),
    }
    const origin = await listen(
      handler(
        withHistory(
          fakeApi(() => [200, link({ notes: 'kept' })]),
          {
            store: () => Promise.resolve(broken),
            reader,
          },
        ),
      ),
    )
    const response = await fetch(
      `${origin}/api/v1/properties/7/contacts/42`,
      json('PUT', { notes: 'kept' }),
    )
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ notes: 'kept' })
    expect(error).toHaveBeenCalledTimes(1)
    const call: unknown[] = error.mock.calls[0] ?? []
    const [message, change, cause] = call
    expect(String(message)).toMatch(/could not record a change/)
    expect(JSON.parse(String(change)) as NewChange).toMatchObject({ action: 'edit', contactId: 42 })
    expect(cause).toEqual(new Error('disk full'))
    error.mockReset()
  })

  it('records nothing for reads and for writes from other sites', async () => {
    const origin = await serve(() => [403, { message: 'Requests from other sites are refused.' }])
    await fetch(`${origin}/api/v1/properties/7/contacts`)
    await fetch(`${origin}/api/v1/properties/7/contacts/42`, {
      ...json('PUT', { notes: 'x' }),
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
    })
    expect((await store.list(7)).entries).toEqual([])
  })
})

describe('the Activity API', () => {
  it('lists a property’s entries a page at a time, with its filters', async () => {
    const origin = await serve(() => [200, link()])
    for (let n = 0; n < 3; n += 1) {
      await fetch(`${origin}/api/v1/properties/7/contacts/42`, json('PUT', { notes: `${n}` }))
    }
    const page = await fetch(`${origin}/api/roster/properties/7/activity?limit=2`)
    expect(page.status).toBe(200)
    const body = (await page.json()) as { entries: { id: number }[]; next: number | null }
    expect(body.entries).toHaveLength(2)
    expect(body.next).toBe(body.entries[1]?.id)
    const older = await fetch(`${origin}/api/roster/properties/7/activity?before=${body.next}`)
    expect(((await older.json()) as { entries: unknown[] }).entries).toHaveLength(1)
    const filters = await fetch(`${origin}/api/roster/properties/7/activity/filters`)
    expect(await filters.json()).toEqual({
      people: [DEMO_PERSON],
      contacts: [{ id: 42, name: 'Nancy Thompson' }],
    })
  })

  it('refuses a bad page, another method and another site', async () => {
    const origin = await serve(() => [200, link()])
    expect((await fetch(`${origin}/api/roster/properties/7/activity?limit=0`)).status).toBe(400)
    expect((await fetch(`${origin}/api/roster/properties/7/activity?before=x`)).status).toBe(400)
    expect(
      (await fetch(`${origin}/api/roster/properties/7/activity`, { method: 'DELETE' })).status,
    ).toBe(405)
    expect(
      (
        await fetch(`${origin}/api/roster/properties/7/activity`, {
          headers: { origin: 'https://evil.example' },
        })
      ).status,
    ).toBe(403)
    expect((await fetch(`${origin}/api/roster/nothing`)).status).toBe(404)
  })
})
