// @vitest-environment node
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { secretForms } from '../../src/server/redact'
import { CONTENT_SECURITY_POLICY } from '../../src/server/security-headers'
import { liveProxy } from '../../src/server/vite-plugin'
import {
  closeServers,
  letLocalRequestsThrough,
  startFakeUpstream,
  type FakeUpstream,
} from './http-helpers'

const TOKEN = 'dml0ZS1wbHVnaW4/dG9rZW4+'
const repo = fileURLToPath(new URL('../..', import.meta.url))

let upstream: FakeUpstream
let children: ChildProcess[] = []
let dirs: string[] = []

beforeEach(async () => {
  letLocalRequestsThrough()
  upstream = await startFakeUpstream()
})

afterEach(async () => {
  for (const child of children) child.kill('SIGTERM')
  children = []
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  dirs = []
  await closeServers()
})

/**
 * Starts Vite on a free port (node, not npx, so the handle is Vite itself) and resolves
 * with the origin it prints once it listens.
 */
function startVite(args: string[]): Promise<string> {
  const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', ...args, '--port', '0'], {
    cwd: repo,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NO_COLOR: '1',
      ROSTER_API: 'live',
      OPEN_TO_CLOSE_API_KEY: TOKEN,
      OPEN_TO_CLOSE_BASE_URL: `${upstream.origin}/v1`,
    },
  })
  children.push(child)
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => {
      reject(new Error(`Vite did not start:\n${output}`))
    }, 20_000)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const origin = /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1]
      if (origin !== undefined) {
        clearTimeout(timer)
        resolve(origin)
      }
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    child.on('exit', () => {
      clearTimeout(timer)
      reject(new Error(`Vite exited:\n${output}`))
    })
  })
}

describe('live mode in the Vite servers', () => {
  it('npm run dev:live proxies /api/v1 with the token, which the browser never sees', async () => {
    const origin = await startVite([])
    const response = await fetch(`${origin}/api/v1/properties/7?api_token=mine`)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('{"ok":true}')
    expect(upstream.requests.map((r) => r.url)).toEqual([
      `/v1/properties/7?api_token=${encodeURIComponent(TOKEN)}`,
    ])
    expect((await fetch(`${origin}/api/v1/agents`)).status).toBe(404)
    expect(upstream.requests).toHaveLength(1)
  }, 30_000)

  it('npm run preview:live sends the security headers and proxies', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'roster-dist-'))
    dirs.push(dist)
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Roster</title>')
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
    const origin = await startVite(['preview', '--outDir', dist])
    for (const path of ['/', '/properties/3', '/api/v1/properties']) {
      const response = await fetch(`${origin}${path}`)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer')
      if (!path.startsWith('/api/')) {
        expect(response.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY)
      }
    }
    expect(upstream.requests).toHaveLength(1)
  }, 30_000)
})

describe('the build guard', () => {
  type GenerateBundle = (
    this: { error: (message: string) => never },
    options: unknown,
    bundle: Record<string, { type: 'asset'; fileName: string; source: string | Uint8Array }>,
  ) => void

  function guard(): GenerateBundle {
    const hook = liveProxy().generateBundle as Plugin['generateBundle'] & { handler: unknown }
    return hook.handler as GenerateBundle
  }

  const context = {
    error(message: string): never {
      throw new Error(message)
    },
  }

  it.each(secretForms(TOKEN))('fails a build whose output holds the token as %s', (form) => {
    const previous = process.env.OPEN_TO_CLOSE_API_KEY
    process.env.OPEN_TO_CLOSE_API_KEY = TOKEN
    try {
      const bundle = {
        'assets/index.js': {
          type: 'asset' as const,
          fileName: 'assets/index.js',
          source: new TextEncoder().encode(`fetch("/x?t=${form}")`),
        },
      }
      expect(() => guard().call(context, {}, bundle)).toThrow(
        /assets\/index\.js contains OPEN_TO_CLOSE_API_KEY's value/,
      )
      const clean = { 'index.html': { type: 'asset' as const, fileName: 'index.html', source: '' } }
      expect(() => guard().call(context, {}, clean)).not.toThrow()
    } finally {
      if (previous === undefined) delete process.env.OPEN_TO_CLOSE_API_KEY
      else process.env.OPEN_TO_CLOSE_API_KEY = previous
    }
  })
})
