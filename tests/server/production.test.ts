// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLiveProxy } from '../../src/server/live-proxy'
import { allowedHostsFrom, createProductionHandler } from '../../src/server/production-app'
import { CONTENT_SECURITY_POLICY } from '../../src/server/security-headers'
import {
  closeServers,
  letLocalRequestsThrough,
  listen,
  rawRequest,
  startFakeUpstream,
  type FakeUpstream,
} from './http-helpers'

const TOKEN = 'cHJvZHVjdGlvbi10b2tlbg=='
const INDEX =
  '<!doctype html><title>Roster</title><script type="module" src="/assets/index-abc.js"></script>'

let root = ''
let upstream: FakeUpstream
let origin = ''

beforeEach(async () => {
  letLocalRequestsThrough()
  root = mkdtempSync(join(tmpdir(), 'roster-dist-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), INDEX)
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log("app")')
  upstream = await startFakeUpstream()
  origin = await listen(
    createProductionHandler({
      root,
      api: createLiveProxy(
        {
          apiKey: TOKEN,
          baseUrl: new URL(`${upstream.origin}/v1`),
          writeBaseUrl: new URL(`${upstream.origin}/v1`),
          timeoutMs: 5_000,
        },
        { log: () => undefined },
      ),
      allowedHosts: allowedHostsFrom('127.0.0.1', 'roster.example.com'),
    }),
  )
})

afterEach(async () => {
  await closeServers()
  rmSync(root, { recursive: true, force: true })
})

describe('the production server', () => {
  it.each(['/', '/properties/12', '/properties/12/contacts'])(
    'serves index.html for %s with the security headers',
    async (path) => {
      const response = await fetch(`${origin}${path}`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(response.headers.get('cache-control')).toBe('no-cache')
      expect(await response.text()).toBe(INDEX)
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('no-referrer')
      expect(response.headers.get('x-frame-options')).toBe('DENY')
    },
  )

  it('sends a policy that allows no inline script and no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    )
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe')
  })

  it('serves hashed assets as immutable and answers missing files with 404', async () => {
    const asset = await fetch(`${origin}/assets/index-abc.js`)
    expect(asset.status).toBe(200)
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(asset.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect((await fetch(`${origin}/assets/missing.js`)).status).toBe(404)
    // Dot segments resolve inside dist/: a missing file there is a client route.
    expect((await rawRequest(`${origin}/../../etc/passwd`)).body).toBe(INDEX)
    expect((await fetch(`${origin}/`, { method: 'POST' })).status).toBe(405)
  })

  it('proxies /api/v1 to the live API with the token, and keeps the token to itself', async () => {
    const response = await fetch(`${origin}/api/v1/properties?limit=1`)
    expect(response.status).toBe(200)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.text()).toBe('{"ok":true}')
    expect(upstream.requests.map((r) => r.url)).toEqual([
      `/v1/properties?limit=1&api_token=${encodeURIComponent(TOKEN)}`,
    ])
    const unknown = await fetch(`${origin}/api/v1/users`)
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toEqual({ message: 'Not found' })
    expect(upstream.requests).toHaveLength(1)
  })

  it('answers only to its own host names (no DNS rebinding onto the proxy)', async () => {
    const port = new URL(origin).port
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'roster.example.com']) {
      expect((await rawRequest(`${origin}/`, { headers: { host } })).status, host).toBe(200)
    }
    for (const host of [`evil.example:${port}`, 'roster.example.com.evil.example']) {
      const response = await rawRequest(`${origin}/api/v1/properties`, { headers: { host } })
      expect(response.status, host).toBe(421)
    }
    const noHost = await rawRequest(`${origin}/api/v1/properties`, { setHost: false })
    // Node itself refuses an HTTP/1.1 request without a Host.
    expect(noHost.status).toBe(400)
    expect(upstream.requests).toHaveLength(0)
  })
})

describe('allowedHostsFrom', () => {
  it('always allows loopback, adds the bound host and ALLOWED_HOSTS, never a wildcard', () => {
    expect([...allowedHostsFrom('127.0.0.1', undefined)]).toEqual([
      'localhost',
      '127.0.0.1',
      '[::1]',
    ])
    expect([...allowedHostsFrom('0.0.0.0', ' Roster.Example.com, ,b.example ')]).toEqual([
      'localhost',
      '127.0.0.1',
      '[::1]',
      'roster.example.com',
      'b.example',
    ])
    expect(allowedHostsFrom('::1', undefined).has('[::1]')).toBe(true)
    expect(allowedHostsFrom('::', undefined).has('[::]')).toBe(false)
    expect(allowedHostsFrom('10.0.0.5', undefined).has('10.0.0.5')).toBe(true)
  })
})
