// The server side of /api/v1 in live mode: forwards the Property Contacts API's own
// requests to Open To Close and adds the account's token as the `api_token` query
// parameter, the way the live API authenticates. The token exists only here: the
// browser never sends it, never receives it, and never sees a URL that holds it.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { matchApiRoute, type ApiMethod } from './api-routes.ts'
import type { LiveConfig } from './live-config.ts'
import { createRedactor } from './redact.ts'

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

export interface LiveProxyOptions {
  /** Defaults to the global fetch, looked up per call (so test interceptors apply). */
  fetch?: typeof fetch
  /** Where the proxy reports trouble; every line is redacted first. */
  log?: (line: string) => void
}

export const API_PREFIX = '/api/v1'

const MAX_REQUEST_BODY_BYTES = 1024 * 1024

/** Query names the API could mean; `api.token` or `api_token[]` (PHP reads both as api_token) are not. */
const QUERY_NAME = /^[A-Za-z][A-Za-z0-9_]*$/
const TOKEN_PARAM = 'api_token'
/** Any spelling of the token parameter a client might try, in any case. */
const TOKEN_LIKE = /api.?token/i

/** What a browser may learn from the upstream's headers: the body's type and rate limits. */
const PASSED_BACK_HEADERS = [
  'content-type',
  'retry-after',
  'x-ratelimit-retry-after',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
]

/**
 * API responses are data, never a page: if the upstream answers with HTML (a login
 * page when a session expires), it renders inert even when opened directly.
 */
const API_RESPONSE_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox"

/** A request the proxy answers itself, without contacting the upstream. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: { message: string },
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'content-security-policy': API_RESPONSE_CSP,
  })
  res.end(text)
}

/**
 * The proxy acts with the account's token, so another site must not be able to make
 * the coordinator's browser use it (CSRF, or a page on another localhost port). Fetch
 * metadata says where a request comes from; Origin is the fallback for old browsers.
 */
function refuseCrossSite(req: IncomingMessage): void {
  const site = req.headers['sec-fetch-site']
  if (site !== undefined) {
    if (site !== 'same-origin' && site !== 'none') {
      throw new Refusal(403, 'Requests from other sites are refused.')
    }
    return
  }
  const origin = req.headers.origin
  if (origin === undefined) return
  let originHost: string | undefined
  try {
    originHost = new URL(origin).host
  } catch {
    originHost = undefined
  }
  if (originHost !== req.headers.host) {
    throw new Refusal(403, 'Requests from other sites are refused.')
  }
}

async function readJsonBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const type = req.headers['content-type'] ?? ''
  // JSON also keeps cross-site "simple" form posts out: they cannot set this type.
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new Refusal(415, 'Send the request body as application/json.')
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > MAX_REQUEST_BODY_BYTES) throw new Refusal(413, 'The request body is too large.')
    chunks.push(buffer)
  }
  return new Uint8Array(Buffer.concat(chunks))
}

/** The client's query minus any token it sent; ours is set last, where it wins. */
function forwardedQuery(
  incoming: URLSearchParams,
  apiKey: string,
): { query: URLSearchParams; droppedToken: boolean } {
  const query = new URLSearchParams()
  let droppedToken = false
  for (const [name, value] of incoming) {
    if (TOKEN_LIKE.test(name)) droppedToken = true
    else if (QUERY_NAME.test(name)) query.append(name, value)
  }
  query.set(TOKEN_PARAM, apiKey)
  return { query, droppedToken }
}

function upstreamUrl(base: URL, path: string, query: URLSearchParams): URL {
  const url = new URL(base.href)
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`
  url.search = query.toString()
  return url
}

export function createLiveProxy(config: LiveConfig, options: LiveProxyOptions = {}): Middleware {
  const redact = createRedactor(config.apiKey)
  const log = (line: string) => {
    ;(options.log ?? ((text: string) => console.warn(text)))(redact.text(`[live proxy] ${line}`))
  }

  async function forward(
    req: IncomingMessage,
    res: ServerResponse,
    method: ApiMethod,
    path: string,
    url: URL,
  ): Promise<void> {
    const label = `${method} ${path}`
    const body = method === 'POST' || method === 'PUT' ? await readJsonBody(req) : undefined
    const { query, droppedToken } = forwardedQuery(url.searchParams, config.apiKey)
    if (droppedToken) log(`dropped an api_token the client sent with ${label}`)
    const target = upstreamUrl(
      method === 'POST' ? config.writeBaseUrl : config.baseUrl,
      path,
      query,
    )

    // Only what the API needs: no cookies, no authorization, no client addresses.
    const headers: Record<string, string> = { accept: 'application/json' }
    if (body !== undefined) headers['content-type'] = 'application/json'

    const timeout = AbortSignal.timeout(config.timeoutMs)
    // A browser that gave up (navigation, react-query cancel) needs no answer.
    const client = new AbortController()
    const clientGone = () => {
      client.abort()
    }
    res.once('close', clientGone)

    let response: Response
    let bytes: Buffer
    try {
      const doFetch = options.fetch ?? globalThis.fetch
      response = await doFetch(target, {
        method,
        headers,
        body,
        // A redirect would carry the token along, and its Location would show it.
        redirect: 'manual',
        signal: AbortSignal.any([timeout, client.signal]),
      })
      bytes = Buffer.from(await response.arrayBuffer())
    } catch (error) {
      if (timeout.aborted) {
        log(`no answer from the Open To Close API within ${config.timeoutMs} ms for ${label}`)
        sendJson(res, 504, {
          message: `The Open To Close API did not answer within ${describeDuration(config.timeoutMs)}. Try again in a moment.`,
        })
      } else if (!res.destroyed) {
        log(`could not reach the Open To Close API for ${label}: ${describeError(error)}`)
        sendJson(res, 502, {
          message: 'Could not reach the Open To Close API. Try again in a moment.',
        })
      }
      return
    } finally {
      res.off('close', clientGone)
    }

    if (response.status >= 300 && response.status < 400) {
      log(`the Open To Close API redirected ${label} (HTTP ${response.status}); not followed`)
      sendJson(res, 502, {
        message:
          'The Open To Close API answered with a redirect instead of data: the API token may be wrong or expired.',
      })
      return
    }
    if (response.status === 401 || response.status === 403) {
      log(`the Open To Close API refused the token (HTTP ${response.status}) for ${label}`)
    } else if (response.status >= 500) {
      log(`the Open To Close API answered HTTP ${response.status} for ${label}`)
    }

    const out: Record<string, string> = {
      'cache-control': 'no-store',
      'content-security-policy': API_RESPONSE_CSP,
    }
    for (const name of PASSED_BACK_HEADERS) {
      const value = response.headers.get(name)
      if (value !== null) out[name] = redact.text(value)
    }
    const safeBody = redact.bytes(bytes)
    if (response.status !== 204) out['content-length'] = String(safeBody.length)
    res.writeHead(response.status, out)
    res.end(response.status === 204 ? undefined : safeBody)
  }

  return (req, res, next) => {
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://proxy.invalid')
    } catch {
      next()
      return
    }
    if (url.pathname !== API_PREFIX && !url.pathname.startsWith(`${API_PREFIX}/`)) {
      next()
      return
    }
    const path = url.pathname.slice(API_PREFIX.length)
    const route = matchApiRoute(req.method ?? 'GET', path)
    if (route.kind === 'not-found') {
      sendJson(res, 404, { message: 'Not found' })
      return
    }
    if (route.kind === 'method-not-allowed') {
      sendJson(res, 405, { message: 'Method Not Allowed' }, { allow: route.allow.join(', ') })
      return
    }
    Promise.resolve()
      .then(() => {
        refuseCrossSite(req)
        return forward(req, res, route.method, path, url)
      })
      .catch((error: unknown) => {
        if (error instanceof Refusal) {
          if (!res.headersSent) sendJson(res, error.status, { message: error.message })
          // The rest of a refused body is not worth reading.
          req.resume()
          return
        }
        log(`failed on ${req.method ?? 'GET'} ${path}: ${describeError(error)}`)
        if (res.headersSent) res.destroy()
        else sendJson(res, 500, { message: 'The live API proxy failed. Try again in a moment.' })
      })
  }
}

function describeDuration(ms: number): string {
  return ms < 1000 || ms % 1000 !== 0 ? `${ms} ms` : `${ms / 1000} seconds`
}

/** fetch's "fetch failed" hides the reason (ECONNREFUSED, ENOTFOUND) in its cause. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause: unknown = error.cause
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message
}
