// @vitest-environment node
// The build's share of serving (src/server/build-manifest.ts, run after every
// `vite build` by src/server/build-manifest-plugin.ts), and how the server uses it.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { request, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  MANIFEST_PATH,
  readBuildManifest,
  writeBuildManifest,
} from '../../src/server/build-manifest'
import { buildManifest } from '../../src/server/build-manifest-plugin'
import { allowedHostsFrom, createProductionHandler } from '../../src/server/production-app'
import { contentSecurityPolicyWithStyles } from '../../src/server/security-headers'
import { serveStatic } from '../../src/server/static-files'
import { closeServers, letLocalRequestsThrough, listen } from './http-helpers'

const SCRIPT = 'export const rows = [' + '"a row of the roster", '.repeat(200) + ']\n'
const CSS = `:root{color:#1c2430}${'.entry{margin:0 0 .5rem}'.repeat(60)}`
const HASH = `sha256-${createHash('sha256').update(CSS).digest('base64')}`
const INDEX =
  '<!doctype html><html><head><title>Roster</title>' +
  '<script type="module" crossorigin src="/assets/index-abc.js"></script>' +
  '<link rel="stylesheet" crossorigin href="/assets/index-abc.css"></head>' +
  '<body><div id="root"></div></body></html>'
const INLINE = INDEX.replace(
  '<link rel="stylesheet" crossorigin href="/assets/index-abc.css">',
  // The disabled link is never fetched; it tells Vite's preload helper the sheet is there.
  `<style>${CSS}</style><link rel="stylesheet" href="/assets/index-abc.css" disabled>`,
)

let root = ''

beforeEach(() => {
  letLocalRequestsThrough()
  root = mkdtempSync(join(tmpdir(), 'roster-build-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), INDEX)
  writeFileSync(join(root, 'assets', 'index-abc.js'), SCRIPT)
  writeFileSync(join(root, 'assets', 'index-abc.css'), CSS)
  writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
})

afterEach(async () => {
  await closeServers()
  rmSync(root, { recursive: true, force: true })
})

function get(origin: string, path: string, acceptEncoding?: string) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }
      const req = request(`${origin}${path}`, { headers })
      req.on('error', reject)
      req.on('response', (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          })
        })
      })
      req.end()
    },
  )
}

function serve(): Promise<string> {
  return listen(
    createProductionHandler({
      root,
      api: (_req, _res, next) => next(),
      allowedHosts: allowedHostsFrom('127.0.0.1', undefined),
    }),
  )
}

describe('writeBuildManifest', () => {
  it('writes the page with its stylesheet inline, its hash, its preloads and compressed copies', async () => {
    const manifest = await writeBuildManifest(root)
    expect(manifest).toEqual(readBuildManifest(root))
    expect(manifest.page).toEqual({
      file: '.roster/page.html',
      entryLinks: ['</assets/index-abc.js>; rel=modulepreload; crossorigin'],
      styleHashes: [HASH],
    })
    expect(readFileSync(join(root, '.roster/page.html'), 'utf8')).toBe(INLINE)
    // index.html stays as Vite wrote it; the small ones (index.html, the icon) stay as they are.
    expect(readFileSync(join(root, 'index.html'), 'utf8')).toBe(INDEX)
    expect(manifest.compressed).toEqual({
      '.roster/page.html': ['br', 'gzip'],
      'assets/index-abc.css': ['br', 'gzip'],
      'assets/index-abc.js': ['br', 'gzip'],
    })
    const script = readFileSync(join(root, 'assets/index-abc.js'))
    expect(brotliDecompressSync(readFileSync(join(root, 'assets/index-abc.js.br')))).toEqual(script)
    expect(gunzipSync(readFileSync(join(root, 'assets/index-abc.js.gz')))).toEqual(script)
    expect(existsSync(join(root, 'favicon.svg.br'))).toBe(false)
  })

  it('sends the page as index.html itself when nothing could be inlined', async () => {
    writeFileSync(join(root, 'assets', 'index-abc.css'), 'a{content:"</style>"}')
    const manifest = await writeBuildManifest(root)
    expect(manifest.page).toMatchObject({ file: 'index.html', styleHashes: [] })
    expect(existsSync(join(root, '.roster/page.html'))).toBe(false)
  })

  it('removes an earlier build’s copies, and never replaces nor hides a file of the build’s own', async () => {
    // A file the build itself ships under a name a copy would take.
    writeFileSync(join(root, 'assets', 'index-abc.css.gz'), 'a download')
    await writeBuildManifest(root)
    // A build into a folder it did not empty: the script is gone.
    rmSync(join(root, 'assets', 'index-abc.js'))
    const manifest = await writeBuildManifest(root)
    expect(existsSync(join(root, 'assets/index-abc.js.br'))).toBe(false)
    expect(existsSync(join(root, 'assets/index-abc.js.gz'))).toBe(false)
    expect(manifest.compressed['assets/index-abc.css']).toEqual(['br'])
    const origin = await serve()
    const download = await get(origin, '/assets/index-abc.css.gz')
    expect(download.status).toBe(200)
    expect(download.body.toString()).toBe('a download')
    expect((await get(origin, '/assets/index-abc.css', 'gzip')).body.toString()).toBe(CSS)
  })
})

describe('the server, with the manifest', () => {
  it('sends the page the build made, in the coding asked for, allowed by its hash', async () => {
    await writeBuildManifest(root)
    const origin = await serve()
    const response = await get(origin, '/properties/3', 'br')
    expect(response.headers['content-encoding']).toBe('br')
    expect(response.body.equals(readFileSync(join(root, '.roster/page.html.br')))).toBe(true)
    expect(brotliDecompressSync(response.body).toString()).toBe(INLINE)
    expect(response.headers['content-security-policy']).toBe(
      contentSecurityPolicyWithStyles([HASH]),
    )
  })

  it('never sends the manifest, the page file or a compressed copy under its own name', async () => {
    await writeBuildManifest(root)
    const origin = await serve()
    for (const path of [
      `/${MANIFEST_PATH}`,
      '/.roster/page.html',
      '/.roster/page.html.br',
      '/assets/index-abc.js.br',
      '/assets/index-abc.js.gz',
    ]) {
      expect((await get(origin, path)).status, path).toBe(404)
    }
    // As before the build wrote it: a path without an extension is the app's.
    const folder = await get(origin, '/.roster')
    expect(folder.status).toBe(200)
    expect(folder.body.toString()).toBe(INLINE)
  })

  it('stops at start on a manifest it cannot read', () => {
    mkdirSync(join(root, '.roster'))
    writeFileSync(join(root, MANIFEST_PATH), '{"version": 0}')
    expect(() => serveStatic(root)).toThrow(
      `${join(root, MANIFEST_PATH)} was not written by this version: run npm run build`,
    )
  })
})

describe('the server, without a manifest (an older build, a hand-made root)', () => {
  it('makes the page from index.html and sends the files as they are', async () => {
    const origin = await serve()
    const page = await get(origin, '/properties/3', 'br')
    expect(page.headers['content-encoding']).toBeUndefined()
    expect(page.body.toString()).toBe(INLINE)
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicyWithStyles([HASH]))
    const script = await get(origin, '/assets/index-abc.js', 'br')
    expect(script.headers['content-encoding']).toBeUndefined()
    expect(script.headers.vary).toBe('Accept-Encoding')
    expect(script.body.toString()).toBe(SCRIPT)
  })
})

describe('the Vite plugin', () => {
  it('does the build’s work in the folder Vite wrote, for builds only', async () => {
    const plugin = buildManifest()
    expect(plugin.apply).toBe('build')
    const hook = plugin.writeBundle as unknown as {
      order: string
      handler: (
        this: { error: (message: string) => never },
        options: { dir?: string },
      ) => Promise<void>
    }
    expect(hook.order).toBe('post')
    const context = {
      error(message: string): never {
        throw new Error(message)
      },
    }
    await hook.handler.call(context, { dir: root })
    expect(readBuildManifest(root)?.page.file).toBe('.roster/page.html')
    await expect(hook.handler.call(context, {})).rejects.toThrow('needs an output folder')
  })
})
