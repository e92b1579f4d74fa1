// A plain static server for a Vite build that is not Roster's (the bare stack of
// ../shared/baselines): run in its own process by bare-stack.ts, like the mock server,
// so that Lighthouse's work in the bench's process never delays its answers.
//
//   node --import tsx e2e/bench/static-server.ts --root DIR --port P
//
// It serves the way Roster's production server does, so that the comparison is of the
// pages and not of the servers: every file compressed ahead (brotli quality 11, or gzip
// level 9, by Accept-Encoding), hashed /assets/ cached for good, index.html for every
// other path (no-cache). `vite preview`, which the baseline's README names, sends no
// compression at all: its 318 KB script would take 1.6 s at 1.6 Mbps instead of 0.4 s (86 KB brotli).
import { readdirSync, readFileSync } from 'node:fs'
import { createServer, type ServerResponse } from 'node:http'
import { extname, join, relative, sep } from 'node:path'
import { parseArgs } from 'node:util'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
}
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json'])

interface StaticFile {
  type: string
  identity: Buffer
  br?: Buffer
  gzip?: Buffer
}

function filesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesIn(join(dir, entry.name)) : [join(dir, entry.name)],
  )
}

function load(root: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>()
  for (const path of filesIn(root)) {
    const extension = extname(path)
    const identity = readFileSync(path)
    const file: StaticFile = { type: TYPES[extension] ?? 'application/octet-stream', identity }
    if (COMPRESSIBLE.has(extension) && identity.length > 1000) {
      file.br = brotliCompressSync(identity, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
        },
      })
      file.gzip = gzipSync(identity, { level: 9 })
    }
    files.set(`/${relative(root, path).split(sep).join('/')}`, file)
  }
  return files
}

function send(
  res: ServerResponse,
  file: StaticFile,
  accept: string,
  cacheControl: string,
  head: boolean,
) {
  const coding =
    file.br && /\bbr\b/.test(accept)
      ? 'br'
      : file.gzip && /\bgzip\b/.test(accept)
        ? 'gzip'
        : undefined
  const body = coding === 'br' ? file.br : coding === 'gzip' ? file.gzip : file.identity
  res.writeHead(200, {
    'content-type': file.type,
    'content-length': body?.length ?? 0,
    'cache-control': cacheControl,
    vary: 'Accept-Encoding',
    ...(coding ? { 'content-encoding': coding } : {}),
  })
  res.end(head ? undefined : body)
}

const { values } = parseArgs({ options: { root: { type: 'string' }, port: { type: 'string' } } })
if (values.root === undefined || values.port === undefined) {
  console.error('usage: static-server.ts --root DIR --port P')
  process.exit(2)
}
const files = load(values.root)
const index = files.get('/index.html')
if (!index) {
  console.error(`${values.root}/index.html not found`)
  process.exit(1)
}

const server = createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end()
    return
  }
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname
  const accept = req.headers['accept-encoding'] ?? ''
  const head = req.method === 'HEAD'
  if (pathname === '/__health') {
    res.writeHead(204).end()
    return
  }
  const file = files.get(pathname)
  if (file && pathname !== '/index.html') {
    const immutable = pathname.startsWith('/assets/')
    send(res, file, accept, immutable ? 'public, max-age=31536000, immutable' : 'no-cache', head)
  } else if (extname(pathname) === '' || pathname === '/index.html') {
    send(res, index, accept, 'no-cache', head)
  } else {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found')
  }
})
server.listen(Number(values.port), '127.0.0.1', () => {
  console.log(`static server for ${values.root} on http://127.0.0.1:${values.port}`)
})
