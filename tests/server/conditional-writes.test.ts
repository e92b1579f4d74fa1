// @vitest-environment node
// The live proxy's conditional link writes (src/server/conditional-writes.ts): Open To
// Close ignores If-Match, so the proxy reads the link first and forwards the write only
// when it is the link meant, at the version asked for. A fake Open To Close that keeps
// links records every request, so each test can say what was (not) written.
import type { ServerResponse } from 'node:http'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  ConflictError,
  NotFoundError,
  OpenToCloseAPI,
  PreconditionFailedError,
  WrongLinkError,
  linkVersion,
  type PropertyContact,
} from '../../src/api'
import { PropertyContactSchema } from '../../src/api/schemas'
import type { LiveConfig } from '../../src/server/live-config'
import { createLiveProxy } from '../../src/server/live-proxy'
import { secretForms } from '../../src/server/redact'
import {
  closeServers,
  letLocalRequestsThrough,
  listen,
  rawRequest,
  sendJson,
  startFakeUpstream,
  type FakeUpstream,
  type RecordedRequest,
} from './http-helpers'
import { startAttackRig } from './misbehaving-upstream'

const TOKEN = 'c0nd/It+ional*Tok=='
const PROPERTY = 12
const CONTACT = 7
const T0 = '2026-11-01T10:00:00Z'

type RawLink = Record<string, unknown>

function rawLink(propertyId: number, contactId: number, overrides: RawLink = {}): RawLink {
  return {
    id: contactId * 10,
    property_id: propertyId,
    contact_id: contactId,
    role: 'Buyer',
    primary: true,
    start_date: null,
    notes: 'First viewing',
    created: T0,
    updated: T0,
    contact: {
      id: contactId,
      first_name: 'Rosa',
      last_name: 'Smith',
      email: 'rosa@example.com',
      phone: null,
      company: null,
      created: T0,
    },
    ...overrides,
  }
}

/** How the browser sees a link: parsed by the typed client's schema. */
function parsed(raw: RawLink): PropertyContact {
  return PropertyContactSchema.parse(raw)
}

let upstream: FakeUpstream
let logs: string[]
/** The fake Open To Close's links, by "property/contact". */
let links: Map<string, RawLink>
/** Extra time the fake takes to answer a read, to widen the window between read and write. */
let readDelayMs: number

const LINK_PATH = /^\/v1\/properties\/(\d+)\/contacts\/(\d+)$/
const LINKS_PATH = /^\/v1\/properties\/(\d+)\/contacts$/

/** A small Open To Close: it ignores If-Match (never sees it) and moves `updated` on writes. */
function answerLikeOpenToClose(request: RecordedRequest, res: ServerResponse): void {
  const path = new URL(request.url, 'http://upstream').pathname
  const one = LINK_PATH.exec(path)
  if (one) {
    const key = `${one[1] ?? ''}/${one[2] ?? ''}`
    const link = links.get(key)
    if (!link) {
      sendJson(res, 404, { message: 'Not found' })
      return
    }
    if (request.method === 'GET') {
      setTimeout(() => {
        sendJson(res, 200, links.get(key) ?? link)
      }, readDelayMs)
      return
    }
    if (request.method === 'PUT') {
      const fields = JSON.parse(request.body) as RawLink
      const updated = new Date(Date.parse(String(link.updated)) + 60_000).toISOString()
      const next = { ...link, ...fields, updated }
      links.set(key, next)
      sendJson(res, 200, next)
      return
    }
    links.delete(key)
    sendJson(res, 200, { deleted: true, property_id: Number(one[1]), contact_id: Number(one[2]) })
    return
  }
  const many = LINKS_PATH.exec(path)
  if (many && request.method === 'POST') {
    const { contact_id: contactId, ...fields } = JSON.parse(request.body) as RawLink
    const created = rawLink(Number(many[1]), Number(contactId), fields)
    links.set(`${many[1] ?? ''}/${String(contactId)}`, created)
    sendJson(res, 201, created)
    return
  }
  sendJson(res, 404, { message: 'Not found' })
}

beforeEach(async () => {
  letLocalRequestsThrough()
  upstream = await startFakeUpstream()
  upstream.answer(answerLikeOpenToClose)
  logs = []
  links = new Map([[`${PROPERTY}/${CONTACT}`, rawLink(PROPERTY, CONTACT)]])
  readDelayMs = 0
})

afterEach(async () => {
  await closeServers()
})

function configFor(overrides: Partial<LiveConfig> = {}): LiveConfig {
  const base = new URL(`${upstream.origin}/v1`)
  return { apiKey: TOKEN, baseUrl: base, writeBaseUrl: base, timeoutMs: 2_000, ...overrides }
}

async function mountProxy(
  overrides: Partial<LiveConfig> = {},
  options: { fetch?: typeof fetch } = {},
): Promise<string> {
  const proxy = createLiveProxy(configFor(overrides), {
    log: (line) => logs.push(line),
    ...options,
  })
  return listen((req, res) => {
    proxy(req, res, () => res.writeHead(418).end('next'))
  })
}

/** The browser's client, against the proxy. */
function browserClient(proxy: string): OpenToCloseAPI {
  return new OpenToCloseAPI({ baseUrl: `${proxy}/api/v1`, versionCheck: 'conditional' })
}

/** Method and path of what reached Open To Close. */
function upstreamCalls(): string[] {
  return upstream.requests.map((r) => `${r.method} ${new URL(r.url, 'http://u').pathname}`)
}

const ONE = `/v1/properties/${PROPERTY}/contacts/${CONTACT}`
const linkUrl = (proxy: string, propertyId = PROPERTY, contactId = CONTACT) =>
  `${proxy}/api/v1/properties/${propertyId}/contacts/${contactId}`

function put(proxy: string, ifMatch: string | undefined, body: unknown = { notes: 'Second' }) {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (ifMatch !== undefined) headers['if-match'] = ifMatch
  return fetch(linkUrl(proxy), { method: 'PUT', headers, body: JSON.stringify(body) })
}

function currentVersion(key = `${PROPERTY}/${CONTACT}`): string {
  const link = links.get(key)
  if (!link) throw new Error(`no link ${key}`)
  return linkVersion(parsed(link))
}

function leaks(text: string): boolean {
  return secretForms(TOKEN).some((form) => text.includes(form))
}

describe('If-Match on a PUT or DELETE of a link', () => {
  it('forwards a write whose version matches, once, without the header', async () => {
    const proxy = await mountProxy()
    const response = await put(proxy, currentVersion())
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ contact_id: CONTACT, notes: 'Second' })
    expect(upstreamCalls()).toEqual([`GET ${ONE}`, `PUT ${ONE}`])
    for (const request of upstream.requests) {
      expect(request.headers['if-match']).toBeUndefined()
      expect(new URL(request.url, 'http://u').searchParams.getAll('api_token')).toEqual([TOKEN])
    }
    expect(upstream.requests[1]?.body).toBe('{"notes":"Second"}')
  })

  it('answers a stale version with 412 and the link as read, and writes nothing', async () => {
    const proxy = await mountProxy()
    const stale = currentVersion()
    links.set(`${PROPERTY}/${CONTACT}`, rawLink(PROPERTY, CONTACT, { notes: 'Changed by Ana' }))
    const response = await put(proxy, stale)
    expect(response.status).toBe(412)
    expect(response.headers.get('content-type')).toBe('application/json')
    const body = (await response.json()) as { message: string; current: unknown }
    expect(body.message).toContain('changed since it was read; nothing was written')
    expect(body.current).toEqual(parsed(rawLink(PROPERTY, CONTACT, { notes: 'Changed by Ana' })))
    const del = await fetch(linkUrl(proxy), { method: 'DELETE', headers: { 'if-match': stale } })
    expect(del.status).toBe(412)
    expect(upstreamCalls()).toEqual([`GET ${ONE}`, `GET ${ONE}`])
    expect(links.get(`${PROPERTY}/${CONTACT}`)?.notes).toBe('Changed by Ana')
  })

  it('gives the browser PreconditionFailedError with current, whose version then matches', async () => {
    const proxy = await mountProxy()
    const client = browserClient(proxy)
    const seen = await client.propertyContacts.retrievePropertyContact(PROPERTY, CONTACT)
    // Someone else edits the link meanwhile.
    const other = browserClient(proxy)
    await other.propertyContacts.updatePropertyContact(
      PROPERTY,
      CONTACT,
      { notes: 'Ana was here' },
      { ifMatch: linkVersion(seen) },
    )
    const writesBefore = upstream.requests.filter((r) => r.method === 'PUT').length
    const error = await client.propertyContacts
      .updatePropertyContact(PROPERTY, CONTACT, { role: 'Seller' }, { ifMatch: linkVersion(seen) })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(PreconditionFailedError)
    const current = (error as PreconditionFailedError).current
    expect(current?.notes).toBe('Ana was here')
    expect(upstream.requests.filter((r) => r.method === 'PUT')).toHaveLength(writesBefore)
    // Starting again from what the 412 said is the link now goes through.
    const saved = await client.propertyContacts.updatePropertyContact(
      PROPERTY,
      CONTACT,
      { role: 'Seller' },
      { ifMatch: linkVersion(current ?? seen) },
    )
    expect(saved).toMatchObject({ role: 'Seller', notes: 'Ana was here' })
  })

  it('computes the version as the browser does, for the live shapes too', async () => {
    // No property id, PHP-style timestamps, the {data} envelope: the client fills in
    // and normalises, and so must the proxy, or no edit would ever match.
    const live = {
      id: 70,
      created: { date: '2026-11-01 10:00:00.123456', timezone_type: 3, timezone: 'UTC' },
      contact: {
        id: CONTACT,
        first_name: 'Rosa',
        last_name: 'Smith',
        phone: 5550100,
        created: 1_761_991_200,
      },
      contact_role: [],
    }
    upstream.answer((request, res) => {
      if (request.method === 'GET') sendJson(res, 200, { data: live })
      else sendJson(res, 200, { success: true })
    })
    const proxy = await mountProxy()
    const client = browserClient(proxy)
    const seen = await client.propertyContacts.retrievePropertyContact(PROPERTY, CONTACT)
    expect(seen.property_id).toBe(PROPERTY)
    await client.propertyContacts.deletePropertyContact(PROPERTY, CONTACT, {
      ifMatch: linkVersion(seen),
    })
    expect(upstreamCalls()).toEqual([`GET ${ONE}`, `GET ${ONE}`, `DELETE ${ONE}`])
  })

  it.each([
    ['*', true],
    ['a list holding it', true],
    ['its weak form', true],
    ['another tag', false],
    ['an empty value', false],
  ])('reads If-Match as %s', async (form, admitted) => {
    const proxy = await mountProxy()
    const tag = currentVersion()
    const value = {
      '*': '*',
      'a list holding it': `"v1-0000000000000000", ${tag}`,
      'its weak form': `W/${tag}`,
      'another tag': '"v1-0000000000000000"',
      'an empty value': '',
    }[form]
    const response = await put(proxy, value)
    expect(response.status).toBe(admitted ? 200 : 412)
    expect(upstream.requests.filter((r) => r.method === 'PUT')).toHaveLength(admitted ? 1 : 0)
  })

  it('answers 404 when the link is not there, and writes nothing', async () => {
    links.clear()
    const proxy = await mountProxy()
    const response = await put(proxy, '*')
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      message: `Contact ${CONTACT} is not linked to property ${PROPERTY}; nothing was written.`,
    })
    const client = browserClient(proxy)
    await expect(
      client.propertyContacts.deletePropertyContact(PROPERTY, CONTACT, { ifMatch: '*' }),
    ).rejects.toBeInstanceOf(NotFoundError)
    expect(upstreamCalls()).toEqual([`GET ${ONE}`, `GET ${ONE}`])
  })

  it('refuses a body that is not a JSON object before reading anything', async () => {
    const proxy = await mountProxy()
    for (const body of ['{"notes": ', '[1]', 'null']) {
      const response = await fetch(linkUrl(proxy), {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'if-match': '*' },
        body,
      })
      expect(response.status, body).toBe(400)
    }
    expect(upstream.requests).toHaveLength(0)
  })

  it('keeps the request guards: cross-site and non-JSON writes are refused unread', async () => {
    const proxy = await mountProxy()
    const crossSite = await rawRequest(linkUrl(proxy), {
      method: 'DELETE',
      headers: { 'if-match': '*', 'sec-fetch-site': 'cross-site' },
    })
    expect(crossSite.status).toBe(403)
    const form = await fetch(linkUrl(proxy), {
      method: 'PUT',
      headers: { 'content-type': 'text/plain', 'if-match': '*' },
      body: 'notes=x',
    })
    expect(form.status).toBe(415)
    expect(upstream.requests).toHaveLength(0)
  })

  it('refuses conditions it cannot check instead of dropping them', async () => {
    const proxy = await mountProxy()
    const json = { 'content-type': 'application/json' }
    const refused = [
      fetch(linkUrl(proxy), { method: 'DELETE', headers: { 'if-none-match': '*' } }),
      fetch(`${proxy}/api/v1/contacts`, {
        method: 'POST',
        headers: { ...json, 'if-match': '*' },
        body: JSON.stringify({ first_name: 'A', last_name: 'B' }),
      }),
      fetch(`${proxy}/api/v1/properties/${PROPERTY}/contacts`, {
        method: 'POST',
        headers: { ...json, 'if-none-match': '"v1-0000000000000000"' },
        body: JSON.stringify({ contact_id: 9 }),
      }),
    ]
    for (const response of await Promise.all(refused)) {
      expect(response.status).toBe(400)
      expect(((await response.json()) as { message: string }).message).toContain(
        'nothing was written',
      )
    }
    expect(upstream.requests).toHaveLength(0)
  })

  it('lets conditional writes to one link take turns: of two on one version, one is written', async () => {
    readDelayMs = 50
    const proxy = await mountProxy()
    const tag = currentVersion()
    const statuses = await Promise.all([
      put(proxy, tag, { notes: 'Mine' }),
      put(proxy, tag, { notes: 'Yours' }),
    ]).then((responses) => responses.map((r) => r.status))
    expect(statuses.sort()).toEqual([200, 412])
    expect(upstream.requests.filter((r) => r.method === 'PUT')).toHaveLength(1)
  })

  it('sends no write for a browser that went away during the check', async () => {
    const gone = new AbortController()
    let readAbandoned: () => void = () => undefined
    const abandoned = new Promise<void>((resolve) => {
      readAbandoned = resolve
    })
    upstream.answer((request, res) => {
      if (request.method !== 'GET') {
        answerLikeOpenToClose(request, res)
        return
      }
      // The browser leaves while its check is being read; the proxy should drop the read.
      res.once('close', readAbandoned)
      gone.abort()
      // Answered anyway, late, for a proxy that would still be waiting on it.
      setTimeout(() => {
        if (!res.writableEnded) answerLikeOpenToClose(request, res)
      }, 1_000)
    })
    const proxy = await mountProxy()
    const aborted = fetch(linkUrl(proxy), {
      method: 'DELETE',
      headers: { 'if-match': currentVersion() },
      signal: gone.signal,
    }).catch((error: unknown) => error)
    expect(await aborted).toBeInstanceOf(Error)
    await abandoned
    // A write would follow the read at once: give it the time it would take.
    await new Promise((resolve) => setTimeout(resolve, 1_200))
    expect(upstream.requests.map((r) => r.method)).toEqual(['GET'])
    expect(links.has(`${PROPERTY}/${CONTACT}`)).toBe(true)
  })
})

describe('the wrong link from Open To Close', () => {
  it.each([
    ['another contact', rawLink(PROPERTY, 8), 'another contact (8)'],
    ['another property', rawLink(13, CONTACT), 'property 13 instead of property 12'],
  ])('is refused with 412 wrong_link (%s), and nothing is written', async (_, answer, named) => {
    upstream.answer((_request, res) => {
      sendJson(res, 200, answer)
    })
    const proxy = await mountProxy()
    const response = await put(proxy, '*')
    expect(response.status).toBe(412)
    const body = (await response.json()) as { message: string; wrong_link: boolean }
    expect(body.wrong_link).toBe(true)
    expect(body.message).toContain(named)
    expect(body.message).toContain('Nothing was changed.')
    expect(body).not.toHaveProperty('current')

    const client = browserClient(proxy)
    await expect(
      client.propertyContacts.deletePropertyContact(PROPERTY, CONTACT, { ifMatch: '*' }),
    ).rejects.toBeInstanceOf(WrongLinkError)
    const post = await fetch(`${proxy}/api/v1/properties/${PROPERTY}/contacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-none-match': '*' },
      body: JSON.stringify({ contact_id: CONTACT }),
    })
    expect(post.status).toBe(412)
    expect(upstream.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET'])
    expect(logs.join('\n')).toContain('with another link; the write was not sent')
  })
})

describe('a check that cannot be made', () => {
  function answerReads(handler: (res: ServerResponse) => void) {
    upstream.answer((request, res) => {
      if (request.method === 'GET') handler(res)
      else sendJson(res, 200, rawLink(PROPERTY, CONTACT))
    })
  }

  it.each([
    ['a 500', 503, (res: ServerResponse) => sendJson(res, 500, { message: 'Server Error' })],
    ['a 405', 503, (res: ServerResponse) => sendJson(res, 405, { message: 'Not allowed' })],
    ['a 400', 503, (res: ServerResponse) => sendJson(res, 400, { message: 'Bad' })],
    ['not JSON', 503, (res: ServerResponse) => res.writeHead(200).end('{"id": 7')],
    ['not a link', 503, (res: ServerResponse) => sendJson(res, 200, { ok: true })],
    ['an empty 204', 503, (res: ServerResponse) => res.writeHead(204).end()],
    ['a redirect', 503, (res: ServerResponse) => res.writeHead(302, { location: '/x' }).end()],
    [
      'a login page',
      401,
      (res: ServerResponse) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>'),
    ],
    ['a 401', 401, (res: ServerResponse) => sendJson(res, 401, { message: 'Unauthenticated.' })],
    ['a 403', 403, (res: ServerResponse) => sendJson(res, 403, { message: 'Forbidden' })],
    [
      'a 429',
      429,
      (res: ServerResponse) => sendJson(res, 429, { message: 'Slow down' }, { 'retry-after': '9' }),
    ],
  ])('answers %s to the read with %i, and writes nothing', async (_, status, handler) => {
    answerReads(handler)
    const proxy = await mountProxy()
    for (const method of ['PUT', 'DELETE']) {
      const response = await fetch(linkUrl(proxy), {
        method,
        headers: { 'content-type': 'application/json', 'if-match': '*' },
        body: method === 'PUT' ? '{"notes": "x"}' : undefined,
      })
      expect(response.status, method).toBe(status)
      expect(response.headers.get('content-type')).toBe('application/json')
      expect(response.headers.get('cache-control')).toBe('no-store')
      const { message } = (await response.json()) as { message: string }
      expect(message).toMatch(/nothing was written/i)
      if (status === 429) expect(response.headers.get('retry-after')).toBe('9')
    }
    expect(upstream.requests.map((r) => r.method)).toEqual(['GET', 'GET'])
  })

  it('answers 503 when the read times out, and writes nothing', async () => {
    upstream.answer((request, res) => {
      if (request.method !== 'GET') sendJson(res, 200, rawLink(PROPERTY, CONTACT))
      // Reads never answer.
    })
    const proxy = await mountProxy({ timeoutMs: 200 })
    const response = await put(proxy, '*')
    expect(response.status).toBe(503)
    expect(((await response.json()) as { message: string }).message).toContain(
      'did not answer within 200 ms',
    )
    expect(upstream.requests.map((r) => r.method)).toEqual(['GET'])
  })

  it('answers 503 when Open To Close cannot be reached, and tries no write', async () => {
    const methods: string[] = []
    const proxy = await mountProxy(
      {},
      {
        fetch: (_url, init) => {
          methods.push(init?.method ?? 'GET')
          return Promise.reject(new TypeError(`fetch failed for ${TOKEN}`))
        },
      },
    )
    const response = await put(proxy, '*')
    expect(response.status).toBe(503)
    const text = await response.text()
    expect(text).toContain('Could not reach the Open To Close API')
    expect(leaks(text)).toBe(false)
    expect(methods).toEqual(['GET'])
  })
})

describe('If-None-Match: * on a link POST', () => {
  function post(proxy: string, body: unknown, headers: Record<string, string> = {}) {
    return fetch(`${proxy}/api/v1/properties/${PROPERTY}/contacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-none-match': '*', ...headers },
      body: JSON.stringify(body),
    })
  }

  it('answers 409 naming the role when the contact is linked, and writes nothing', async () => {
    const proxy = await mountProxy()
    const response = await post(proxy, { contact_id: String(CONTACT), role: 'Seller' })
    expect(response.status).toBe(409)
    expect(await response.json()).toEqual({
      message: `Contact ${CONTACT} is already linked to property ${PROPERTY} as Buyer.`,
    })
    links.set(`${PROPERTY}/${CONTACT}`, rawLink(PROPERTY, CONTACT, { role: null }))
    const client = browserClient(proxy)
    const error = await client.propertyContacts
      .createPropertyContact(PROPERTY, { contact_id: CONTACT }, { onlyIfUnlinked: true })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ConflictError)
    expect((error as ConflictError).message).toContain('with no role')
    expect(upstream.requests.map((r) => r.method)).toEqual(['GET', 'GET'])
  })

  it('forwards the POST when the contact is not linked', async () => {
    const proxy = await mountProxy()
    const client = browserClient(proxy)
    const created = await client.propertyContacts.createPropertyContact(
      PROPERTY,
      { contact_id: 9, role: 'Inspector' },
      { onlyIfUnlinked: true },
    )
    expect(created).toMatchObject({ property_id: PROPERTY, contact_id: 9, role: 'Inspector' })
    expect(upstreamCalls()).toEqual([
      `GET /v1/properties/${PROPERTY}/contacts/9`,
      `POST /v1/properties/${PROPERTY}/contacts`,
    ])
    expect(upstream.requests[1]?.headers['if-none-match']).toBeUndefined()
  })

  it.each([
    [{ role: 'Buyer' }, 'contact_id is required'],
    [{ contact_id: 'seven' }, 'Must be a positive whole number'],
    [{ contact_id: 0 }, 'Must be a positive whole number'],
    [{ contact_id: 1234567890123456 }, 'Must be a positive whole number'],
  ])('answers 400 for %j without asking Open To Close', async (body, problem) => {
    const proxy = await mountProxy()
    const response = await post(proxy, body)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      message: 'The given data was invalid.',
      errors: { contact_id: [problem] },
    })
    expect(upstream.requests).toHaveLength(0)
  })

  it('answers 503 and does not link when the check fails', async () => {
    upstream.answer((request, res) => {
      sendJson(res, request.method === 'GET' ? 502 : 201, { message: 'Bad Gateway' })
    })
    const proxy = await mountProxy()
    expect((await post(proxy, { contact_id: 9 })).status).toBe(503)
    expect(upstream.requests.map((r) => r.method)).toEqual(['GET'])
  })
})

describe('requests without conditions', () => {
  it('are forwarded as before: one upstream call each', async () => {
    const proxy = await mountProxy()
    const json = { 'content-type': 'application/json' }
    expect((await put(proxy, undefined)).status).toBe(200)
    const created = await fetch(`${proxy}/api/v1/properties/${PROPERTY}/contacts`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ contact_id: 9 }),
    })
    expect(created.status).toBe(201)
    expect((await fetch(linkUrl(proxy), { method: 'DELETE' })).status).toBe(200)
    expect((await fetch(linkUrl(proxy))).status).toBe(404)
    expect(upstreamCalls()).toEqual([
      `PUT ${ONE}`,
      `POST /v1/properties/${PROPERTY}/contacts`,
      `DELETE ${ONE}`,
      `GET ${ONE}`,
    ])
  })

  it('a GET with If-Match is an ordinary read', async () => {
    const proxy = await mountProxy()
    const response = await fetch(linkUrl(proxy), { headers: { 'if-match': '"v1-x"' } })
    expect(response.status).toBe(200)
    expect(upstream.requests).toHaveLength(1)
  })
})

describe('the token', () => {
  it('appears in no answer and no log line of the conditional paths', async () => {
    const consoleLines: string[] = []
    for (const method of ['log', 'info', 'warn', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        consoleLines.push(args.map(String).join(' '))
      })
    }
    // An Open To Close that quotes the request (and so the token) in everything it sends.
    let mode: 'echo-link' | 'error' | 'wrong' = 'echo-link'
    upstream.answer((request, res) => {
      const quoted = `${request.url} ${TOKEN} ${encodeURIComponent(TOKEN)}`
      if (mode === 'error') {
        sendJson(res, 500, { message: `Failed: ${quoted}` }, { 'retry-after': TOKEN })
        return
      }
      const contact = mode === 'wrong' ? 8 : CONTACT
      sendJson(res, 200, rawLink(PROPERTY, contact, { notes: quoted, role: `Buyer ${TOKEN}` }))
    })
    const proxy = await mountProxy()
    const answers: string[] = []
    const record = async (response: Promise<Response>) => {
      const done = await response
      const headers = [...done.headers].map(([name, value]) => `${name}: ${value}`).join('\n')
      answers.push(`${done.status}\n${headers}\n${await done.text()}`)
      return done.status
    }
    expect(await record(put(proxy, '"v1-stale"'))).toBe(412)
    const post = (contactId: number) =>
      fetch(`${proxy}/api/v1/properties/${PROPERTY}/contacts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'if-none-match': '*' },
        body: JSON.stringify({ contact_id: contactId }),
      })
    expect(await record(post(CONTACT))).toBe(409)
    mode = 'wrong'
    expect(await record(put(proxy, '*'))).toBe(412)
    mode = 'error'
    expect(await record(put(proxy, '*'))).toBe(503)
    expect(await record(post(CONTACT))).toBe(503)

    expect(answers.join('\n')).toContain('[redacted]')
    expect(answers.some(leaks)).toBe(false)
    expect(logs.length).toBeGreaterThan(0)
    expect([...logs, ...consoleLines].some(leaks)).toBe(false)
    expect(upstream.requests.every((r) => r.method === 'GET')).toBe(true)
  })
})

describe('in production', () => {
  it('createLiveApp checks conditional writes through its one upstream', async () => {
    const rig = await startAttackRig()
    try {
      rig.upstream.answer((_request, res) => {
        sendJson(res, 200, rawLink(PROPERTY, CONTACT, { notes: 'Now' }))
      })
      const response = await rawRequest(linkUrl(rig.origin), {
        method: 'DELETE',
        headers: { 'if-match': linkVersion(parsed(rawLink(PROPERTY, CONTACT))) },
      })
      expect(response.status).toBe(412)
      expect(JSON.parse(response.body)).toMatchObject({ current: { notes: 'Now' } })
      expect(rig.upstream.requests.map((r) => r.method)).toEqual(['GET'])
    } finally {
      rig.close()
    }
  })
})
