// The mock backend as Connect/Node middleware, for the Vite dev and preview servers and
// the standalone server. It does no routing of its own: each /api/v1 request becomes a
// Fetch Request resolved by MSW's `getResponse` against the same `handlers` as Vitest.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { getResponse } from 'msw'
import { setMockConfig } from './config.ts'
import { db } from './db.ts'
import { handlers } from './handlers.ts'
import { readSnapshotFile, writeSnapshotFile } from './persist.ts'

export interface MockMiddlewareOptions {
  /** Where the db is kept between restarts; none means in memory only. */
  persistFile?: string
  latencyMs?: number
  apiToken?: string
}

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

// Connection-level headers describe the Node socket, not the request MSW resolves.
const HOP_BY_HOP = new Set([
  'connection',
  'content-length',
  'expect',
  'host',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
])

async function toFetchRequest(req: IncomingMessage): Promise<Request> {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  const method = req.method ?? 'GET'
  let body: Uint8Array<ArrayBuffer> | undefined
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    body = new Uint8Array(Buffer.concat(chunks))
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
  return new Request(url, { method, headers, body })
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  res.end(text)
}

async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer())
  const headers: Record<string, string> = { 'cache-control': 'no-store' }
  response.headers.forEach((value, name) => (headers[name] = value))
  headers['content-length'] = String(body.length)
  res.writeHead(response.status, headers)
  res.end(body)
}

/**
 * The mock backend as a fetch function, for code in this process: the server that
 * renders pages reads them through it (src/mocks/standalone.ts), under the same
 * latency, token and rules as a request from the browser.
 */
export async function fetchFromMock(input: string, init: RequestInit): Promise<Response> {
  const response = await getResponse(handlers, new Request(input, init))
  return response ?? Response.json({ message: 'Not found' }, { status: 404 })
}

/** Starts from the file when it holds a valid snapshot, else from the seed. */
function loadPersisted(file: string): void {
  const data = readSnapshotFile(file)
  if (data === undefined) {
    db.reset()
  } else if (!db.load(data)) {
    console.warn(`[mock backend] ${file} is not a valid snapshot; using the seed`)
    db.reset()
  }
}

export function createMockMiddleware(options: MockMiddlewareOptions = {}): Middleware {
  const { persistFile } = options
  setMockConfig({ latencyMs: options.latencyMs ?? 0, apiToken: options.apiToken ?? null })
  if (persistFile !== undefined) loadPersisted(persistFile)
  const persist = () => {
    if (persistFile !== undefined) writeSnapshotFile(persistFile, db.snapshot())
  }

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = await toFetchRequest(req)
    const response = await getResponse(handlers, request)
    if (!response) {
      sendJson(res, 404, { message: 'Not found' })
      return
    }
    if (request.method !== 'GET' && request.method !== 'HEAD' && response.ok) persist()
    await sendResponse(res, response)
  }

  return (req, res, next) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    if (path === '/__mock/health') {
      sendJson(res, 200, { status: 'ok' })
    } else if (path === '/__mock/reset') {
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST')
        sendJson(res, 405, { message: 'Method Not Allowed' })
        return
      }
      db.reset()
      persist()
      res.writeHead(204).end()
    } else if (path === '/api/v1' || path.startsWith('/api/v1/')) {
      answer(req, res).catch((error: unknown) => {
        console.error('[mock backend]', error)
        if (res.headersSent) res.destroy()
        else sendJson(res, 500, { message: 'Mock backend error' })
      })
    } else {
      next()
    }
  }
}
