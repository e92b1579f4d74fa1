// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { http, passthrough } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { resetMockConfig } from '../../src/mocks/config'
import { db } from '../../src/mocks/db'
import { createMockMiddleware, type Middleware } from '../../src/mocks/middleware'
import { server as msw } from '../../src/mocks/node'
import { createSeed } from '../../src/mocks/seed'

const servers: Server[] = []
let hits = 0
let dir = ''

beforeEach(() => {
  hits = 0
  dir = mkdtempSync(join(tmpdir(), 'roster-mock-'))
  // The test setup's MSW server intercepts this process's requests, and its handlers
  // match any origin: let requests to the real local servers through.
  msw.use(http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()))
})

afterEach(async () => {
  resetMockConfig()
  rmSync(dir, { recursive: true, force: true })
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))))
})

/** Mounts the middleware on a real server; `next()` answers 418 so fall-through shows. */
async function mount(middleware: Middleware): Promise<string> {
  const server = createServer((req, res) => {
    hits++
    middleware(req, res, () => res.writeHead(418, { 'content-type': 'text/plain' }).end('next'))
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

async function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

describe('createMockMiddleware', () => {
  it('answers /api/v1 with the shared handlers, over real HTTP', async () => {
    const origin = await mount(createMockMiddleware())
    const response = await fetch(`${origin}/api/v1/properties?limit=2&offset=1`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('application/json')
    expect(((await response.json()) as { id: number }[]).map((p) => p.id)).toEqual([2, 3])
    expect(hits).toBe(1)
  })

  it('passes request bodies through and answers unknown /api/v1 paths with a JSON 404', async () => {
    const origin = await mount(createMockMiddleware())
    const created = await post(`${origin}/api/v1/contacts`, { first_name: 'Ada', last_name: 'L' })
    expect(created.status).toBe(201)
    const invalid = await post(`${origin}/api/v1/properties/1/contacts`, { contact_id: 'abc' })
    expect(invalid.status).toBe(400)
    const missing = await fetch(`${origin}/api/v1/nothing-here`)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ message: 'Not found' })
    expect(hits).toBe(3)
  })

  it('serves health and reset', async () => {
    const origin = await mount(createMockMiddleware())
    expect((await fetch(`${origin}/__mock/health`)).status).toBe(200)
    await post(`${origin}/api/v1/contacts`, { first_name: 'Ada', last_name: 'L' })
    expect(db.snapshot()).not.toEqual(createSeed())
    const reset = await fetch(`${origin}/__mock/reset`, { method: 'POST' })
    expect(reset.status).toBe(204)
    expect(db.snapshot()).toEqual(createSeed())
    expect((await fetch(`${origin}/__mock/reset`)).status).toBe(405)
  })

  it.each(['/', '/properties/12', '/assets/app.js', '/api/v2/properties', '/api/v1x'])(
    'leaves %s to the next handler',
    async (path) => {
      const origin = await mount(createMockMiddleware())
      const response = await fetch(`${origin}${path}`)
      expect(response.status).toBe(418)
      expect(await response.text()).toBe('next')
    },
  )

  it('applies the token option', async () => {
    const origin = await mount(createMockMiddleware({ apiToken: 'tok' }))
    expect((await fetch(`${origin}/api/v1/properties/1`)).status).toBe(401)
    expect((await fetch(`${origin}/api/v1/properties/1?api_token=tok`)).status).toBe(200)
  })
})

describe('persistence', () => {
  it('survives a new middleware instance built from the same file', async () => {
    const file = join(dir, 'nested', 'db.json')
    const first = await mount(createMockMiddleware({ persistFile: file }))
    const contact = await post(`${first}/api/v1/contacts`, { first_name: 'Ada', last_name: 'L' })
    const { id } = (await contact.json()) as { id: number }
    const link = await post(`${first}/api/v1/properties/2/contacts`, { contact_id: id, notes: 'x' })
    expect(link.status).toBe(201)
    const updated = await fetch(`${first}/api/v1/properties/2/contacts/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ notes: 'kept on disk' }),
    })
    expect(updated.status).toBe(200)

    db.reset() // what a restart would lose
    const second = await mount(createMockMiddleware({ persistFile: file }))
    const response = await fetch(`${second}/api/v1/properties/2/contacts/${id}`)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ contact_id: id, notes: 'kept on disk' })
  })

  it('does not write on reads or failed writes, and writes the seed on reset', async () => {
    const file = join(dir, 'db.json')
    const origin = await mount(createMockMiddleware({ persistFile: file }))
    await fetch(`${origin}/api/v1/properties`)
    await post(`${origin}/api/v1/properties/1/contacts`, { contact_id: 'abc' })
    expect(() => readFileSync(file)).toThrow()
    expect((await fetch(`${origin}/__mock/reset`, { method: 'POST' })).status).toBe(204)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(createSeed())
  })

  it.each([
    ['not JSON', '{"properties": ['],
    ['the wrong shape', '{"properties": 1}'],
  ])('starts from the seed when the file is %s', async (_, content) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const file = join(dir, 'db.json')
    writeFileSync(file, content)
    await post(`${await mount(createMockMiddleware())}/api/v1/contacts`, {
      first_name: 'Gone',
      last_name: 'Soon',
    })
    createMockMiddleware({ persistFile: file })
    expect(db.snapshot()).toEqual(createSeed())
    warn.mockRestore()
  })
})
