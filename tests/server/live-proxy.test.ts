// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LiveConfig } from '../../src/server/live-config'
import { createLiveProxy } from '../../src/server/live-proxy'
import { secretForms } from '../../src/server/redact'
import {
  closeServers,
  closedPort,
  letLocalRequestsThrough,
  listen,
  rawRequest,
  sendJson,
  startFakeUpstream,
  type FakeUpstream,
} from './http-helpers'

// Base64-like, as Open To Close tokens are: "/", "+" and "=" all need encoding in a URL.
const TOKEN = 'Zm9v/YmFy+dG9rZW4=='
const ENCODED = encodeURIComponent(TOKEN)
const CLIENT_TOKEN = 'client-supplied-token'

let upstream: FakeUpstream
let logs: string[]

beforeEach(async () => {
  letLocalRequestsThrough()
  upstream = await startFakeUpstream()
  logs = []
})

afterEach(async () => {
  await closeServers()
})

function configFor(origin: string, overrides: Partial<LiveConfig> = {}): LiveConfig {
  return {
    apiKey: TOKEN,
    baseUrl: new URL(`${origin}/v1`),
    writeBaseUrl: new URL(`${origin}/v1`),
    timeoutMs: 5_000,
    ...overrides,
  }
}

/** The proxy on a real server; anything it leaves alone answers 418 "next". */
async function mountProxy(overrides: Partial<LiveConfig> = {}): Promise<string> {
  const proxy = createLiveProxy(configFor(upstream.origin, overrides), {
    log: (line) => logs.push(line),
  })
  return listen((req, res) => {
    proxy(req, res, () => res.writeHead(418, { 'content-type': 'text/plain' }).end('next'))
  })
}

function tokensSentUpstream(index = 0): string[] {
  const request = upstream.requests[index]
  if (!request) throw new Error(`no upstream request #${index}`)
  return new URL(request.url, 'http://upstream').searchParams.getAll('api_token')
}

/** Every way the response could carry the token: status line aside, all of it. */
function leaksToken(response: { headers: Headers | Record<string, unknown>; body: string }) {
  const headerText =
    response.headers instanceof Headers
      ? [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')
      : JSON.stringify(response.headers)
  return secretForms(TOKEN).some((form) => `${headerText}\n${response.body}`.includes(form))
}

describe('forwarding', () => {
  it('adds the token to a read and forwards the path and query', async () => {
    const proxy = await mountProxy()
    const response = await fetch(`${proxy}/api/v1/properties/12/contacts?role=Buyer&limit=5`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ok: true })
    const [request] = upstream.requests
    expect(request?.method).toBe('GET')
    const url = new URL(request?.url ?? '', 'http://upstream')
    expect(url.pathname).toBe('/v1/properties/12/contacts')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      role: 'Buyer',
      limit: '5',
      api_token: TOKEN,
    })
    // Properly encoded, so "+" is not read as a space.
    expect(request?.url).toContain(`api_token=${ENCODED}`)
  })

  it('forwards only accept and content-type: no cookies, credentials or client details', async () => {
    const proxy = await mountProxy()
    await fetch(`${proxy}/api/v1/contacts`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: 'session=abc',
        authorization: 'Bearer abc',
        'x-forwarded-for': '10.0.0.1',
        'x-api-token': 'abc',
        referer: 'http://127.0.0.1/properties/1',
      },
      body: JSON.stringify({ first_name: 'Ada', last_name: 'Lovelace' }),
    })
    const headers = upstream.requests[0]?.headers ?? {}
    expect(headers['content-type']).toBe('application/json')
    expect(headers.accept).toBe('application/json')
    for (const name of ['cookie', 'authorization', 'x-forwarded-for', 'x-api-token', 'referer']) {
      expect(headers).not.toHaveProperty(name)
    }
    expect(upstream.requests[0]?.body).toBe('{"first_name":"Ada","last_name":"Lovelace"}')
  })

  it('sends POSTs to the write base URL and the other methods to the base URL', async () => {
    const proxy = await mountProxy({ writeBaseUrl: new URL(`${upstream.origin}/`) })
    const json = { 'content-type': 'application/json' }
    await fetch(`${proxy}/api/v1/properties/3/contacts`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ contact_id: 9 }),
    })
    await fetch(`${proxy}/api/v1/properties/3/contacts/9`, {
      method: 'PUT',
      headers: json,
      body: JSON.stringify({ notes: 'n' }),
    })
    await fetch(`${proxy}/api/v1/properties/3/contacts/9`, { method: 'DELETE' })
    expect(upstream.requests.map((r) => `${r.method} ${r.url.split('?')[0] ?? ''}`)).toEqual([
      'POST /properties/3/contacts',
      'PUT /v1/properties/3/contacts/9',
      'DELETE /v1/properties/3/contacts/9',
    ])
    expect(upstream.requests.every((_, i) => tokensSentUpstream(i).join() === TOKEN)).toBe(true)
  })

  it('passes status, body, content type and rate-limit headers back, and nothing else', async () => {
    upstream.answer((_request, res) => {
      sendJson(
        res,
        429,
        { message: 'Too Many Attempts.' },
        {
          'retry-after': '7',
          'x-ratelimit-retry-after': '7',
          'set-cookie': 'laravel_session=upstream',
          server: 'nginx/1.2.3',
        },
      )
    })
    const proxy = await mountProxy()
    const response = await fetch(`${proxy}/api/v1/contacts?search=ann`)
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('7')
    expect(response.headers.get('x-ratelimit-retry-after')).toBe('7')
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(response.headers.get('server')).toBeNull()
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({ message: 'Too Many Attempts.' })
  })

  it('passes an HTML login page through as inert data', async () => {
    upstream.answer((_request, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><form>Sign in</form></html>')
    })
    const proxy = await mountProxy()
    const response = await fetch(`${proxy}/api/v1/properties`)
    expect(response.headers.get('content-type')).toBe('text/html')
    expect(response.headers.get('content-security-policy')).toContain('sandbox')
    expect(await response.text()).toContain('Sign in')
  })

  it('leaves everything outside /api/v1 to the next handler', async () => {
    const proxy = await mountProxy()
    for (const path of ['/', '/properties/1', '/api/v2/properties', '/api/v1x', '/api/admin']) {
      const response = await fetch(`${proxy}${path}`)
      expect(response.status, path).toBe(418)
    }
    expect(upstream.requests).toHaveLength(0)
  })
})

describe('the token a client sends', () => {
  it.each([
    ['api_token', `api_token=${CLIENT_TOKEN}`],
    ['api_token (twice, and after ours would be)', `api_token=${CLIENT_TOKEN}&limit=2&api_token=x`],
    ['API_TOKEN', `API_TOKEN=${CLIENT_TOKEN}`],
    ['api.token (PHP reads it as api_token)', `api.token=${CLIENT_TOKEN}`],
    ['api token', `api%20token=${CLIENT_TOKEN}`],
    ['api_token[]', `api_token%5B%5D=${CLIENT_TOKEN}`],
    ['apiToken', `apiToken=${CLIENT_TOKEN}`],
  ])('is stripped and replaced: %s', async (_, query) => {
    const proxy = await mountProxy()
    const response = await fetch(`${proxy}/api/v1/properties?${query}`)
    expect(response.status).toBe(200)
    expect(tokensSentUpstream()).toEqual([TOKEN])
    expect(upstream.requests[0]?.url).not.toContain(CLIENT_TOKEN)
    expect(logs.join('\n')).toContain('dropped an api_token')
    expect(logs.join('\n')).not.toContain(CLIENT_TOKEN)
  })

  it('drops query names the API would not use, keeps the rest', async () => {
    const proxy = await mountProxy()
    await fetch(`${proxy}/api/v1/contacts?search=a%26b&a[b]=1&offset=20`)
    const url = new URL(upstream.requests[0]?.url ?? '', 'http://upstream')
    expect([...url.searchParams.keys()]).toEqual(['search', 'offset', 'api_token'])
    expect(url.searchParams.get('search')).toBe('a&b')
  })
})

describe('the allow-list', () => {
  it.each([
    '/api/v1',
    '/api/v1/',
    '/api/v1/users',
    '/api/v1/properties/',
    '/api/v1/properties/abc',
    '/api/v1/properties/-1',
    '/api/v1/properties/1.5',
    '/api/v1/properties/%31',
    '/api/v1/properties/1%2Fcontacts',
    '/api/v1/properties/1/contacts/',
    '/api/v1/properties/1/contacts/2/notes',
    '/api/v1/properties/1/notes',
    '/api/v1/properties/12345678901234567890',
    '/api/v1/contacts/1/properties',
    '/api/v1/agents',
  ])('answers %s with a JSON 404 and does not call the upstream', async (path) => {
    const proxy = await mountProxy()
    const response = await fetch(`${proxy}${path}`)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toEqual({ message: 'Not found' })
    expect(upstream.requests).toHaveLength(0)
  })

  it.each([
    ['POST', '/api/v1/properties', 'GET'],
    ['DELETE', '/api/v1/properties/1', 'GET'],
    ['DELETE', '/api/v1/contacts/1', 'GET, PUT'],
    ['DELETE', '/api/v1/contacts', 'GET, POST'],
    ['PUT', '/api/v1/properties/1/contacts', 'GET, POST'],
    ['POST', '/api/v1/properties/1/contacts/2', 'GET, PUT, DELETE'],
    ['PATCH', '/api/v1/properties/1/contacts/2', 'GET, PUT, DELETE'],
    ['HEAD', '/api/v1/properties', 'GET'],
    ['OPTIONS', '/api/v1/properties', 'GET'],
  ])('answers %s %s with a 405 and does not call the upstream', async (method, path, allow) => {
    const proxy = await mountProxy()
    const response = await rawRequest(`${proxy}${path}`, { method })
    expect(response.status).toBe(405)
    expect(response.headers.allow).toBe(allow)
    expect(upstream.requests).toHaveLength(0)
  })

  it('refuses requests from other sites (fetch metadata, or Origin as a fallback)', async () => {
    const proxy = await mountProxy()
    const host = new URL(proxy).host
    const refused: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'http://evil.example' },
      { origin: 'null' },
    ]
    for (const headers of refused) {
      const response = await rawRequest(`${proxy}/api/v1/properties`, { headers })
      expect(response.status, JSON.stringify(headers)).toBe(403)
    }
    const allowed: Record<string, string>[] = [
      { 'sec-fetch-site': 'same-origin' },
      { origin: `http://${host}` },
      {},
    ]
    for (const headers of allowed) {
      const response = await rawRequest(`${proxy}/api/v1/properties`, { headers })
      expect(response.status, JSON.stringify(headers)).toBe(200)
    }
    expect(upstream.requests).toHaveLength(allowed.length)
  })

  it('wants JSON bodies of a sane size on writes', async () => {
    const proxy = await mountProxy()
    const form = await fetch(`${proxy}/api/v1/contacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'first_name=A&last_name=B',
    })
    expect(form.status).toBe(415)
    const huge = await fetch(`${proxy}/api/v1/contacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ notes: 'x'.repeat(2 * 1024 * 1024) }),
    })
    expect(huge.status).toBe(413)
    expect(upstream.requests).toHaveLength(0)
  })
})

describe('the token never leaves the server', () => {
  it('is redacted wherever the upstream echoes it', async () => {
    // An upstream that quotes the request URL everywhere it could.
    upstream.answer((request, res) => {
      const url = `https://api.opentoclose.com${request.url}`
      res.writeHead(500, {
        'content-type': `application/json; note=${encodeURIComponent(TOKEN)}`,
        'retry-after': TOKEN,
        'x-debug-url': url,
      })
      res.end(
        JSON.stringify({
          message: `Server error for ${url} (token ${TOKEN})`,
          escaped: TOKEN.replaceAll('/', '\\/'),
          lower: encodeURIComponent(TOKEN).toLowerCase(),
        }),
      )
    })
    const proxy = await mountProxy()
    const response = await fetch(`${proxy}/api/v1/properties/1`)
    const body = await response.text()
    expect(response.status).toBe(500)
    expect(body).toContain('[redacted]')
    expect(leaksToken({ headers: response.headers, body })).toBe(false)
    expect(response.headers.get('x-debug-url')).toBeNull()
  })

  it('does not follow or pass on a redirect, whose Location holds the token', async () => {
    upstream.answer((request, res) => {
      res.writeHead(302, { location: `https://app.opentoclose.com/login?next=${request.url}` })
      res.end()
    })
    const proxy = await mountProxy()
    const response = await rawRequest(`${proxy}/api/v1/properties`)
    expect(response.status).toBe(502)
    expect(response.headers.location).toBeUndefined()
    expect(JSON.parse(response.body)).toEqual({
      message: expect.stringContaining('redirect') as unknown,
    })
    expect(leaksToken(response)).toBe(false)
    expect(upstream.requests).toHaveLength(1)
  })

  it('keeps it out of the logs and the console', async () => {
    const consoleLines: unknown[][] = []
    // console.error is the test setup's: any call fails the test.
    for (const method of ['log', 'info', 'warn', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        consoleLines.push(args)
      })
    }
    upstream.answer((request, res) => {
      sendJson(res, 401, { message: `Invalid token in ${request.url}` })
    })
    const proxy = await mountProxy()
    expect((await fetch(`${proxy}/api/v1/properties?api_token=${CLIENT_TOKEN}`)).status).toBe(401)
    // And a proxy with the default logger, to a port nothing listens on.
    const defaultLogger = createLiveProxy(configFor(`http://127.0.0.1:${await closedPort()}`))
    const second = await listen((req, res) => {
      defaultLogger(req, res, () => res.end())
    })
    expect((await fetch(`${second}/api/v1/properties`)).status).toBe(502)
    // And a runtime whose network error quotes the URL it failed on.
    const quoting = createLiveProxy(configFor(upstream.origin), {
      fetch: (url) =>
        Promise.reject(new TypeError(`request to ${url instanceof URL ? url.href : 'it'} failed`)),
    })
    const third = await listen((req, res) => {
      quoting(req, res, () => res.end())
    })
    expect((await fetch(`${third}/api/v1/properties/2`)).status).toBe(502)

    const everything = [...logs, ...consoleLines.map((args) => args.map(String).join(' '))]
    expect(everything.join('\n')).toContain('refused the token (HTTP 401)')
    expect(everything.join('\n')).toContain('could not reach the Open To Close API')
    expect(everything.join('\n')).toContain('/v1/properties/2?api_token=[redacted]')
    expect(secretForms(TOKEN).some((form) => everything.join('\n').includes(form))).toBe(false)
  })
})

describe('upstream trouble', () => {
  it('answers 502 JSON when the upstream is down', async () => {
    const proxy = await mountProxy({
      baseUrl: new URL(`http://127.0.0.1:${await closedPort()}/v1`),
    })
    const response = await fetch(`${proxy}/api/v1/properties`)
    expect(response.status).toBe(502)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toEqual({
      message: 'Could not reach the Open To Close API. Try again in a moment.',
    })
    expect(logs.join('\n')).toMatch(/ECONNREFUSED/)
  })

  it('answers 504 JSON when the upstream does not answer in time', async () => {
    upstream.answer(() => {
      /* never answers */
    })
    const proxy = await mountProxy({ timeoutMs: 300 })
    const started = Date.now()
    const response = await fetch(`${proxy}/api/v1/properties`)
    expect(response.status).toBe(504)
    expect(await response.json()).toEqual({
      message: 'The Open To Close API did not answer within 300 ms. Try again in a moment.',
    })
    expect(Date.now() - started).toBeLessThan(3_000)
  })

  it('answers 504 when the upstream starts a body and stalls', async () => {
    upstream.answer((_request, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('[{"id": 1')
    })
    const proxy = await mountProxy({ timeoutMs: 300 })
    expect((await fetch(`${proxy}/api/v1/properties`)).status).toBe(504)
  })

  it('passes a 204 through without a body', async () => {
    upstream.answer((_request, res) => res.writeHead(204).end())
    const proxy = await mountProxy()
    const response = await fetch(`${proxy}/api/v1/properties/1/contacts/2`, { method: 'DELETE' })
    expect(response.status).toBe(204)
    expect(await response.text()).toBe('')
  })
})
