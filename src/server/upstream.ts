// The one way Roster's server reaches Open To Close. The live proxy (browser requests
// on /api/v1) and server rendering (the property page's reads) both call `call`, so
// what protects the token cannot drift apart between them: only the Property Contacts
// API's own routes, the token added here and nowhere else (a client's own replaced),
// only Accept and Content-Type sent, no redirect followed, a deadline, a cap on the
// answer counted while it streams in, and the token redacted from whatever comes back.
import type { ApiMethod } from './api-routes.ts'
import type { LiveConfig } from './live-config.ts'
import { createRedactor, type Redactor } from './redact.ts'
import { Refusal } from './request-guards.ts'

export interface UpstreamOptions {
  /** Defaults to the global fetch, looked up per call (so test interceptors apply). */
  fetch?: typeof fetch
  /** Where trouble is reported; every line is redacted first. */
  log?: (line: string) => void
  /** The largest answer accepted, in bytes (default MAX_UPSTREAM_BODY_BYTES). */
  maxBodyBytes?: number
}

/**
 * A roster of a few thousand links is well under 2 MB of JSON; past this the
 * upstream is misbehaving, and holding its answer would only cost the server memory.
 */
export const MAX_UPSTREAM_BODY_BYTES = 8 * 1024 * 1024

export interface UpstreamCall {
  method: ApiMethod
  /** Below the API base: `/properties/12/contacts`. */
  path: string
  /** The caller's query; any token-like parameter is dropped and ours set. */
  query: URLSearchParams
  /** A JSON body for POST and PUT. */
  body?: Uint8Array
  /** The caller giving up (a browser that went away, a render's deadline). */
  signal?: AbortSignal
}

export type UpstreamAnswer =
  | {
      ok: true
      status: number
      /** Only the headers a browser may see (type, rate limits), redacted. */
      headers: Record<string, string>
      /** Redacted. */
      body: Buffer
      /** True when the answer held the token and had it replaced. */
      redacted: boolean
    }
  | { ok: false; status: 502 | 504; message: string }

export interface Upstream {
  call(request: UpstreamCall): Promise<UpstreamAnswer>
  redactor: Redactor
  /** Logs one line, redacted. */
  log(line: string): void
}

/** Query names the API could mean; `api.token` or `api_token[]` (PHP reads both as api_token) are not. */
const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9_]*$/
const TOKEN_PARAM = 'api_token'
/** Any spelling of the token parameter a client might try, in any case. */
const TOKEN_LIKE = /api.?token/i

/** Allowed as a name (query parameter or top-level body field) to pass upstream. */
function forwardableName(name: string): boolean {
  return PARAMETER_NAME.test(name) && !TOKEN_LIKE.test(name)
}

/** What a browser may learn from the upstream's headers: the body's type and rate limits. */
const PASSED_BACK_HEADERS = [
  'content-type',
  'retry-after',
  'x-ratelimit-retry-after',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
]

/** The client's query minus any token it sent; ours is set last, where it wins. */
function forwardedQuery(incoming: URLSearchParams, apiKey: string) {
  const query = new URLSearchParams()
  let droppedToken = false
  for (const [name, value] of incoming) {
    if (TOKEN_LIKE.test(name)) droppedToken = true
    else if (forwardableName(name)) query.append(name, value)
  }
  query.set(TOKEN_PARAM, apiKey)
  return { query, droppedToken }
}

/**
 * A JSON body with the fields the API cannot mean removed, as the query's are:
 * `_method` (which Laravel-style frameworks honour as a method override, turning a
 * PUT into a DELETE), `api_token` and anything else that is not a plain field name.
 */
function forwardedBody(body: Uint8Array): { body: Uint8Array; dropped: string[] } {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(body).toString('utf8'))
  } catch {
    throw new Refusal(400, 'The request body is not valid JSON.')
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { body, dropped: [] }
  const dropped = Object.keys(value).filter((name) => !forwardableName(name))
  if (dropped.length === 0) return { body, dropped }
  const kept = Object.fromEntries(Object.entries(value).filter(([name]) => forwardableName(name)))
  return { body: new TextEncoder().encode(JSON.stringify(kept)), dropped }
}

function upstreamUrl(base: URL, path: string, query: URLSearchParams): URL {
  const url = new URL(base.href)
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`
  url.search = query.toString()
  return url
}

class TooLarge extends Error {}

/**
 * The whole body, refused as soon as it passes `limit` bytes (declared or counted);
 * the caller then aborts the request, which stops the download.
 */
async function readCapped(response: Response, limit: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? 0)
  if (declared > limit) throw new TooLarge()
  if (response.body === null) return Buffer.alloc(0)
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) throw new TooLarge()
    chunks.push(value)
  }
  return Buffer.concat(chunks, size)
}

export function createUpstream(config: LiveConfig, options: UpstreamOptions = {}): Upstream {
  const redactor = createRedactor(config.apiKey)
  const maxBodyBytes = options.maxBodyBytes ?? MAX_UPSTREAM_BODY_BYTES
  const log = (line: string) => {
    ;(options.log ?? ((text: string) => console.warn(text)))(redactor.text(`[live API] ${line}`))
  }

  async function call(request: UpstreamCall): Promise<UpstreamAnswer> {
    const { method, path } = request
    const label = `${method} ${path}`
    const { query, droppedToken } = forwardedQuery(request.query, config.apiKey)
    if (droppedToken) log(`dropped an api_token the client sent with ${label}`)
    let body: Uint8Array | undefined
    if (request.body !== undefined) {
      const forwarded = forwardedBody(request.body)
      if (forwarded.dropped.length > 0) {
        log(`dropped ${forwarded.dropped.join(', ')} from the body of ${label}`)
      }
      body = forwarded.body
    }
    const target = upstreamUrl(
      method === 'POST' ? config.writeBaseUrl : config.baseUrl,
      path,
      query,
    )
    // Only what the API needs: no cookies, no authorization, no client addresses.
    const headers: Record<string, string> = { accept: 'application/json' }
    if (body !== undefined) headers['content-type'] = 'application/json'

    const timeout = AbortSignal.timeout(config.timeoutMs)
    const stop = new AbortController()
    const signal = AbortSignal.any(
      request.signal ? [timeout, stop.signal, request.signal] : [timeout, stop.signal],
    )
    let response: Response
    let bytes: Buffer
    try {
      const doFetch = options.fetch ?? globalThis.fetch
      response = await doFetch(target, {
        method,
        headers,
        body: body === undefined ? undefined : new Uint8Array(body),
        // A redirect would carry the token along, to wherever it points.
        redirect: 'manual',
        signal,
      })
      bytes = await readCapped(response, maxBodyBytes)
    } catch (error) {
      stop.abort()
      if (request.signal?.aborted) throw request.signal.reason
      if (error instanceof TooLarge) {
        log(`the Open To Close API's answer to ${label} is over ${maxBodyBytes} bytes; dropped`)
        return {
          ok: false,
          status: 502,
          message: 'The Open To Close API sent a far larger answer than expected. Try again later.',
        }
      }
      if (timeout.aborted) {
        log(`no answer from the Open To Close API within ${config.timeoutMs} ms for ${label}`)
        return {
          ok: false,
          status: 504,
          message: `The Open To Close API did not answer within ${describeDuration(config.timeoutMs)}. Try again in a moment.`,
        }
      }
      log(`could not reach the Open To Close API for ${label}: ${describeError(error)}`)
      return {
        ok: false,
        status: 502,
        message: 'Could not reach the Open To Close API. Try again in a moment.',
      }
    }

    // fetch answers a manual redirect as an opaque response (type "opaqueredirect",
    // status 0) in browsers, and as the 3xx itself in Node: neither is followed.
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      log(`the Open To Close API redirected ${label} (HTTP ${response.status}); not followed`)
      return {
        ok: false,
        status: 502,
        message:
          'The Open To Close API answered with a redirect instead of data: the API token may be wrong or expired.',
      }
    }
    if (response.status === 401 || response.status === 403) {
      log(`the Open To Close API refused the token (HTTP ${response.status}) for ${label}`)
    } else if (response.status >= 500) {
      log(`the Open To Close API answered HTTP ${response.status} for ${label}`)
    }
    const passed: Record<string, string> = {}
    for (const name of PASSED_BACK_HEADERS) {
      const value = response.headers.get(name)
      if (value !== null) passed[name] = redactor.text(value)
    }
    const safeBody = redactor.bytes(bytes)
    const redacted = safeBody !== bytes
    if (redacted) log(`the Open To Close API's answer to ${label} held the API token; redacted`)
    return { ok: true, status: response.status, headers: passed, body: safeBody, redacted }
  }

  return { call, redactor, log }
}

export function describeDuration(ms: number): string {
  return ms < 1000 || ms % 1000 !== 0 ? `${ms} ms` : `${ms / 1000} seconds`
}

/** fetch's "fetch failed" hides the reason (ECONNREFUSED, ENOTFOUND) in its cause. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause: unknown = error.cause
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message
}
