// The mock backend as Connect/Node middleware, for the Vite dev and preview servers and
// the standalone server. It does no routing of its own: each /api/v1 request becomes a
// Fetch Request resolved by MSW's `getResponse` against the same `handlers` as Vitest.
// It guards itself as the production server guards the live proxy
// (src/server/request-guards.ts): only known host names, nothing from other sites, and
// writes only with a JSON body of at most 1 MiB.
import { API_BASE } from '../config/paths.ts'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { getResponse } from 'msw'
import {
  acceptHost,
  API_RESPONSE_CSP,
  readJsonBody,
  Refusal,
  refuseCrossSite,
  sendJson,
  sendRefusal,
  type Middleware,
} from '../server/request-guards.ts'
import { change, SaveFailed, setSaver } from './commit.ts'
import { setMockConfig } from './config.ts'
import { db } from './db.ts'
import { handlers } from './handlers.ts'
import { readSnapshotFile, writeSnapshotFile } from './persist.ts'
import type { DbSnapshot } from './types.ts'

export type { Middleware } from '../server/request-guards.ts'

export interface MockMiddlewareOptions {
  /** Where the db is kept between restarts; none means in memory only. */
  persistFile?: string
  latencyMs?: number
  apiToken?: string
  /**
   * Host names (no port) to answer to, as `allowedHostsFrom` makes them; others get
   * 421. None: the server in front checks (the standalone server, tests).
   */
  allowedHosts?: ReadonlySet<string>
  /** How a snapshot reaches `persistFile`; tests pass one that fails. */
  writeSnapshot?: (file: string, snapshot: DbSnapshot) => void
}

const HEALTH_PATH = '/__mock/health'
const RESET_PATH = '/__mock/reset'

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

/** Methods whose requests carry a body by nature; it must be JSON. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH'])

function hasBody(req: IncomingMessage): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0
  )
}

/**
 * The request's body, read under the JSON type and size rules. A DELETE usually has
 * none (the client sends none) and then needs no type; GET and HEAD bodies are ignored.
 */
async function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const method = req.method ?? 'GET'
  if (method === 'GET' || method === 'HEAD') return undefined
  if (!BODY_METHODS.has(method) && !hasBody(req)) return undefined
  return readJsonBody(req)
}

async function toFetchRequest(req: IncomingMessage): Promise<Request> {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  const body = await readBody(req)
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
  return new Request(url, { method: req.method ?? 'GET', headers, body })
}

async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer())
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => (headers[name] = value))
  headers['cache-control'] = 'no-store'
  headers['content-security-policy'] = API_RESPONSE_CSP
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

function pathOf(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? '/', 'http://localhost').pathname
  } catch {
    return ''
  }
}

async function answerApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Reads too: in live mode they spend the account's token, and the mock behaves alike.
  refuseCrossSite(req)
  const response = await getResponse(handlers, await toFetchRequest(req))
  if (response) await sendResponse(res, response)
  else sendJson(res, 404, { message: 'Not found' })
}

async function reset(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') {
    sendJson(res, 405, { message: 'Method Not Allowed' }, { allow: 'POST' })
    return
  }
  refuseCrossSite(req)
  req.resume()
  try {
    await change(
      () => {
        db.reset()
      },
      () => true,
    )
  } catch (error) {
    if (!(error instanceof SaveFailed)) throw error
    console.error('[mock backend] could not save the reset, so kept the data:', error.cause)
    sendJson(res, 500, { message: error.message })
    return
  }
  res.writeHead(204, { 'cache-control': 'no-store' }).end()
}

export function createMockMiddleware(options: MockMiddlewareOptions = {}): Middleware {
  const { persistFile, allowedHosts } = options
  setMockConfig({ latencyMs: options.latencyMs ?? 0, apiToken: options.apiToken ?? null })
  if (persistFile !== undefined) loadPersisted(persistFile)
  const write = options.writeSnapshot ?? writeSnapshotFile
  setSaver(persistFile === undefined ? null : (snapshot) => write(persistFile, snapshot))

  return (req, res, next) => {
    const path = pathOf(req)
    const api = path === API_BASE || path.startsWith(`${API_BASE}/`)
    if (!api && path !== HEALTH_PATH && path !== RESET_PATH) {
      next()
      return
    }
    if (allowedHosts !== undefined && !acceptHost(req, res, allowedHosts)) return
    if (path === HEALTH_PATH) {
      sendJson(res, 200, { status: 'ok' })
      return
    }
    Promise.resolve()
      .then(() => (api ? answerApi(req, res) : reset(req, res)))
      .catch((error: unknown) => {
        if (error instanceof Refusal) {
          sendRefusal(req, res, error)
          return
        }
        console.error('[mock backend]', error)
        if (res.headersSent) res.destroy()
        else sendJson(res, 500, { message: 'Mock backend error' })
      })
  }
}
