// @vitest-environment node
// The standalone mock server (what the browser flows and the bench use) is the
// production request handler with the mock backend as its API: the same host
// allow-list, headers and cross-site refusal, with and without a build to serve.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../src/server/security-headers'
import { letLocalRequestsThrough, rawRequest } from '../server/http-helpers'

const repo = fileURLToPath(new URL('../..', import.meta.url))

let children: ChildProcess[] = []
let dirs: string[] = []

beforeEach(() => {
  letLocalRequestsThrough()
})

afterEach(() => {
  for (const child of children) child.kill('SIGTERM')
  children = []
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  dirs = []
})

/** Starts the server on a free port, in memory only; resolves with the origin it prints. */
function startStandalone(args: string[], env: Record<string, string> = {}): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/mocks/standalone.ts', ...args, '--port', '0'],
    {
      cwd: repo,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        MOCK_PERSIST: '0',
        PRERENDER_TIMEOUT_MS: '0',
        ...env,
      },
    },
  )
  children.push(child)
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => {
      reject(new Error(`The standalone server did not start:\n${output}`))
    }, 20_000)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const origin = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1]
      if (origin !== undefined) {
        clearTimeout(timer)
        resolve(origin)
      }
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    child.on('exit', () => {
      clearTimeout(timer)
      reject(new Error(`The standalone server exited:\n${output}`))
    })
  })
}

function buildDir(): string {
  const dist = mkdtempSync(join(tmpdir(), 'roster-standalone-'))
  dirs.push(dist)
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Roster</title>')
  return dist
}

const NEW_CONTACT = JSON.stringify({ first_name: 'Rebound', last_name: 'Evil' })

describe.each([
  ['with a build', () => ['--dist', buildDir()]],
  ['--api-only', () => ['--api-only']],
])('the standalone server %s', (_, args) => {
  it('answers 421 to a Host it does not serve, and serves its own names', async () => {
    const origin = await startStandalone(args(), { ALLOWED_HOSTS: 'roster.test' })
    for (const [method, path] of [
      ['GET', '/api/v1/properties/1'],
      ['GET', '/__mock/health'],
      ['POST', '/__mock/reset'],
      ['GET', '/'],
    ] as const) {
      const evil = await rawRequest(`${origin}${path}`, {
        method,
        headers: { host: 'evil.example' },
      })
      expect(evil.status, path).toBe(421)
      expect(evil.headers['x-content-type-options'], path).toBe('nosniff')
    }
    const write = await rawRequest(`${origin}/api/v1/contacts`, {
      method: 'POST',
      headers: { host: 'evil.example', 'content-type': 'application/json' },
      body: NEW_CONTACT,
    })
    expect(write.status).toBe(421)
    for (const host of [undefined, 'localhost', 'roster.test']) {
      const response = await rawRequest(`${origin}/api/v1/properties/1`, {
        headers: host === undefined ? {} : { host },
      })
      expect(response.status, host).toBe(200)
    }
    const contacts = await fetch(`${origin}/api/v1/contacts`)
    expect(await contacts.text()).not.toContain('Rebound')
  }, 30_000)

  it('refuses cross-site requests and non-JSON writes, and takes Node and Playwright ones', async () => {
    const origin = await startStandalone(args())
    const crossSite = await rawRequest(`${origin}/__mock/reset`, {
      method: 'POST',
      headers: { 'sec-fetch-site': 'cross-site' },
    })
    expect(crossSite.status).toBe(403)
    const plain = await rawRequest(`${origin}/api/v1/contacts`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: NEW_CONTACT,
    })
    expect(plain.status).toBe(415)
    // How e2e/fixtures.ts and the bench reset: no Origin, no Sec-Fetch-Site.
    expect((await fetch(`${origin}/__mock/reset`, { method: 'POST' })).status).toBe(204)
    const created = await fetch(`${origin}/api/v1/contacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body: NEW_CONTACT,
    })
    expect(created.status).toBe(201)
  }, 30_000)
})

describe('the standalone server with a build', () => {
  it('serves the app under the production headers', async () => {
    const origin = await startStandalone(['--dist', buildDir()])
    const page = await fetch(`${origin}/properties/3`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<title>Roster</title>')
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
  }, 30_000)
})

describe('the standalone server --api-only', () => {
  it('answers 404 outside the API', async () => {
    const origin = await startStandalone(['--api-only'])
    expect((await fetch(`${origin}/`)).status).toBe(404)
  }, 30_000)
})
