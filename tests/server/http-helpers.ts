// Real local HTTP servers for the server-side tests: a fake Open To Close upstream that
// records what reaches it, and a way to mount a handler on 127.0.0.1.
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { http, passthrough } from 'msw'
import { server as msw } from '../../src/mocks/node'

export interface RecordedRequest {
  method: string
  /** Path and query as the upstream received them. */
  url: string
  headers: IncomingHttpHeaders
  body: string
}

export type UpstreamHandler = (request: RecordedRequest, res: ServerResponse) => void

const servers: Server[] = []

/** The test setup's MSW server intercepts fetch: let calls to local servers through. */
export function letLocalRequestsThrough(): void {
  msw.use(http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()))
}

export async function closeServers(): Promise<void> {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise((done) => {
          server.close(done)
          server.closeAllConnections()
        }),
    ),
  )
}

export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<string> {
  const server = createServer(handler)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

export interface FakeUpstream {
  origin: string
  requests: RecordedRequest[]
  /** Replaces how the upstream answers (by default: 200 and `{"ok": true}`). */
  answer: (handler: UpstreamHandler) => void
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

export async function startFakeUpstream(): Promise<FakeUpstream> {
  const requests: RecordedRequest[] = []
  let handler: UpstreamHandler = (_request, res) => {
    sendJson(res, 200, { ok: true })
  }
  const origin = await listen((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      requests.push(recorded)
      handler(recorded, res)
    })
  })
  return {
    origin,
    requests,
    answer: (next) => {
      handler = next
    },
  }
}

/** A port nothing listens on: one we had and gave back. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((done) => server.close(done))
  return port
}

export interface RawResponse {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/** node:http rather than fetch, for headers fetch will not send as given (Host). */
export function rawRequest(
  url: string,
  options: {
    method?: string
    headers?: Record<string, string>
    body?: string
    setHost?: boolean
  } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: options.method ?? 'GET',
      headers: options.headers,
      setHost: options.setHost ?? true,
    })
    req.on('error', reject)
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        })
      })
    })
    req.end(options.body)
  })
}
