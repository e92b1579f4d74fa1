// @vitest-environment node
// The mock backend as the Vite dev and preview servers mount it: Vite's own host check
// comes first, and the mock checks again with the production server's rules, which
// also hold where Vite's check is off (`allowedHosts: true`, https) or lets a name by.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, preview, type PreviewServer, type ViteDevServer } from 'vite'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '../../src/mocks/db'
import { mockBackend } from '../../src/mocks/vite-plugin'
import { letLocalRequestsThrough, rawRequest } from '../server/http-helpers'

let dir = ''
let running: (ViteDevServer | PreviewServer)[] = []

beforeEach(() => {
  letLocalRequestsThrough()
  // In memory only: the plugin would otherwise use the repo's .mock-data/.
  vi.stubEnv('MOCK_PERSIST', '0')
  vi.stubEnv('ROSTER_API', '')
  vi.stubEnv('ALLOWED_HOSTS', 'roster.test')
  dir = mkdtempSync(join(tmpdir(), 'roster-vite-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Roster</title>')
})

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()))
  running = []
  vi.unstubAllEnvs()
  rmSync(dir, { recursive: true, force: true })
})

/** `true` turns Vite's own host check off; none leaves Vite's default. */
type AllowedHosts = true | undefined

async function startDev(allowedHosts?: AllowedHosts): Promise<string> {
  const server = await createServer({
    configFile: false,
    root: dir,
    logLevel: 'silent',
    plugins: [mockBackend()],
    server: { host: '127.0.0.1', port: 0, ws: false, ...(allowedHosts && { allowedHosts }) },
    optimizeDeps: { noDiscovery: true, include: [] },
  })
  running.push(server)
  await server.listen()
  const url = server.resolvedUrls?.local[0]
  if (url === undefined) throw new Error('Vite printed no URL')
  return url.replace(/\/$/, '')
}

async function startPreview(allowedHosts?: AllowedHosts): Promise<string> {
  const server = await preview({
    configFile: false,
    root: dir,
    logLevel: 'silent',
    plugins: [mockBackend()],
    build: { outDir: dir },
    preview: { host: '127.0.0.1', port: 0, ...(allowedHosts && { allowedHosts }) },
  })
  running.push(server)
  const url = server.resolvedUrls?.local[0]
  if (url === undefined) throw new Error('Vite printed no URL')
  return url.replace(/\/$/, '')
}

describe.each([
  ['dev', startDev],
  ['preview', startPreview],
])('the %s server', (_, start) => {
  it('serves the mock on its own names and ALLOWED_HOSTS; Vite itself refuses evil.example (403)', async () => {
    const origin = await start()
    for (const host of [undefined, 'localhost', 'roster.test']) {
      const response = await rawRequest(`${origin}/api/v1/properties/1`, {
        headers: host === undefined ? {} : { host },
      })
      expect(response.status, host).toBe(200)
    }
    const evil = await rawRequest(`${origin}/api/v1/properties/1`, {
      headers: { host: 'evil.example' },
    })
    expect(evil.status).toBe(403)
    expect(evil.body).toContain('Blocked request')
  })

  it('refuses with 421 what Vite lets through: any name with allowedHosts: true, an IP', async () => {
    const origin = await start(true)
    const before = db.snapshot()
    const evil = await rawRequest(`${origin}/__mock/reset`, {
      method: 'POST',
      headers: { host: 'evil.example' },
    })
    expect(evil.status).toBe(421)
    const write = await rawRequest(`${origin}/api/v1/contacts`, {
      method: 'POST',
      headers: { host: 'evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ first_name: 'Evil', last_name: 'Twin' }),
    })
    expect(write.status).toBe(421)
    expect(db.snapshot()).toEqual(before)
    const ip = await rawRequest(`${origin}/api/v1/properties/1`, { headers: { host: '10.1.2.3' } })
    expect(ip.status).toBe(421)
  })

  it('refuses a cross-site write, which Vite passes on', async () => {
    const origin = await start()
    const response = await rawRequest(`${origin}/api/v1/properties/1/contacts`, {
      method: 'POST',
      headers: { origin: 'http://localhost:9999', 'content-type': 'text/plain' },
      body: JSON.stringify({ contact_id: 9, role: 'Buyer', primary: true }),
    })
    expect(response.status).toBe(403)
    expect(db.links.find(1, 9)).toBeUndefined()
  })
})
