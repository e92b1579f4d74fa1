// @vitest-environment node
// The sign-in layer through the real production handler (createLiveApp), in front of a
// fake Open To Close: nothing is served or proxied before someone signs in.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { personOf } from '../../../src/server/auth/identity'
import {
  createSignIn,
  localPath,
  signInSettingsFromEnv,
  type SignInSettings,
} from '../../../src/server/auth/middleware'
import { parseTrustProxy } from '../../../src/server/auth/trusted-proxy'
import { createUserStore } from '../../../src/server/auth/users'
import { openDatabase } from '../../../src/server/db/open'
import type { Database } from '../../../src/server/db/types'
import { appMigrations } from '../../../src/server/migrations'
import {
  allowedHostsFrom,
  createLiveApp,
  createProductionHandler,
} from '../../../src/server/production-app'
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../src/server/security-headers'
import { closeEngines, engines } from '../db/engines'
import {
  closeServers,
  letLocalRequestsThrough,
  listen,
  rawRequest,
  sendJson,
  startFakeUpstream,
  type FakeUpstream,
  type RawResponse,
} from '../http-helpers'

const FAST = { N: 2 ** 10, r: 8, p: 1 }
const DANA = { email: 'dana@example.com', name: 'Dana Lee', password: 'a long passphrase' }
const STYLESHEET = '/assets/index-abc.css'
const PAGE = `<!doctype html><html><head><link rel="stylesheet" href="${STYLESHEET}"><script type="module" src="/assets/index-abc.js"></script></head><body><div id="root"></div></body></html>`

let db: Database
let root: string
let upstream: FakeUpstream
const logs: string[] = []

function proxies(list: string) {
  const parsed = parseTrustProxy(list)
  if (!parsed.ok) throw new Error(parsed.problem)
  return parsed.proxies
}

async function startApp(
  settings: Partial<Omit<SignInSettings, 'stylesheets'>> = {},
  database = db,
): Promise<string> {
  const base = new URL(`${upstream.origin}/v1`)
  return listen(
    createLiveApp({
      root,
      config: { apiKey: 'the-token', baseUrl: base, writeBaseUrl: base, timeoutMs: 2_000 },
      allowedHosts: allowedHostsFrom('127.0.0.1', undefined),
      prerenderTimeoutMs: 0,
      warmCompression: false,
      log: (line) => logs.push(line),
      db: database,
      signIn: { proxies: proxies(''), log: (line) => logs.push(line), ...settings },
    }),
  )
}

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString()
}

async function signIn(
  origin: string,
  fields: Record<string, string> = { email: DANA.email, password: DANA.password },
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return rawRequest(`${origin}/sign-in`, {
    method: 'POST',
    headers: {
      origin,
      'content-type': 'application/x-www-form-urlencoded',
      ...headers,
    },
    body: form(fields),
  })
}

/** The cookie to send back, from a response's Set-Cookie. */
function cookieFrom(response: RawResponse): string {
  const set = response.headers['set-cookie']?.[0]
  if (set === undefined) throw new Error(`no cookie: ${response.status} ${response.body}`)
  return set.split(';')[0] ?? ''
}

async function signedIn(origin: string): Promise<string> {
  const response = await signIn(origin)
  expect(response.status).toBe(303)
  return cookieFrom(response)
}

beforeAll(async () => {
  const pglite = engines.find((e) => e.name === 'pglite')
  if (!pglite) throw new Error('no PGlite')
  db = await pglite.open(appMigrations)
  await createUserStore(db, FAST).add(DANA)
}, 120_000)

afterAll(closeEngines)

beforeEach(async () => {
  letLocalRequestsThrough()
  logs.length = 0
  upstream = await startFakeUpstream()
  root = mkdtempSync(join(tmpdir(), 'roster-sign-in-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), PAGE)
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {}')
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body { margin: 0 }')
  writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  await db.query('DELETE FROM roster_sessions')
  await db.query('DELETE FROM roster_sign_in_failures')
})

afterEach(async () => {
  await closeServers()
  rmSync(root, { recursive: true, force: true })
})

describe('without a session', () => {
  it('sends every page to the sign-in page and answers every API path 401', async () => {
    const origin = await startApp()
    for (const path of [
      '/',
      '/properties/1?tab=history',
      '/no-such-page',
      '/index.html',
      '/assets/index-abc.js',
    ]) {
      const response = await rawRequest(`${origin}${path}`)
      expect(response.status, path).toBe(303)
      expect(response.headers.location).toBe(`/sign-in?next=${encodeURIComponent(path)}`)
      expect(response.body).toBe('')
    }
    const api: [string, string][] = [
      ['GET', '/api/v1/properties'],
      ['GET', '/api/v1/properties/1/contacts'],
      ['POST', '/api/v1/properties/1/contacts'],
      ['PUT', '/api/v1/properties/1/contacts/2'],
      ['DELETE', '/api/v1/properties/1/contacts/2'],
      ['GET', '/api/other'],
      ['GET', '/auth/session'],
      ['POST', '/'],
    ]
    for (const [method, path] of api) {
      const response = await rawRequest(`${origin}${path}`, {
        method,
        headers: { origin, 'content-type': 'application/json' },
        body: method === 'POST' || method === 'PUT' ? '{}' : undefined,
      })
      expect(response.status, `${method} ${path}`).toBe(401)
      expect(response.headers['content-type']).toBe('application/json')
      expect(JSON.parse(response.body)).toEqual({ message: 'Sign in to use Roster.' })
    }
    expect(upstream.requests).toEqual([])
  })

  it('serves the sign-in page, its stylesheet and icon, under the strict policy', async () => {
    const origin = await startApp()
    const page = await rawRequest(`${origin}/sign-in?next=%2Fproperties%2F1`)
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers['x-frame-options']).toBe(SECURITY_HEADERS['x-frame-options'])
    expect(page.headers['cache-control']).toBe('no-store')
    expect(page.body).toContain(`<link rel="stylesheet" href="${STYLESHEET}">`)
    expect(page.body).toContain('<label class="field-label" for="sign-in-email">Email</label>')
    expect(page.body).toContain(
      '<label class="field-label" for="sign-in-password">Password</label>',
    )
    expect(page.body).toContain('<form class="form" method="post" action="/sign-in">')
    expect(page.body).toContain('name="next" value="/properties/1"')
    expect(page.body).not.toMatch(/<script|<style|style=/)
    expect((await rawRequest(`${origin}${STYLESHEET}`)).status).toBe(200)
    expect((await rawRequest(`${origin}/favicon.svg`)).status).toBe(200)
  })
})

describe('signing in', () => {
  it('answers a wrong password and an unknown account alike, and signs nobody in', async () => {
    const origin = await startApp()
    const wrong = await signIn(origin, { email: DANA.email, password: 'not the password' })
    const unknown = await signIn(origin, { email: 'nobody@example.com', password: DANA.password })
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401)
      expect(response.headers['set-cookie']).toBeUndefined()
      expect(response.body).toContain(
        '<div class="callout callout-error" role="alert" id="sign-in-error"><p>That email and password do not match an account here.</p></div>',
      )
      expect(response.body).toContain('aria-describedby="sign-in-error"')
    }
    expect(wrong.body.replace(DANA.email, 'X')).toBe(
      unknown.body.replace('nobody@example.com', 'X'),
    )
    expect(logs.join('\n')).not.toContain(DANA.password)
    expect(logs.join('\n')).not.toContain('not the password')
  })

  it('sets an HttpOnly, SameSite=Lax session cookie and goes to the page asked for', async () => {
    const origin = await startApp()
    const response = await signIn(origin, {
      email: ' Dana@Example.com',
      password: DANA.password,
      next: '/properties/1?tab=roster',
    })
    expect(response.status).toBe(303)
    expect(response.headers.location).toBe('/properties/1?tab=roster')
    const set = response.headers['set-cookie']?.[0] ?? ''
    // Plain http to this server: no Secure, so no __Host- prefix either (docs/decisions/007).
    expect(set).toMatch(
      /^roster-session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=604800$/,
    )
    const cookie = cookieFrom(response)

    const session = await rawRequest(`${origin}/auth/session`, { headers: { cookie } })
    expect(JSON.parse(session.body)).toEqual({ id: DANA.email, name: 'Dana Lee', via: 'session' })
    const proxied = await rawRequest(`${origin}/api/v1/properties/1`, { headers: { cookie } })
    expect(proxied.status).toBe(200)
    expect(upstream.requests).toHaveLength(1)
    // The session cookie is ours: it never goes on to Open To Close.
    expect(upstream.requests[0]?.headers.cookie).toBeUndefined()
    const page = await rawRequest(`${origin}/`, { headers: { cookie } })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<div id="root">')
    // Who, for the page's header: readable by script, and holding nothing that signs in.
    const who = page.headers['set-cookie']?.[0] ?? ''
    expect(who).toBe(
      `roster-who=${encodeURIComponent('{"name":"Dana Lee","via":"session"}')}; Path=/; SameSite=Lax; Max-Age=604800`,
    )
    expect(who).not.toContain(cookie.split('=')[1] ?? 'no id')
    const known = `${cookie}; ${who.split(';')[0] ?? ''}`
    const remembered = await rawRequest(`${origin}/`, { headers: { cookie: known } })
    expect(remembered.headers['set-cookie']).toBeUndefined()
    // The API's answers set nothing.
    expect(proxied.headers['set-cookie']).toBeUndefined()
    // Signed in already: the sign-in page sends you on.
    const again = await rawRequest(`${origin}/sign-in?next=%2Fproperties%2F2`, {
      headers: { cookie },
    })
    expect(again.headers.location).toBe('/properties/2')
  })

  it('goes only to a local path afterwards', async () => {
    for (const next of [
      '//evil.example/x',
      'https://evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
      '/sign-in',
      '',
      '/\u0000x',
    ]) {
      expect(localPath(next), next).toBe('/')
    }
    expect(localPath('/properties/3?q=a#b')).toBe('/properties/3?q=a#b')
    const origin = await startApp()
    const response = await signIn(origin, {
      email: DANA.email,
      password: DANA.password,
      next: '//evil.example/',
    })
    expect(response.headers.location).toBe('/')
  })

  it('gives a new session id at sign-in, so a planted one is never signed in', async () => {
    const origin = await startApp()
    const planted = 'roster-session=planted-by-someone-else-0000000000000000000000'
    const response = await signIn(origin, undefined, { cookie: planted })
    const cookie = cookieFrom(response)
    expect(cookie).not.toBe(planted)
    expect(
      (await rawRequest(`${origin}/auth/session`, { headers: { cookie: planted } })).status,
    ).toBe(401)
    // Nor is an attacker's own session taken over: it ends, and the new one is Dana's.
    const theirs = await signedIn(origin)
    const mine = cookieFrom(await signIn(origin, undefined, { cookie: theirs }))
    expect(mine).not.toBe(theirs)
    expect(
      (await rawRequest(`${origin}/auth/session`, { headers: { cookie: theirs } })).status,
    ).toBe(401)
    expect((await rawRequest(`${origin}/auth/session`, { headers: { cookie: mine } })).status).toBe(
      200,
    )
  })

  it('refuses sign-in and sign-out posted from another site', async () => {
    const origin = await startApp()
    const cookie = await signedIn(origin)
    const crossSite = { origin: 'https://evil.example' }
    expect((await signIn(origin, undefined, crossSite)).status).toBe(403)
    const out = await rawRequest(`${origin}/sign-out`, {
      method: 'POST',
      headers: { cookie, ...crossSite },
    })
    expect(out.status).toBe(403)
    expect((await rawRequest(`${origin}/auth/session`, { headers: { cookie } })).status).toBe(200)
    const fetchMetadata = await rawRequest(`${origin}/sign-out`, {
      method: 'POST',
      headers: { cookie, 'sec-fetch-site': 'same-site' },
    })
    expect(fetchMetadata.status).toBe(403)
  })

  it('limits failures per account: past the limit even the right password waits', async () => {
    const origin = await startApp({
      rateLimit: { windowMs: 60_000, perAccount: 2, perAddress: 10 },
    })
    for (let i = 0; i < 2; i += 1) {
      expect((await signIn(origin, { email: DANA.email, password: 'wrong password' })).status).toBe(
        401,
      )
    }
    const blocked = await signIn(origin)
    expect(blocked.status).toBe(429)
    expect(blocked.body).toContain('Too many failed sign-ins. Wait 15 minutes, then try again.')
    expect(blocked.headers['set-cookie']).toBeUndefined()
  })

  it('limits failures per address across accounts', async () => {
    const origin = await startApp({
      rateLimit: { windowMs: 60_000, perAccount: 10, perAddress: 2 },
    })
    await signIn(origin, { email: 'a@example.com', password: 'wrong password' })
    await signIn(origin, { email: 'b@example.com', password: 'wrong password' })
    expect((await signIn(origin)).status).toBe(429)
  })
})

describe('ending a session', () => {
  it('signs out: the cookie is cleared and the session is gone on the server', async () => {
    const origin = await startApp()
    const cookie = await signedIn(origin)
    const out = await rawRequest(`${origin}/sign-out`, {
      method: 'POST',
      headers: { cookie, origin },
    })
    expect(out.status).toBe(303)
    expect(out.headers.location).toBe('/sign-in?signed-out=1')
    expect(out.headers['set-cookie']?.[0]).toMatch(/^roster-session=; .*Max-Age=0/)
    expect(out.headers['set-cookie']?.[1]).toMatch(/^roster-who=; .*Max-Age=0/)
    // The old cookie, sent anyway, opens nothing.
    expect((await rawRequest(`${origin}/api/v1/properties`, { headers: { cookie } })).status).toBe(
      401,
    )
    const page = await rawRequest(`${origin}/sign-in?signed-out=1`)
    expect(page.body).toContain('<p role="status">You are signed out.</p>')
  })

  it('ends the session of an account that is removed, on the next request', async () => {
    const origin = await startApp()
    const users = createUserStore(db, FAST)
    await users.add({ email: 'sam@example.com', password: 'sams long password' })
    const cookie = cookieFrom(
      await signIn(origin, { email: 'sam@example.com', password: 'sams long password' }),
    )
    expect((await rawRequest(`${origin}/api/v1/properties`, { headers: { cookie } })).status).toBe(
      200,
    )
    await users.remove('sam@example.com')
    expect((await rawRequest(`${origin}/api/v1/properties`, { headers: { cookie } })).status).toBe(
      401,
    )
    expect((await rawRequest(`${origin}/`, { headers: { cookie } })).status).toBe(303)
  })

  it('keeps sessions across a restart (they are in the database)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'roster-restart-'))
    try {
      const first = await openDatabase({ dataDir, migrations: appMigrations })
      await createUserStore(first, FAST).add(DANA)
      const cookie = await signedIn(await startApp({}, first))
      await closeServers()
      await first.close()

      const second = await openDatabase({ dataDir, migrations: appMigrations })
      const origin = await startApp({}, second)
      const session = await rawRequest(`${origin}/auth/session`, { headers: { cookie } })
      expect(JSON.parse(session.body)).toMatchObject({ id: DANA.email })
      await closeServers()
      await second.close()
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 180_000)
})

describe('behind a proxy', () => {
  it('uses a Secure __Host- cookie when a trusted proxy says the browser is on https', async () => {
    const origin = await startApp({ proxies: proxies('127.0.0.1') })
    const https = { 'x-forwarded-proto': 'https' }
    const response = await signIn(origin, undefined, https)
    expect(response.headers['set-cookie']?.[0]).toMatch(
      /^__Host-roster-session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=604800; Secure$/,
    )
    const cookie = cookieFrom(response)
    expect(
      (await rawRequest(`${origin}/auth/session`, { headers: { cookie, ...https } })).status,
    ).toBe(200)
    // The same header from anyone else changes nothing.
    const untrusted = await startApp({ proxies: proxies('10.0.0.0/8') })
    const plain = await signIn(untrusted, undefined, https)
    expect(plain.headers['set-cookie']?.[0]).toMatch(/^roster-session=/)
  })

  it('takes the person from the identity header only from a trusted proxy', async () => {
    const header = { 'x-forwarded-email': 'Kim@Example.com' }
    const trusted = await startApp({
      proxies: proxies('127.0.0.1'),
      identityHeader: 'x-forwarded-email',
    })
    const session = await rawRequest(`${trusted}/auth/session`, { headers: header })
    expect(JSON.parse(session.body)).toEqual({
      id: 'kim@example.com',
      name: 'Kim@Example.com',
      via: 'proxy',
    })
    expect((await rawRequest(`${trusted}/api/v1/properties`, { headers: header })).status).toBe(200)

    const untrusted = await startApp({
      proxies: proxies('10.0.0.1'),
      identityHeader: 'x-forwarded-email',
    })
    expect((await rawRequest(`${untrusted}/api/v1/properties`, { headers: header })).status).toBe(
      401,
    )
    expect((await rawRequest(`${untrusted}/`, { headers: header })).status).toBe(303)
  })

  it('reads TRUST_PROXY and TRUSTED_IDENTITY_HEADER, and warns when the header cannot be trusted', () => {
    const alone = signInSettingsFromEnv({ TRUSTED_IDENTITY_HEADER: 'X-Forwarded-Email' })
    expect(alone).toMatchObject({ ok: true, settings: { identityHeader: undefined } })
    expect(alone.ok && alone.warnings[0]).toMatch(
      /TRUSTED_IDENTITY_HEADER \(x-forwarded-email\) is ignored/,
    )
    const both = signInSettingsFromEnv({
      TRUSTED_IDENTITY_HEADER: 'X-Forwarded-Email',
      TRUST_PROXY: '10.0.0.5, 192.168.0.0/16, ::1',
    })
    expect(both).toMatchObject({
      ok: true,
      settings: { identityHeader: 'x-forwarded-email' },
      warnings: [],
    })
    if (!both.ok) return
    expect(both.settings.proxies.has('192.168.4.4')).toBe(true)
    expect(both.settings.proxies.has('::ffff:10.0.0.5')).toBe(true)
    expect(both.settings.proxies.has('10.0.0.6')).toBe(false)
    expect(signInSettingsFromEnv({ TRUST_PROXY: 'proxy.local' })).toMatchObject({ ok: false })
  })
})

describe('who is signed in, for the rest of the server', () => {
  it('is set on the request before the API sees it', async () => {
    const origin = await listen(
      createProductionHandler({
        api: (req, res) => {
          sendJson(res, 200, personOf(req) ?? null)
        },
        allowedHosts: allowedHostsFrom('127.0.0.1', undefined),
        signIn: createSignIn(db, { proxies: proxies(''), log: () => undefined }),
      }),
    )
    const cookie = await signedIn(origin)
    const response = await rawRequest(`${origin}/api/v1/properties`, { headers: { cookie } })
    expect(JSON.parse(response.body)).toEqual({ id: DANA.email, name: 'Dana Lee' })
  })
})
