// @vitest-environment node
// Compression of the built app by the production (and mock standalone) server: the
// bytes on the wire, read with node:http, which (unlike fetch) does not decode them.
// Each root is prepared as `vite build` leaves it: files, then the build manifest
// (writeBuildManifest, what src/server/build-manifest-plugin.ts runs after the build).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { request, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompress, brotliDecompressSync, gunzipSync, gzip } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { allowedHostsFrom, createProductionHandler } from '../../src/server/production-app'
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicyWithStyles,
} from '../../src/server/security-headers'
import { entryLinksFor } from '../../src/server/preload-hints'
import { inlineStylesheets, writeBuildManifest } from '../../src/server/build-manifest'
import { MIN_COMPRESS_BYTES } from '../../src/server/content-types'
import { negotiateEncoding } from '../../src/server/encoding'
import { closeServers, letLocalRequestsThrough, listen } from './http-helpers'

// The real compressors, counted: each file is compressed once, by the build, never per
// request (only pages rendered on the server are, as they differ per request).
vi.mock('node:zlib', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:zlib')>()
  return {
    ...actual,
    brotliCompress: vi.fn(actual.brotliCompress),
    gzip: vi.fn(actual.gzip),
  }
})

/** A bundle-like script: tens of kilobytes of repetitive text. */
const BUNDLE = Array.from(
  { length: 800 },
  (_, i) =>
    `export function row${i}(props) { return h("tr", { key: ${(i * 7919) % 1009} }, props.cells) }\n`,
).join('')
const INDEX = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Roster</title>${'<link rel="modulepreload" href="/assets/chunk-abc.js">'.repeat(40)}<script type="module" src="/assets/index-abc.js"></script></head><body><div id="root"></div></body></html>`
const TINY = 'console.log("app")'
/** A PNG that would compress very well, were it not a PNG. */
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(8192)])
const SVG = `<svg xmlns="http://www.w3.org/2000/svg">${'<rect width="1" height="1"/>'.repeat(200)}</svg>`

interface Response {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

function get(
  path: string,
  acceptEncoding?: string,
  method: 'GET' | 'HEAD' = 'GET',
  at = origin,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(`${at}${path}`, {
      method,
      headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
    })
    req.on('error', reject)
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
      })
    })
    req.end()
  })
}

let root = ''
let origin = ''

function file(path: string): Buffer {
  return readFileSync(join(root, path))
}

beforeEach(async () => {
  letLocalRequestsThrough()
  root = mkdtempSync(join(tmpdir(), 'roster-dist-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), INDEX)
  writeFileSync(join(root, 'assets', 'index-abc.js'), BUNDLE)
  writeFileSync(join(root, 'assets', 'tiny-abc.js'), TINY)
  writeFileSync(join(root, 'assets', 'logo-abc.png'), PNG)
  writeFileSync(join(root, 'assets', 'icon-abc.svg'), SVG)
  // Random bytes: compressing them makes them bigger.
  writeFileSync(
    join(root, 'noise.txt'),
    Buffer.from(Array.from({ length: 4096 }, () => Math.floor(Math.random() * 256))),
  )
  await writeBuildManifest(root)
  // Counted compressions below are the requests' own; the build's have their own test.
  vi.mocked(brotliCompress).mockClear()
  vi.mocked(gzip).mockClear()
  origin = await listen(
    createProductionHandler({
      root,
      api: (_req, _res, next) => next(),
      allowedHosts: allowedHostsFrom('127.0.0.1', undefined),
      warmCompression: false,
    }),
  )
})

afterEach(async () => {
  await closeServers()
  rmSync(root, { recursive: true, force: true })
})

describe('compressed static files', () => {
  it('sends brotli when the client accepts it, with headers that fit the compressed body', async () => {
    const response = await get('/assets/index-abc.js', 'gzip, deflate, br, zstd')
    expect(response.status).toBe(200)
    expect(response.headers['content-encoding']).toBe('br')
    expect(response.headers.vary).toBe('Accept-Encoding')
    expect(response.headers['content-length']).toBe(String(response.body.length))
    expect(response.body.length).toBeLessThan(BUNDLE.length / 4)
    expect(brotliDecompressSync(response.body).equals(file('assets/index-abc.js'))).toBe(true)
    // What the uncompressed answer had, it still has.
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
  })

  it.each(['gzip', 'gzip, deflate', 'br;q=0, gzip', 'x-gzip', 'br;q=0.5, gzip;q=0.8'])(
    'sends gzip for Accept-Encoding: %s',
    async (accept) => {
      const response = await get('/assets/index-abc.js', accept)
      expect(response.headers['content-encoding']).toBe('gzip')
      expect(response.headers.vary).toBe('Accept-Encoding')
      expect(response.headers['content-length']).toBe(String(response.body.length))
      expect(response.body.length).toBeLessThan(BUNDLE.length / 4)
      expect(gunzipSync(response.body).equals(file('assets/index-abc.js'))).toBe(true)
    },
  )

  it.each([
    ['no Accept-Encoding', undefined],
    ['identity', 'identity'],
    ['br;q=0, gzip;q=0', 'br;q=0, gzip;q=0'],
    ['*;q=0', '*;q=0'],
    ['deflate only', 'deflate'],
    ['an empty header', ''],
  ])('sends the file as it is for %s', async (_name, accept) => {
    const response = await get('/assets/index-abc.js', accept)
    expect(response.status).toBe(200)
    expect(response.headers['content-encoding']).toBeUndefined()
    expect(response.headers.vary).toBe('Accept-Encoding')
    expect(response.headers['content-length']).toBe(String(BUNDLE.length))
    expect(response.body.equals(file('assets/index-abc.js'))).toBe(true)
  })

  it('compresses index.html for client-side routes, still uncached', async () => {
    for (const path of ['/', '/properties/12']) {
      const response = await get(path, 'br')
      expect(response.headers['content-encoding'], path).toBe('br')
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(response.headers['cache-control']).toBe('no-cache')
      expect(brotliDecompressSync(response.body).toString()).toBe(INDEX)
    }
  })

  it('compresses SVG, an image made of text', async () => {
    const response = await get('/assets/icon-abc.svg', 'gzip')
    expect(response.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(response.body).toString()).toBe(SVG)
  })

  it('does not compress small files, though it says the answer varies', async () => {
    expect(TINY.length).toBeLessThan(MIN_COMPRESS_BYTES)
    const response = await get('/assets/tiny-abc.js', 'br, gzip')
    expect(response.headers['content-encoding']).toBeUndefined()
    expect(response.headers.vary).toBe('Accept-Encoding')
    expect(response.headers['content-length']).toBe(String(TINY.length))
    expect(response.body.toString()).toBe(TINY)
    expect(brotliCompress).not.toHaveBeenCalled()
  })

  it('sends a file as it is when compressing would not make it smaller', async () => {
    for (const accept of ['br', 'gzip']) {
      const response = await get('/noise.txt', accept)
      expect(response.headers['content-encoding'], accept).toBeUndefined()
      expect(response.headers['content-length']).toBe('4096')
      expect(response.body.equals(file('noise.txt'))).toBe(true)
    }
  })

  it('does not compress PNG images, however compressible their bytes', async () => {
    const response = await get('/assets/logo-abc.png', 'br, gzip')
    expect(response.headers['content-type']).toBe('image/png')
    expect(response.headers['content-encoding']).toBeUndefined()
    expect(response.headers.vary).toBeUndefined()
    expect(response.headers['content-length']).toBe(String(PNG.length))
    expect(response.body.equals(PNG)).toBe(true)
    expect(brotliCompress).not.toHaveBeenCalled()
    expect(gzip).not.toHaveBeenCalled()
  })

  it('answers HEAD with the headers a GET would have and no body', async () => {
    const compressed = await get('/assets/index-abc.js', 'br')
    const head = await get('/assets/index-abc.js', 'br', 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body.length).toBe(0)
    expect(head.headers['content-encoding']).toBe('br')
    expect(head.headers.vary).toBe('Accept-Encoding')
    expect(head.headers['content-length']).toBe(String(compressed.body.length))
    expect(head.headers['cache-control']).toBe('public, max-age=31536000, immutable')

    const plainHead = await get('/assets/index-abc.js', 'identity', 'HEAD')
    expect(plainHead.body.length).toBe(0)
    expect(plainHead.headers['content-encoding']).toBeUndefined()
    expect(plainHead.headers['content-length']).toBe(String(BUNDLE.length))
  })

  it('sends the copies the build compressed, compressing nothing per request, also for concurrent requests', async () => {
    const first = await Promise.all([1, 2, 3].map(() => get('/assets/index-abc.js', 'br')))
    const again = await get('/assets/index-abc.js', 'br')
    await get('/assets/index-abc.js', 'br', 'HEAD')
    for (const response of [...first, again]) {
      expect(response.body.equals(first[0]?.body ?? Buffer.alloc(0))).toBe(true)
      expect(response.body.equals(file('assets/index-abc.js.br'))).toBe(true)
    }
    expect(brotliCompress).not.toHaveBeenCalled()
    await get('/assets/index-abc.js', 'gzip')
    expect(
      (await get('/assets/index-abc.js', 'gzip')).body.equals(file('assets/index-abc.js.gz')),
    ).toBe(true)
    expect(gzip).not.toHaveBeenCalled()
  })

  it('compresses index.html again once a new build rewrites it', async () => {
    expect(brotliDecompressSync((await get('/', 'br')).body).toString()).toBe(INDEX)
    const next = INDEX.replaceAll('-abc.js', '-def.js')
    writeFileSync(join(root, 'index.html'), next)
    // Same size as before: only the modification time tells the builds apart.
    expect(next.length).toBe(INDEX.length)
    const later = new Date(Date.now() + 60_000)
    utimesSync(join(root, 'index.html'), later, later)
    // The new build's own step, while the server runs: it compresses, the server does not.
    await writeBuildManifest(root)
    const byTheBuild = vi.mocked(brotliCompress).mock.calls.length
    expect(brotliDecompressSync(file('index.html.br')).toString()).toBe(next)
    expect(brotliDecompressSync((await get('/', 'br')).body).toString()).toBe(next)
    expect(brotliCompress).toHaveBeenCalledTimes(byTheBuild)
    expect((await get('/properties/1')).headers.link).toContain('</assets/index-def.js>')
  })
})

describe('preload hints', () => {
  const FILES =
    '</assets/index-abc.js>; rel=modulepreload, </assets/chunk-abc.js>; rel=modulepreload'

  it('lets a property page start its files and its API reads with the HTML', async () => {
    for (const path of ['/properties/12', '/properties/12/setup']) {
      const response = await get(path)
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(response.headers.link).toBe(
        `${FILES}, ` +
          '</api/v1/properties/12>; rel=preload; as=fetch; crossorigin=anonymous, ' +
          '</api/v1/properties/12/contacts>; rel=preload; as=fetch; crossorigin=anonymous',
      )
    }
  })

  it('sends only the files for other pages and ids that are not ids', async () => {
    for (const path of ['/', '/properties/abc', '/properties/0', '/properties/1/x']) {
      expect((await get(path)).headers.link, path).toBe(FILES)
    }
  })

  it('sends none with a file', async () => {
    expect((await get('/assets/index-abc.js')).headers.link).toBeUndefined()
  })
})

describe('pages rendered on the server', () => {
  /** A server whose prerenderer answers with `render` and records what it was asked. */
  async function serverRendering(render: (url: URL, template: string) => Promise<string | null>) {
    const asked: string[] = []
    const prerender = Object.assign(
      (url: URL, template: string) => {
        asked.push(`${url.pathname}${url.search}`)
        expect(template).toBe(INDEX)
        return render(url, template)
      },
      { renders: (url: URL) => /^\/properties\/\d+$/.test(url.pathname) },
    )
    const at = await listen(
      createProductionHandler({
        root,
        api: (_req, _res, next) => next(),
        allowedHosts: allowedHostsFrom('127.0.0.1', undefined),
        warmCompression: false,
        prerender,
      }),
    )
    return { at, asked }
  }

  /** The response's headers as soon as they arrive, and its body once it ends. */
  function headersFirst(at: string, path: string, acceptEncoding: string) {
    return new Promise<{ headers: IncomingHttpHeaders; body: Promise<Buffer> }>(
      (resolve, reject) => {
        const req = request(`${at}${path}`, { headers: { 'accept-encoding': acceptEncoding } })
        req.on('error', reject)
        req.on('response', (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          resolve({
            headers: res.headers,
            body: new Promise((done) => res.on('end', () => done(Buffer.concat(chunks)))),
          })
        })
        req.end()
      },
    )
  }

  const FILES =
    '</assets/index-abc.js>; rel=modulepreload, </assets/chunk-abc.js>; rel=modulepreload'
  const WITH_API_PRELOADS = INDEX.replace(
    '</head>',
    '<link rel="preload" href="/api/v1/properties/12" as="fetch" crossorigin="anonymous">' +
      '<link rel="preload" href="/api/v1/properties/12/contacts" as="fetch" crossorigin="anonymous"></head>',
  )

  it('sends the headers at once, then the rendered page, compressed and never cached', async () => {
    const page = `<html><body><div id="root"><h1>Elm Circle Ranch</h1>${'<p>entry</p>'.repeat(200)}</div></body></html>`
    let finish: (html: string) => void = () => undefined
    let finished = false
    const { at, asked } = await serverRendering(() =>
      finished ? Promise.resolve(page) : new Promise<string>((resolve) => (finish = resolve)),
    )
    const { headers, body } = await headersFirst(at, '/properties/1?role=Buyer', 'br')
    // The page is not ready yet, but the browser already knows which files to fetch.
    expect(asked).toEqual(['/properties/1?role=Buyer'])
    expect(headers['content-type']).toBe('text/html; charset=utf-8')
    expect(headers['content-encoding']).toBe('br')
    expect(headers['cache-control']).toBe('no-store')
    expect(headers.link).toBe(FILES)
    expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    finished = true
    finish(page)
    expect(brotliDecompressSync(await body).toString()).toBe(page)

    const plain = await get('/properties/1', undefined, 'GET', at)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(page)
  })

  it('sends index.html with preloads for the API reads when the page is not rendered', async () => {
    const { at } = await serverRendering(() => Promise.resolve(null))
    const response = await get('/properties/12', 'gzip', 'GET', at)
    expect(gunzipSync(response.body).toString()).toBe(WITH_API_PRELOADS)
    expect(response.headers['cache-control']).toBe('no-store')
    expect(response.headers.link).toBe(FILES)
  })

  it('sends the same when rendering fails, and renders neither files nor HEAD requests', async () => {
    const { at, asked } = await serverRendering(() => Promise.reject(new Error('boom')))
    expect((await get('/properties/12', undefined, 'GET', at)).body.toString()).toBe(
      WITH_API_PRELOADS,
    )
    expect((await get('/assets/index-abc.js', undefined, 'GET', at)).body.toString()).toBe(BUNDLE)
    const head = await get('/properties/12', 'gzip', 'HEAD', at)
    expect(head.headers['content-encoding']).toBe('gzip')
    expect(head.body).toHaveLength(0)
    expect(asked).toEqual(['/properties/12'])
  })

  it('leaves pages it does not render as they were', async () => {
    const { at, asked } = await serverRendering(() => Promise.resolve('<p>rendered</p>'))
    for (const path of ['/', '/properties/12/setup']) {
      const response = await get(path, undefined, 'GET', at)
      expect(response.body.toString(), path).toBe(INDEX)
      expect(response.headers['content-length']).toBe(String(INDEX.length))
      expect(response.headers['cache-control']).toBe('no-cache')
    }
    expect(asked).toEqual([])
  })
})

describe('the stylesheet, inline', () => {
  const CSS = ':root{color:#1c2430}body{margin:0}'
  const HASH = `sha256-${createHash('sha256').update(CSS).digest('base64')}`
  const STYLED = INDEX.replace(
    '</head>',
    '<link rel="stylesheet" crossorigin href="/assets/index-abc.css"></head>',
  )

  it('goes out in the page, allowed by its hash and nothing else, with no preload for it', async () => {
    writeFileSync(join(root, 'assets', 'index-abc.css'), CSS)
    writeFileSync(join(root, 'index.html'), STYLED)
    await writeBuildManifest(root)
    const response = await get('/properties/12')
    const html = response.body.toString()
    // With a disabled link naming it, which is never fetched nor applied (and so no
    // lazy chunk's preload fetches it again).
    expect(html).toContain(
      `<style>${CSS}</style><link rel="stylesheet" href="/assets/index-abc.css" disabled></head>`,
    )
    expect(html.match(/stylesheet/g)).toHaveLength(1)
    expect(response.headers['content-security-policy']).toBe(
      contentSecurityPolicyWithStyles([HASH]),
    )
    expect(response.headers['content-security-policy']).toContain(`style-src 'self' '${HASH}';`)
    expect(response.headers.link).not.toContain('.css')
    // The file itself is still served as it is, under the plain policy.
    const file = await get('/assets/index-abc.css')
    expect(file.body.toString()).toBe(CSS)
    expect(file.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
  })

  it('stays a link when it cannot be read or could close the element', () => {
    const read = (path: string) =>
      ({ '/assets/ok.css': 'a{}', '/assets/bad.css': 'a{content:"</style><script>"}' })[path]
    const html =
      '<link rel="stylesheet" href="/assets/ok.css"><link rel="stylesheet" href="/assets/bad.css">' +
      '<link rel="stylesheet" href="/assets/gone.css"><link rel="stylesheet" href="https://cdn.example/x.css">'
    const { text, styleHashes } = inlineStylesheets(html, read)
    expect(text).toBe(
      '<style>a{}</style><link rel="stylesheet" href="/assets/ok.css" disabled>' +
        '<link rel="stylesheet" href="/assets/bad.css">' +
        '<link rel="stylesheet" href="/assets/gone.css"><link rel="stylesheet" href="https://cdn.example/x.css">',
    )
    expect(styleHashes).toEqual([`sha256-${createHash('sha256').update('a{}').digest('base64')}`])
  })

  it('leaves the policy as it is when nothing is inline', () => {
    expect(contentSecurityPolicyWithStyles([])).toBe(CONTENT_SECURITY_POLICY)
  })
})

describe('entryLinksFor', () => {
  it('lists the entry script, then the preloaded modules, then the stylesheets, once each', () => {
    const html = `<head>
      <link rel="stylesheet" crossorigin href="/assets/index-1.css">
      <script type="module" crossorigin src="/assets/index-1.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/runtime-1.js">
      <link rel="modulepreload" crossorigin href="/assets/runtime-1.js">
      <link rel="icon" href="/favicon.svg">
    </head>`
    expect(entryLinksFor(html)).toEqual([
      '</assets/index-1.js>; rel=modulepreload; crossorigin',
      '</assets/runtime-1.js>; rel=modulepreload; crossorigin',
      '</assets/index-1.css>; rel=preload; as=style; crossorigin',
    ])
  })

  it('leaves out classic scripts, other origins and anything that could break the header', () => {
    const html = `
      <script src="/assets/classic.js"></script>
      <script type="module" src="https://cdn.example/app.js"></script>
      <script type="module" src="//cdn.example/app.js"></script>
      <link rel="stylesheet" href="/assets/a.css>; rel=preload; as=script">
      <link rel="modulepreload" href='/assets/ok.js'>`
    expect(entryLinksFor(html)).toEqual(['</assets/ok.js>; rel=modulepreload'])
  })
})

describe('compression at build time', () => {
  it('compresses the text files of the build before anyone asks, so requests find them ready', async () => {
    vi.mocked(brotliCompress).mockClear()
    vi.mocked(gzip).mockClear()
    await writeBuildManifest(root)
    // index.html, the bundle, the SVG and the noise (tried, found bigger, dropped), in
    // both codings; not the tiny file or the PNG.
    expect(brotliCompress).toHaveBeenCalledTimes(4)
    expect(gzip).toHaveBeenCalledTimes(4)
    const warmOrigin = await listen(
      createProductionHandler({
        root,
        api: (_req, _res, next) => next(),
        allowedHosts: allowedHostsFrom('127.0.0.1', undefined),
      }),
    )
    const response = await get('/assets/index-abc.js', 'br', 'GET', warmOrigin)
    expect(brotliDecompressSync(response.body).equals(file('assets/index-abc.js'))).toBe(true)
    expect(brotliCompress).toHaveBeenCalledTimes(4)
  })
})

describe('negotiateEncoding', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['identity', undefined],
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['BR', 'br'],
    ['gzip', 'gzip'],
    ['gzip;q=0, br;q=0', undefined],
    ['gzip;q=0.000, br;q=0.', undefined],
    ['gzip ; q=0 , br', 'br'],
    ['br;q=0, gzip;q=0.1', 'gzip'],
    ['br;q=0.2, gzip;q=0.9', 'gzip'],
    ['br;q=1.0, gzip;q=1', 'br'],
    ['*', 'br'],
    ['*;q=0', undefined],
    ['br;q=0, *', 'gzip'],
    ['gzip;q=0.5, *;q=0.1', 'gzip'],
    // A malformed weight is ignored, not read as 1.
    ['br;q=2, gzip', 'gzip'],
    ['br;q=high', undefined],
    // Named twice: the lower weight holds.
    ['br, br;q=0', undefined],
    [['gzip', 'br;q=0.1'], 'gzip'],
  ])('%j → %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected)
  })
})
