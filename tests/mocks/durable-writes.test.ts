// @vitest-environment node
// A change the mock backend answers 2xx to is on disk; one it cannot save gets a 500
// and leaves the data exactly as it was, in memory and after a restart.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SAVE_FAILED_MESSAGE, setSaver } from '../../src/mocks/commit'
import { setMockConfig } from '../../src/mocks/config'
import { db, type DbSnapshot } from '../../src/mocks/db'
import { createMockMiddleware, type Middleware } from '../../src/mocks/middleware'
import { writeSnapshotFile } from '../../src/mocks/persist'
import { createSeed } from '../../src/mocks/seed'
import { closeServers, letLocalRequestsThrough, listen } from '../server/http-helpers'

let dir = ''

beforeEach(() => {
  letLocalRequestsThrough()
  dir = mkdtempSync(join(tmpdir(), 'roster-durable-'))
})

afterEach(async () => {
  setSaver(null)
  await closeServers()
  rmSync(dir, { recursive: true, force: true })
})

function mount(middleware: Middleware): Promise<string> {
  return listen((req, res) => {
    middleware(req, res, () => res.writeHead(418).end())
  })
}

function send(origin: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${origin}/api/v1${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

/** Errors the failing writer throws, as the disk would. */
function diskFull(): Error {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
}

/** The real writer, or a failure while `failing` says so; counts its calls. */
function flakyWriter() {
  const writer = {
    failing: false,
    calls: 0,
    write(file: string, snapshot: DbSnapshot): void {
      writer.calls++
      if (writer.failing) throw diskFull()
      writeSnapshotFile(file, snapshot)
    },
  }
  return writer
}

function quietErrors() {
  return vi.spyOn(console, 'error').mockImplementation(() => undefined)
}

describe('a change that cannot be saved', () => {
  it('answers 500, keeps nothing, and a retry succeeds once the disk works; a restart has exactly the acknowledged changes', async () => {
    const errors = quietErrors()
    const file = join(dir, 'db.json')
    const writer = flakyWriter()
    const origin = await mount(
      createMockMiddleware({ persistFile: file, writeSnapshot: (f, s) => writer.write(f, s) }),
    )
    const created = await send(origin, 'POST', '/contacts', { first_name: 'Ada', last_name: 'L' })
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: number }
    const acknowledged = db.snapshot()

    writer.failing = true
    const link = { contact_id: id, role: 'Buyer', primary: true }
    const [existing] = db.links.list(3)
    if (!existing) throw new Error('property 3 has no links')
    const attempts = [
      await send(origin, 'POST', '/properties/2/contacts', link),
      await send(origin, 'POST', '/contacts', { first_name: 'Lost', last_name: 'Write' }),
      await send(origin, 'PUT', `/properties/3/contacts/${existing.contact_id}`, { notes: 'lost' }),
      await send(origin, 'DELETE', `/properties/3/contacts/${existing.contact_id}`),
      await fetch(`${origin}/__mock/reset`, { method: 'POST' }),
    ]
    for (const response of attempts) {
      expect(response.status).toBe(500)
      expect(response.headers.get('content-type')).toContain('application/json')
      expect(await response.json()).toEqual({ message: SAVE_FAILED_MESSAGE })
    }
    expect(SAVE_FAILED_MESSAGE).toBe(
      'The mock backend could not save this change; nothing was changed.',
    )
    // Reads show the state as it was: no link, no contact, the old notes, not the seed.
    expect(db.snapshot()).toEqual(acknowledged)
    expect((await send(origin, 'GET', `/properties/2/contacts/${id}`)).status).toBe(404)
    const kept = await send(origin, 'GET', `/properties/3/contacts/${existing.contact_id}`)
    expect(await kept.json()).toMatchObject({ notes: existing.notes })
    expect(errors).toHaveBeenCalledTimes(attempts.length)

    writer.failing = false
    const retried = await send(origin, 'POST', '/properties/2/contacts', link)
    expect(retried.status).toBe(201)
    const afterRetry = db.snapshot()

    db.reset() // what a restart would lose
    createMockMiddleware({ persistFile: file })
    expect(db.snapshot()).toEqual(afterRetry)
    expect(db.links.find(2, id)).toMatchObject({ role: 'Buyer', primary: true })
    expect(db.contacts.list().some((c) => c.first_name === 'Lost')).toBe(false)
  })

  it('takes back only its own change among concurrent ones, and the file has the others', async () => {
    const errors = quietErrors()
    const file = join(dir, 'db.json')
    // The disk refuses exactly the snapshots that hold "Doomed".
    const writeSnapshot = (target: string, snapshot: DbSnapshot) => {
      if (snapshot.contacts.some((c) => c.first_name === 'Doomed')) throw diskFull()
      writeSnapshotFile(target, snapshot)
    }
    setMockConfig({ latencyMs: 0 })
    const origin = await mount(createMockMiddleware({ persistFile: file, writeSnapshot }))
    setMockConfig({ latencyMs: 20 }) // so that the requests overlap
    const names = ['Anna', 'Doomed', 'Bea', 'Cleo', 'Dina']
    const responses = await Promise.all(
      names.map((first_name) => send(origin, 'POST', '/contacts', { first_name, last_name: 'X' })),
    )
    expect(responses.map((r) => r.status)).toEqual([201, 500, 201, 201, 201])
    const firstNames = db.contacts.list().map((c) => c.first_name)
    expect(firstNames).toEqual(expect.arrayContaining(['Anna', 'Bea', 'Cleo', 'Dina']))
    expect(firstNames).not.toContain('Doomed')
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(db.snapshot())
    expect(errors).toHaveBeenCalledOnce()
  })

  it('still lets slow requests overlap: the latency is not spent one at a time', async () => {
    const origin = await mount(createMockMiddleware({ persistFile: join(dir, 'db.json') }))
    setMockConfig({ latencyMs: 200 })
    const started = performance.now()
    const responses = await Promise.all(
      ['A', 'B', 'C', 'D', 'E'].map((first_name) =>
        send(origin, 'POST', '/contacts', { first_name, last_name: 'X' }),
      ),
    )
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201])
    // One at a time would take 5 × 200 ms.
    expect(performance.now() - started).toBeLessThan(800)
  })

  it('fails for real on a path that cannot be a folder, leaves no temp file, and recovers', async () => {
    const errors = quietErrors()
    const blocker = join(dir, 'mock-data')
    writeFileSync(blocker, 'a file where the folder should be')
    const file = join(blocker, 'db.json')
    const origin = await mount(createMockMiddleware({ persistFile: file }))
    const before = db.snapshot()
    expect(before).toEqual(createSeed())

    const failed = await send(origin, 'POST', '/properties/1/contacts', { contact_id: 9 })
    expect(failed.status).toBe(500)
    expect(await failed.json()).toEqual({ message: SAVE_FAILED_MESSAGE })
    expect((await send(origin, 'GET', '/properties/1/contacts/9')).status).toBe(404)
    expect(db.snapshot()).toEqual(before)
    expect(readdirSync(dir)).toEqual(['mock-data'])
    expect(errors).toHaveBeenCalledOnce()
    expect(String(errors.mock.calls[0]?.[1])).toMatch(/EEXIST|ENOTDIR/)

    // The disk works again.
    rmSync(blocker)
    mkdirSync(blocker)
    const retried = await send(origin, 'POST', '/properties/1/contacts', { contact_id: 9 })
    expect(retried.status).toBe(201)
    expect(readdirSync(blocker)).toEqual(['db.json'])
    const saved = JSON.parse(readFileSync(file, 'utf8')) as DbSnapshot
    expect(saved).toEqual(db.snapshot())
    expect(saved.links.filter((l) => l.property_id === 1 && l.contact_id === 9)).toHaveLength(1)
  })

  it('puts the old data back on disk when the write failed after the new file was in place', async () => {
    quietErrors()
    const file = join(dir, 'db.json')
    let calls = 0
    // The first save renames the new file in but then fails (flushing the folder).
    const writeSnapshot = (target: string, snapshot: DbSnapshot) => {
      calls++
      writeSnapshotFile(target, snapshot)
      if (calls === 1) throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' })
    }
    const origin = await mount(createMockMiddleware({ persistFile: file, writeSnapshot }))
    const before = db.snapshot()
    const failed = await send(origin, 'POST', '/contacts', {
      first_name: 'Half',
      last_name: 'Done',
    })
    expect(failed.status).toBe(500)
    expect(calls).toBe(2)
    expect(db.snapshot()).toEqual(before)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(before)
  })

  it('writes nothing when not persisting, and then has nothing to fail', async () => {
    const origin = await mount(createMockMiddleware())
    const created = await send(origin, 'POST', '/contacts', {
      first_name: 'Mem',
      last_name: 'Only',
    })
    expect(created.status).toBe(201)
    expect(readdirSync(dir)).toEqual([])
  })
})
