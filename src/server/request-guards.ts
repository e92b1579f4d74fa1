// The checks every server of Roster runs before it acts on a request: the production
// server and its live proxy, the mock backend in the Vite dev and preview servers, and
// the standalone mock server. One copy, so the demo servers are as hard to misuse from
// another site as the one holding the token.
import type { IncomingMessage, ServerResponse } from 'node:http'

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

/**
 * API responses are data, never a page: if one is HTML (a login page when a session
 * expires), it renders inert even when opened directly.
 */
export const API_RESPONSE_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox"

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
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

/** A request a server answers itself, with this status and message, without acting on it. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** Answers a refusal (when nothing was sent yet) and drops the rest of its body unread. */
export function sendRefusal(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
  if (!res.headersSent) sendJson(res, refusal.status, { message: refusal.message })
  req.resume()
}

// ---------------------------------------------------------------------------------
// Where a request comes from

/**
 * True when the request comes from this site itself (or from the user typing the
 * address): Fetch Metadata where the browser sends it, else Origin, else (an old
 * client, curl) yes. `same-site` is another origin (a sibling subdomain) and is not.
 */
export function isSameOriginRequest(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site']
  if (site !== undefined) return site === 'same-origin' || site === 'none'
  const origin = req.headers.origin
  if (origin === undefined) return true
  try {
    return new URL(origin).host === req.headers.host
  } catch {
    return false
  }
}

/**
 * The servers act for the coordinator (and in live mode with the account's token), so
 * another site must not be able to make their browser do so: CSRF, or a page on
 * another localhost port.
 */
export function refuseCrossSite(req: IncomingMessage): void {
  if (!isSameOriginRequest(req)) throw new Refusal(403, 'Requests from other sites are refused.')
}

// ---------------------------------------------------------------------------------
// Which host names are served (DNS rebinding)

export const DEFAULT_ALLOWED_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]']

/** Lower case, IPv6 in brackets: the form `hostName` gives. */
function normalHostName(name: string): string | undefined {
  const bracketed = name.includes(':') && !name.startsWith('[') ? `[${name}]` : name
  try {
    return new URL(`http://${bracketed}`).hostname
  } catch {
    return undefined
  }
}

/**
 * Host names to accept: loopback, the host the server binds (unless it is a wildcard)
 * and a comma-separated ALLOWED_HOSTS, for a public name behind a reverse proxy.
 */
export function allowedHostsFrom(bindHost: string, extra: string | undefined): Set<string> {
  const hosts = new Set(DEFAULT_ALLOWED_HOSTS)
  const bind = normalHostName(bindHost.trim())
  if (bind !== undefined && bind !== '0.0.0.0' && bind !== '[::]') hosts.add(bind)
  for (const name of (extra ?? '').split(',')) {
    const host = name.trim() === '' ? undefined : normalHostName(name.trim())
    if (host !== undefined) hosts.add(host)
  }
  return hosts
}

/**
 * The Host header's name without its port, as a browser's URL parser reads it:
 * lower case (`LOCALHOST` is `localhost`), IPv4 in its dotted form (`127.1` and
 * `0x7f.0.0.1` are `127.0.0.1`), IPv6 in brackets. Undefined when missing or malformed.
 */
export function hostName(req: IncomingMessage): string | undefined {
  const host = req.headers.host
  if (host === undefined || host === '') return undefined
  try {
    return new URL(`http://${host}`).hostname
  } catch {
    return undefined
  }
}

/**
 * DNS rebinding: a page on evil.example whose name now points at 127.0.0.1 would be
 * "same origin" with us. Answers 421 and returns false for a host name not served.
 */
export function acceptHost(
  req: IncomingMessage,
  res: ServerResponse,
  allowedHosts: ReadonlySet<string>,
): boolean {
  const host = hostName(req)
  if (host !== undefined && allowedHosts.has(host)) return true
  req.resume()
  res
    .writeHead(421, { 'content-type': 'text/plain; charset=utf-8' })
    .end('This host name is not served here; add it to ALLOWED_HOSTS if it should be.')
  return false
}

// ---------------------------------------------------------------------------------
// Request bodies

export const MAX_REQUEST_BODY_BYTES = 1024 * 1024

/**
 * The body of a write, which must be JSON: that also keeps cross-site "simple" form
 * posts out (they cannot set this type). Refused past `maxBytes`, counted as it
 * arrives, so a huge body never sits in memory.
 */
export async function readJsonBody(
  req: IncomingMessage,
  maxBytes = MAX_REQUEST_BODY_BYTES,
): Promise<Uint8Array<ArrayBuffer>> {
  const type = req.headers['content-type'] ?? ''
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new Refusal(415, 'Send the request body as application/json.')
  }
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > maxBytes) throw new Refusal(413, 'The request body is too large.')
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > maxBytes) throw new Refusal(413, 'The request body is too large.')
    chunks.push(buffer)
  }
  return new Uint8Array(Buffer.concat(chunks))
}
