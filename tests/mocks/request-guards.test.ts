// @vitest-environment node
// The mock backend refuses what the production server refuses (src/server/request-guards.ts):
// other sites, unknown host names, and write bodies that are not JSON or too large.
import { request as httpRequest } from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { db } from '../../src/mocks/db'
import { createMockMiddleware, type Middleware } from '../../src/mocks/middleware'
import { allowedHostsFrom, MAX_REQUEST_BODY_BYTES } from '../../src/server/request-guards'
import { closeServers, letLocalRequestsThrough, listen, rawRequest } from '../server/http-helpers'

beforeEach(() => {
  letLocalRequestsThrough()
})

afterEach(async () => {
  await closeServers()
})

/** Mounts the middleware on a real server; `next()` answers 418 so fall-through shows. */
function mount(middleware: Middleware): Promise<string> {
  return listen((req, res) => {
    middleware(req, res, () => res.writeHead(418, { 'content-type': 'text/plain' }).end('next'))
  })
}

const PRIMARY_BUYER = JSON.stringify({ contact_id: 9, role: 'Buyer', primary: true })

function linkOf(propertyId: number, contactId: number) {
  return db.links.find(propertyId, contactId)
}

describe('requests from other sites', () => {
  it.each([
    ['Origin of another site', { origin: 'https://evil.example' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'sec-fetch-site': 'same-site' }],
  ])('refuses a text/plain POST with %s, and creates nothing', async (_, headers) => {
    const origin = await mount(createMockMiddleware())
    expect(linkOf(1, 9)).toBeUndefined()
    const response = await rawRequest(`${origin}/api/v1/properties/1/contacts`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/plain' },
      body: PRIMARY_BUYER,
    })
    expect(response.status).toBe(403)
    expect(response.headers['content-type']).toBe('application/json')
    expect(JSON.parse(response.body)).toEqual({ message: 'Requests from other sites are refused.' })
    const roster = await fetch(`${origin}/api/v1/properties/1/contacts`)
    expect(
      ((await roster.json()) as { contact_id: number }[]).map((l) => l.contact_id),
    ).not.toContain(9)
    expect(linkOf(1, 9)).toBeUndefined()
  })

  it('refuses a cross-site reset and keeps the data', async () => {
    const origin = await mount(createMockMiddleware())
    const created = await fetch(`${origin}/api/v1/contacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ first_name: 'Kept', last_name: 'Safe' }),
    })
    const { id } = (await created.json()) as { id: number }
    const reset = await rawRequest(`${origin}/__mock/reset`, {
      method: 'POST',
      headers: { origin: 'http://localhost:9999', 'content-type': 'text/plain' },
    })
    expect(reset.status).toBe(403)
    const contact = await fetch(`${origin}/api/v1/contacts/${id}`)
    expect(contact.status).toBe(200)
    expect(await contact.json()).toMatchObject({ first_name: 'Kept' })
  })

  it('refuses cross-site reads of the API too, as the live proxy does; health stays open', async () => {
    const origin = await mount(createMockMiddleware())
    const read = await rawRequest(`${origin}/api/v1/properties`, {
      headers: { 'sec-fetch-site': 'cross-site' },
    })
    expect(read.status).toBe(403)
    const health = await rawRequest(`${origin}/__mock/health`, {
      headers: { 'sec-fetch-site': 'cross-site' },
    })
    expect(health.status).toBe(200)
  })

  it.each([
    ['Sec-Fetch-Site: same-origin', () => ({ 'sec-fetch-site': 'same-origin' })],
    ['its own Origin', (origin: string) => ({ origin })],
    ['neither (curl, Node fetch, Playwright request)', () => ({})],
  ])('serves a JSON write with %s', async (_, headersFor) => {
    const origin = await mount(createMockMiddleware())
    const response = await rawRequest(`${origin}/api/v1/properties/1/contacts`, {
      method: 'POST',
      headers: { ...headersFor(origin), 'content-type': 'application/json; charset=utf-8' },
      body: PRIMARY_BUYER,
    })
    expect(response.status).toBe(201)
    expect(linkOf(1, 9)).toMatchObject({ role: 'Buyer', primary: true })
  })

  it('serves a same-origin reset', async () => {
    const origin = await mount(createMockMiddleware())
    const reset = await rawRequest(`${origin}/__mock/reset`, {
      method: 'POST',
      headers: { 'sec-fetch-site': 'same-origin' },
    })
    expect(reset.status).toBe(204)
  })
})

describe('request bodies', () => {
  it('refuses a write whose body is not application/json with 415', async () => {
    const origin = await mount(createMockMiddleware())
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      const response = await rawRequest(`${origin}/api/v1/properties/1/contacts`, {
        method: 'POST',
        headers: type === undefined ? {} : { 'content-type': type },
        body: PRIMARY_BUYER,
      })
      expect(response.status, type).toBe(415)
      expect(JSON.parse(response.body), type).toEqual({
        message: 'Send the request body as application/json.',
      })
    }
    expect(linkOf(1, 9)).toBeUndefined()
  })

  it('takes a DELETE without a body or a type, as the client sends it, but not a text body', async () => {
    const origin = await mount(createMockMiddleware())
    const [first] = db.links.list(1)
    if (!first) throw new Error('property 1 has no links')
    const path = `${origin}/api/v1/properties/1/contacts/${first.contact_id}`
    const typed = await rawRequest(path, {
      method: 'DELETE',
      // Node sends a DELETE's body unframed unless told its length.
      headers: { 'content-type': 'text/plain', 'content-length': '1' },
      body: 'x',
    })
    expect(typed.status).toBe(415)
    expect(linkOf(1, first.contact_id)).toBeDefined()
    expect((await rawRequest(path, { method: 'DELETE' })).status).toBe(200)
    expect(linkOf(1, first.contact_id)).toBeUndefined()
  })

  it('answers 413 to a body declared over 1 MiB before it has arrived', async () => {
    const origin = await mount(createMockMiddleware())
    const { status, sent } = await sendLargeBody(`${origin}/api/v1/contacts`, {
      'content-length': String(100 * 1024 * 1024),
    })
    expect(status).toBe(413)
    expect(sent).toBeLessThan(100 * 1024 * 1024)
  })

  it('answers 413 to a chunked body once it passes 1 MiB, not at its end', async () => {
    const origin = await mount(createMockMiddleware())
    const { status, sent } = await sendLargeBody(`${origin}/api/v1/contacts`, {})
    expect(status).toBe(413)
    expect(sent).toBeGreaterThan(MAX_REQUEST_BODY_BYTES)
    expect(sent).toBeLessThan(LARGE_BODY_LIMIT)
    expect(db.contacts.list().some((c) => c.first_name === 'Huge')).toBe(false)
  })

  it('takes a body of exactly 1 MiB', async () => {
    const origin = await mount(createMockMiddleware())
    const json = JSON.stringify({ first_name: 'Big', last_name: 'Notes', company: '' })
    const body = json.replace('""', `"${'x'.repeat(MAX_REQUEST_BODY_BYTES - json.length)}"`)
    expect(Buffer.byteLength(body)).toBe(MAX_REQUEST_BODY_BYTES)
    const response = await rawRequest(`${origin}/api/v1/contacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
    // Past the guards: the contract's own rule on the field's length answers.
    expect(response.status).not.toBe(413)
  })
})

/** Where sendLargeBody gives up: a server that waited for the end would never answer. */
const LARGE_BODY_LIMIT = 16 * 1024 * 1024

/** Streams a JSON body in 64 KiB pieces until the server answers; how much went out. */
function sendLargeBody(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0
    let answered = false
    const req = httpRequest(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
    })
    req.on('error', (error) => {
      if (!answered) reject(error)
    })
    req.on('response', (res) => {
      answered = true
      res.resume()
      res.on('end', () => {
        req.destroy()
        resolve({ status: res.statusCode ?? 0, sent })
      })
    })
    req.write('{"first_name":"Huge","last_name":"')
    const piece = Buffer.alloc(64 * 1024, 'a')
    const more = () => {
      while (!answered && sent < LARGE_BODY_LIMIT) {
        sent += piece.length
        if (!req.write(piece)) {
          req.once('drain', more)
          return
        }
      }
      if (!answered) req.end('"}')
    }
    more()
  })
}

describe('host names (DNS rebinding)', () => {
  it('answers 421 to a Host it does not serve, on the API, reset and health', async () => {
    const origin = await mount(
      createMockMiddleware({ allowedHosts: allowedHostsFrom('127.0.0.1', 'roster.test') }),
    )
    const before = db.snapshot()
    for (const [method, path] of [
      ['GET', '/api/v1/properties'],
      ['POST', '/__mock/reset'],
      ['GET', '/__mock/health'],
    ] as const) {
      const evil = await rawRequest(`${origin}${path}`, {
        method,
        headers: { host: 'evil.example' },
      })
      expect(evil.status, path).toBe(421)
    }
    const write = await rawRequest(`${origin}/api/v1/properties/1/contacts`, {
      method: 'POST',
      headers: { host: 'evil.example:80', 'content-type': 'application/json' },
      body: PRIMARY_BUYER,
    })
    expect(write.status).toBe(421)
    expect(db.snapshot()).toEqual(before)
    for (const host of ['127.0.0.1', 'localhost:5173', 'LOCALHOST', 'roster.test:443']) {
      const response = await rawRequest(`${origin}/api/v1/properties/1`, { headers: { host } })
      expect(response.status, host).toBe(200)
    }
  })

  it('leaves other paths to the next handler whatever the Host', async () => {
    const origin = await mount(
      createMockMiddleware({ allowedHosts: allowedHostsFrom('127.0.0.1', '') }),
    )
    const response = await rawRequest(`${origin}/`, { headers: { host: 'evil.example' } })
    expect(response.status).toBe(418)
  })
})
