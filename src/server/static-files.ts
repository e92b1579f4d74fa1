// Serves the production build the way it is deployed: hashed assets cached forever,
// and for client-side routes the app's page, never cached: index.html with its
// stylesheet inline, rendered on the server when it can be (src/server/prerender.tsx).
// Shared by the production server (src/server/production.ts) and the mock standalone
// server. Files go out brotli- or gzip-compressed when the client accepts it; each is
// compressed once (per build: the cache is keyed by path, size and mtime) and kept;
// pages, built per request, are compressed on the fly at a faster setting.
import { createHash } from 'node:crypto'
import { createReadStream, readFileSync, statSync, type Stats } from 'node:fs'
import { open, readdir } from 'node:fs/promises'
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants as zlib, gzip } from 'node:zlib'
import type { Prerenderer } from './prerender.tsx'
import { isSameOriginRequest } from './request-guards.ts'
import { entryLinksFor, preloadLinksFor, withPreloadTags } from './preload-hints.ts'
import { contentSecurityPolicyWithStyles } from './security-headers.ts'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

/** Text formats. Images and fonts other than SVG are compressed already. */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.map',
  '.webmanifest',
  '.svg',
  '.txt',
])

/** Below this, the header and framing overhead eat most of what compression saves. */
export const MIN_COMPRESS_BYTES = 1024

/** Compressed bodies kept in memory; the oldest go first past this. dist/ is far smaller. */
const CACHE_LIMIT_BYTES = 64 * 1024 * 1024

export type Coding = 'br' | 'gzip'

/** Ours, in order of preference when the client likes several equally. */
const CODINGS: readonly Coding[] = ['br', 'gzip']

/**
 * The content coding to answer with for an Accept-Encoding header (RFC 9110 §12.5.3):
 * the acceptable one (q > 0, named or through `*`) with the highest q, br before gzip
 * on a tie; undefined for identity. No header means identity: clients that decode
 * anything say so.
 */
export function negotiateEncoding(header: string | string[] | undefined): Coding | undefined {
  if (header === undefined) return undefined
  const weights = new Map<string, number>()
  for (const item of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [rawName = '', ...params] = item.split(';')
    let name = rawName.trim().toLowerCase()
    if (name === '') continue
    if (name === 'x-gzip') name = 'gzip'
    let q = 1
    for (const param of params) {
      const [key = '', value = ''] = param.split('=').map((part) => part.trim())
      if (key.toLowerCase() !== 'q') continue
      q = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value) ? Number(value) : NaN
    }
    // A malformed weight makes the entry meaningless: ignore it rather than guess.
    if (Number.isNaN(q)) continue
    // The same coding named twice: the most cautious reading wins.
    weights.set(name, Math.min(q, weights.get(name) ?? 1))
  }
  let best: Coding | undefined
  let bestQ = 0
  for (const coding of CODINGS) {
    const q = weights.get(coding) ?? weights.get('*') ?? 0
    if (q > bestQ) {
      best = coding
      bestQ = q
    }
  }
  return best
}

const brotliAsync = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

const compressors: Readonly<Record<Coding, (data: Buffer) => Promise<Buffer>>> = {
  br: (data) =>
    brotliAsync(data, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
        [zlib.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  gzip: (data) => gzipAsync(data, { level: zlib.Z_BEST_COMPRESSION }),
}

/** Which build of a file a stat describes: index.html is rewritten in place by each build. */
function versionOf(stats: Stats): string {
  return `${stats.size}:${stats.mtimeMs}`
}

interface Compressed {
  version: string
  /** Undefined when compressing does not make the file smaller (or failed). Never rejects. */
  body: Promise<Buffer | undefined>
  bytes: number
}

/**
 * What each file compresses to, per coding, for the version of it last asked for. The
 * work (brotli at quality 11 takes a while on the big bundle) is done once, off the
 * main thread, and shared by concurrent requests.
 */
class CompressedCache {
  private readonly entries = new Map<string, Compressed>()
  private total = 0

  get(file: string, stats: Stats, coding: Coding): Promise<Buffer | undefined> {
    const key = `${coding}:${file}`
    const version = versionOf(stats)
    const cached = this.entries.get(key)
    if (cached?.version === version) return cached.body
    if (cached !== undefined) this.forget(key)
    const entry: Compressed = { version, body: Promise.resolve(undefined), bytes: 0 }
    entry.body = compress(file, version, coding).then(
      (body) => {
        if (this.entries.get(key) === entry) {
          entry.bytes = body?.length ?? 0
          this.total += entry.bytes
          this.trim(key)
        }
        return body
      },
      () => {
        // Gone or rewritten mid-build: this request goes out uncompressed and the next
        // one tries again.
        if (this.entries.get(key) === entry) this.entries.delete(key)
        return undefined
      },
    )
    this.entries.set(key, entry)
    return entry.body
  }

  private forget(key: string): void {
    this.total -= this.entries.get(key)?.bytes ?? 0
    this.entries.delete(key)
  }

  /** Old builds' hashed assets stay until the cache outgrows its limit, oldest first. */
  private trim(keep: string): void {
    for (const key of this.entries.keys()) {
      if (this.total <= CACHE_LIMIT_BYTES) break
      if (key !== keep) this.forget(key)
    }
  }
}

async function compress(
  file: string,
  version: string,
  coding: Coding,
): Promise<Buffer | undefined> {
  const handle = await open(file)
  let data: Buffer
  try {
    data = await handle.readFile()
    // Not the bytes the stat described: do not file them under its version.
    const stats = await handle.stat()
    if (versionOf(stats) !== version || data.length !== stats.size) {
      throw new Error(`${file} changed while it was read`)
    }
  } finally {
    await handle.close()
  }
  const body = await compressors[coding](data)
  return body.length < data.length ? body : undefined
}

function fileStats(path: string): Stats | undefined {
  try {
    const stats = statSync(path)
    return stats.isFile() ? stats : undefined
  } catch {
    return undefined
  }
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text)
}

async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  stats: Stats,
  cacheControl: string,
  compressed: CompressedCache,
): Promise<void> {
  const ext = extname(file).toLowerCase()
  const headers: OutgoingHttpHeaders = {
    'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'cache-control': cacheControl,
    'x-content-type-options': 'nosniff',
  }
  if (COMPRESSIBLE.has(ext)) {
    // Caches must not hand a brotli body to a client that asked for none, even for a
    // file too small to compress: the next build may make it bigger.
    headers.vary = 'Accept-Encoding'
    const coding = negotiateEncoding(req.headers['accept-encoding'])
    if (coding !== undefined && stats.size >= MIN_COMPRESS_BYTES) {
      const body = await compressed.get(file, stats, coding)
      if (body !== undefined) {
        res.writeHead(200, {
          ...headers,
          'content-encoding': coding,
          'content-length': body.length,
        })
        res.end(req.method === 'HEAD' ? undefined : body)
        return
      }
    }
  }
  res.writeHead(200, { ...headers, 'content-length': stats.size })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  createReadStream(file)
    // Deleted since the stat: the headers are out, so all we can do is cut it short.
    .on('error', (error) => res.destroy(error))
    .pipe(res)
}

/**
 * Compresses the build's text files in the background, so that even the first
 * visitor after a start gets them at once (brotli at quality 11 takes ~0.6 s for
 * the main bundle). Failures only mean that file is compressed on first request.
 */
async function warmUp(root: string, compressed: CompressedCache): Promise<void> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  for (const entry of entries) {
    if (!entry.isFile() || !COMPRESSIBLE.has(extname(entry.name).toLowerCase())) continue
    const file = join(entry.parentPath, entry.name)
    const stats = fileStats(file)
    if (stats === undefined || stats.size < MIN_COMPRESS_BYTES) continue
    for (const coding of CODINGS) await compressed.get(file, stats, coding)
  }
}

/** index.html as the app's pages are sent, read again only when it changes. */
interface PageTemplate {
  /** index.html with its stylesheets inlined. */
  text: string
  /** Link values for the files it loads (src/server/preload-hints.ts). */
  entryLinks: string[]
  /** CSP hashes of the inlined styles. */
  styleHashes: string[]
}

const EMPTY_TEMPLATE: PageTemplate = { text: '', entryLinks: [], styleHashes: [] }
const STYLESHEET_LINK = /<link\b[^>]*\brel=["']?stylesheet["']?[^>]*>/gi
const HREF = /\bhref=["']?(\/assets\/[\w.-]+\.css)["']?/i

/**
 * index.html with each of the build's stylesheets put inline, in a <style> element the
 * page's CSP allows by hash: the page can paint as soon as its HTML is in, a round trip
 * sooner than with a stylesheet to fetch first (a server-rendered page is complete
 * then). A stylesheet that cannot be read, or that holds "</style", stays a link.
 */
export function inlineStylesheets(
  html: string,
  readAsset: (path: string) => string | undefined,
): { text: string; styleHashes: string[] } {
  const styleHashes: string[] = []
  const text = html.replace(STYLESHEET_LINK, (tag) => {
    const path = HREF.exec(tag)?.[1]
    const css = path === undefined ? undefined : readAsset(path)
    if (css === undefined || /<\/style/i.test(css)) return tag
    styleHashes.push(`sha256-${createHash('sha256').update(css).digest('base64')}`)
    return `<style>${css}</style>`
  })
  return { text, styleHashes }
}

class IndexTemplate {
  private key = ''
  private value: PageTemplate = EMPTY_TEMPLATE
  private readonly encodings = new Map<Coding, Promise<Buffer>>()

  constructor(private readonly root: string) {}

  /** The page as it is (not rendered), compressed for `coding` once per build. */
  encoded(coding: Coding | undefined): Promise<Buffer> {
    const data = Buffer.from(this.value.text)
    if (coding === undefined) return Promise.resolve(data)
    let body = this.encodings.get(coding)
    if (body === undefined) {
      body = compressors[coding](data)
      body.catch(() => this.encodings.delete(coding))
      this.encodings.set(coding, body)
    }
    return body
  }

  read(index: string, stats: Stats): PageTemplate {
    const key = versionOf(stats)
    if (key !== this.key) {
      this.encodings.clear()
      try {
        const html = readFileSync(index, 'utf8')
        const { text, styleHashes } = inlineStylesheets(html, (path) => {
          try {
            return readFileSync(join(this.root, path), 'utf8')
          } catch {
            return undefined
          }
        })
        this.value = { text, entryLinks: entryLinksFor(text), styleHashes }
      } catch {
        // Gone since the stat: the request fails on its own.
        this.value = EMPTY_TEMPLATE
      }
      this.key = key
    }
    return this.value
  }
}

/** Rendered pages differ per request: compressed fast, on the fly. */
const dynamicCompressors: Record<Coding, (data: Buffer) => Promise<Buffer>> = {
  br: (data) =>
    brotliAsync(data, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: 5,
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
        [zlib.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  gzip: (data) => gzipAsync(data, { level: 6 }),
}

interface PageOptions {
  links: string[]
  cacheControl: string
  /** CSP hashes of the styles inline in it. */
  styleHashes: string[]
}

/** The headers of one of the app's pages (built per request: styles inline, maybe rendered). */
function pageHeaders(page: PageOptions, coding: Coding | undefined): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {
    'content-type': CONTENT_TYPES['.html'],
    'cache-control': page.cacheControl,
    'x-content-type-options': 'nosniff',
    vary: 'Accept-Encoding',
  }
  if (page.links.length > 0) headers.link = page.links
  if (page.styleHashes.length > 0) {
    headers['content-security-policy'] = contentSecurityPolicyWithStyles(page.styleHashes)
  }
  if (coding !== undefined) headers['content-encoding'] = coding
  return headers
}

/** A page's body, compressed fast (it differs per request) when the client takes it. */
function encodePage(html: string, coding: Coding | undefined): Promise<Buffer> {
  const data = Buffer.from(html)
  return coding === undefined ? Promise.resolve(data) : dynamicCompressors[coding](data)
}

/** The page as it is, index.html with its stylesheet inline: the browser renders it. */
async function sendPage(
  req: IncomingMessage,
  res: ServerResponse,
  template: IndexTemplate,
  page: PageOptions,
): Promise<void> {
  const coding = negotiateEncoding(req.headers['accept-encoding'])
  const body = await template.encoded(coding)
  res.writeHead(200, { ...pageHeaders(page, coding), 'content-length': body.length })
  res.end(req.method === 'HEAD' ? undefined : body)
}

/**
 * A page the server may render: its headers go out at once, so the browser fetches the
 * page's files while the server reads its data (the live API may take a while); the
 * body follows, rendered, or index.html with <link> preloads for the page's API reads
 * when it could not be. Either way no cache keeps it: a rendered page holds deal data.
 */
function sendPageToRender(
  req: IncomingMessage,
  res: ServerResponse,
  render: Promise<string | null>,
  template: { text: string; entryLinks: string[]; styleHashes: string[] },
  pathname: string,
): void {
  const coding = negotiateEncoding(req.headers['accept-encoding'])
  const { text, entryLinks, styleHashes } = template
  res.writeHead(
    200,
    pageHeaders({ links: entryLinks, cacheControl: 'no-store', styleHashes }, coding),
  )
  res.flushHeaders()
  render
    .catch(() => null)
    .then((html) => encodePage(html ?? withPreloadTags(text, pathname), coding))
    .then(
      (body) => {
        res.end(req.method === 'HEAD' ? undefined : body)
      },
      (error: unknown) => {
        res.destroy(error instanceof Error ? error : undefined)
      },
    )
}

export interface ServeStaticOptions {
  /** Compress the build's text files at start rather than on first request (default true). */
  warm?: boolean
  /** Renders pages on the server (src/server/prerender.tsx); without it the browser does. */
  prerender?: Prerenderer
}

export function serveStatic(root: string, { warm = true, prerender }: ServeStaticOptions = {}) {
  const compressed = new CompressedCache()
  const indexTemplate = new IndexTemplate(root)
  if (warm) warmUp(root, compressed).catch(() => undefined)
  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    file: string,
    stats: Stats,
    cacheControl: string,
  ): void => {
    sendFile(req, res, file, stats, cacheControl, compressed).catch((error: unknown) => {
      if (res.headersSent) res.destroy(error instanceof Error ? error : undefined)
      else sendText(res, 500, 'Internal Server Error')
    })
  }
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD')
      sendText(res, 405, 'Method Not Allowed')
      return
    }
    let pathname: string
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)
    } catch {
      sendText(res, 400, 'Bad Request')
      return
    }
    const file = normalize(join(root, pathname))
    if (!file.startsWith(root + sep)) {
      sendText(res, 404, 'Not Found')
      return
    }
    const stats = fileStats(file)
    if (stats !== undefined) {
      const immutable = pathname.startsWith('/assets/')
      send(req, res, file, stats, immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      return
    }
    const index = join(root, 'index.html')
    const indexStats = extname(pathname) === '' ? fileStats(index) : undefined
    if (indexStats !== undefined) {
      // A client-side route such as /properties/12: the SPA decides what to show, and
      // the browser can start the page's files and API reads while the HTML arrives.
      const { text, entryLinks, styleHashes } = indexTemplate.read(index, indexStats)
      if (text === '') {
        send(req, res, index, indexStats, 'no-cache')
        return
      }
      const url = new URL(req.url ?? '/', 'http://localhost')
      // Another site's <img src> or link must not make us spend the account's API
      // reads (its rate limit): cross-site loads get the plain page.
      if (prerender?.renders(url) && isSameOriginRequest(req)) {
        const render = req.method === 'HEAD' ? Promise.resolve(null) : prerender(url, text)
        sendPageToRender(req, res, render, { text, entryLinks, styleHashes }, pathname)
        return
      }
      sendPage(req, res, indexTemplate, {
        links: [...entryLinks, ...preloadLinksFor(pathname)],
        cacheControl: 'no-cache',
        styleHashes,
      }).catch((error: unknown) => {
        if (res.headersSent) res.destroy(error instanceof Error ? error : undefined)
        else sendText(res, 500, 'Internal Server Error')
      })
    } else {
      sendText(res, 404, 'Not Found')
    }
  }
}
