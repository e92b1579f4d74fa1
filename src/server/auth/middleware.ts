// The sign-in layer of the production server: nothing past it (the pages, /api/v1, any
// other path) is served until the request is from someone signed in, and it tells the
// rest of the server who (identity.ts). It answers /sign-in, /sign-out and
// /auth/session itself; the sign-in page's stylesheet and icon are the only files
// served to anyone.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Database } from '../db/types.ts'
import { isSameOriginRequest, sendJson, type Middleware } from '../request-guards.ts'
import { setPerson, type Person } from './identity.ts'
import { verifyPassword } from './passwords.ts'
import { createRateLimiter, DEFAULT_RATE_LIMIT, type RateLimitPolicy } from './rate-limit.ts'
import { createSessionStore, DEFAULT_SESSION_POLICY, type SessionPolicy } from './sessions.ts'
import { renderSignInPage } from './sign-in-page.ts'
import {
  clientAddress,
  isSecureRequest,
  NO_PROXIES,
  parseTrustProxy,
  type TrustedProxies,
} from './trusted-proxy.ts'
import { createUserStore, parseEmail } from './users.ts'

export interface SignInSettings {
  proxies: TrustedProxies
  /** Lower-case header name (x-forwarded-email): the person, when a trusted proxy sends it. */
  identityHeader?: string
  /** The app's stylesheets, for the sign-in page. */
  stylesheets?: readonly string[]
  sessions?: SessionPolicy
  rateLimit?: RateLimitPolicy
  now?: () => Date
  log?: (line: string) => void
}

export type SignInSettingsResult =
  { ok: true; settings: SignInSettings; warnings: string[] } | { ok: false; problem: string }

export function signInSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): SignInSettingsResult {
  const trust = parseTrustProxy(env.TRUST_PROXY)
  if (!trust.ok) return trust
  const header = env.TRUSTED_IDENTITY_HEADER?.trim().toLowerCase() ?? ''
  const warnings: string[] = []
  if (header !== '' && !/^[a-z0-9-]+$/.test(header)) {
    return { ok: false, problem: `TRUSTED_IDENTITY_HEADER is not a header name: ${header}` }
  }
  if (header !== '' && trust.proxies.empty) {
    warnings.push(
      `TRUSTED_IDENTITY_HEADER (${header}) is ignored: TRUST_PROXY lists no proxy it may come from, so everyone signs in with an account`,
    )
  }
  return {
    ok: true,
    settings: {
      proxies: trust.proxies,
      identityHeader: header === '' || trust.proxies.empty ? undefined : header,
    },
    warnings,
  }
}

/** Secure cookies need `Secure`, and `__Host-` needs it too (see docs/decisions/007). */
const SECURE_COOKIE = '__Host-roster-session'
const PLAIN_COOKIE = 'roster-session'
/**
 * Who is signed in, for the page's header ("Signed in as Dana Lee"): readable by the
 * page's script, so it needs no request at start (a server-rendered page hydrates
 * without one). It holds a display name, never anything that signs in.
 */
export const WHO_COOKIE = 'roster-who'
const SAME_MESSAGE = 'That email and password do not match an account here.'
const SIGNED_OUT_MESSAGE = 'Sign in to use Roster.'
const MAX_FORM_BYTES = 8 * 1024
const PUBLIC_FILES = new Set(['/favicon.svg'])

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=')
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim()
  }
  return undefined
}

/**
 * A local path to go to after signing in; anything else (another origin, `//host`,
 * `/\host`, the sign-in page itself) is the property list.
 */
export function localPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/'
  if (/[\p{Cc}\\]/u.test(next)) return '/'
  try {
    const url = new URL(next, 'http://roster.invalid')
    if (url.origin !== 'http://roster.invalid' || url.pathname.startsWith('/sign-')) return '/'
    return `${url.pathname}${url.search}${url.hash}`
  } catch {
    return '/'
  }
}

class BodyTooLarge extends Error {}

async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  const type = req.headers['content-type'] ?? ''
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) return undefined
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > MAX_FORM_BYTES) throw new BodyTooLarge()
    chunks.push(buffer)
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
}

function sendPage(res: ServerResponse, status: number, html: string, headers = {}): void {
  res.writeHead(status, {
    ...headers,
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
  })
  res.end(html)
}

function redirect(res: ServerResponse, location: string, headers = {}): void {
  res.writeHead(303, { ...headers, location, 'cache-control': 'no-store' }).end()
}

/** The value of a header that must appear at most once; undefined when missing or repeated. */
function single(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return typeof value === 'string' ? value : undefined
}

export function createSignIn(db: Database, settings: SignInSettings): Middleware {
  const now = settings.now ?? (() => new Date())
  const policy = settings.sessions ?? DEFAULT_SESSION_POLICY
  const users = createUserStore(db)
  const sessions = createSessionStore(db, policy, now)
  const limiter = createRateLimiter(db, settings.rateLimit ?? DEFAULT_RATE_LIMIT, now)
  const proxies = settings.proxies
  const stylesheets = settings.stylesheets ?? []
  const log =
    settings.log ??
    ((line: string) => {
      console.log(`[sign-in] ${line}`)
    })
  const publicFiles = new Set([...PUBLIC_FILES, ...stylesheets])

  const cookieName = (req: IncomingMessage) =>
    isSecureRequest(req, proxies) ? SECURE_COOKIE : PLAIN_COOKIE
  const cookie = (req: IncomingMessage, value: string, maxAgeSeconds: number, name?: string) => {
    const secure = isSecureRequest(req, proxies)
    return [
      `${name ?? (secure ? SECURE_COOKIE : PLAIN_COOKIE)}=${value}`,
      'Path=/',
      ...(name === undefined ? ['HttpOnly'] : []),
      'SameSite=Lax',
      `Max-Age=${maxAgeSeconds}`,
      ...(secure ? ['Secure'] : []),
    ].join('; ')
  }
  const maxAge = Math.floor(policy.absoluteMs / 1000)

  /** Who the request is from: a trusted proxy's header, else the session, else nobody. */
  const whoIs = async (
    req: IncomingMessage,
  ): Promise<{ person: Person; via: 'proxy' | 'session' } | undefined> => {
    if (settings.identityHeader !== undefined && proxies.has(req.socket.remoteAddress)) {
      const value = single(req, settings.identityHeader)?.trim()
      if (value && value.length <= 320 && !/\p{Cc}/u.test(value)) {
        return { person: { id: value.toLowerCase(), name: value }, via: 'proxy' }
      }
    }
    const id = cookieValue(req, cookieName(req))
    const signedIn = id === undefined ? undefined : await sessions.lookup(id)
    return signedIn && { person: { id: signedIn.email, name: signedIn.name }, via: 'session' }
  }

  const page = (req: IncomingMessage, res: ServerResponse, notice: string | undefined) => {
    const next = localPath(
      new URL(req.url ?? '/', 'http://roster.invalid').searchParams.get('next'),
    )
    sendPage(res, 200, renderSignInPage({ stylesheets, next, notice }))
  }

  const signIn = async (req: IncomingMessage, res: ServerResponse) => {
    const form = await readForm(req)
    if (form === undefined) {
      sendPage(
        res,
        415,
        renderSignInPage({ stylesheets, next: '/', error: 'Send the form as a form.' }),
      )
      return
    }
    const next = localPath(form.get('next'))
    const typed = form.get('email') ?? ''
    const password = form.get('password') ?? ''
    const parsed = parseEmail(typed)
    const email = parsed.ok ? parsed.email : typed.trim().toLowerCase().slice(0, 320)
    const attempt = { email, address: clientAddress(req, proxies) }
    const again = (status: number, error: string) => {
      sendPage(res, status, renderSignInPage({ stylesheets, next, email: typed, error }))
    }
    if (await limiter.blocked(attempt)) {
      log(`sign-in refused (too many failures) for ${email} from ${attempt.address}`)
      again(429, 'Too many failed sign-ins. Wait 15 minutes, then try again.')
      return
    }
    const user = parsed.ok ? await users.find(email) : undefined
    // Checked against a dummy hash when there is no such account: the same time, the same answer.
    if (!(await verifyPassword(password, user?.passwordHash)) || user === undefined) {
      await limiter.fail(attempt)
      log(`sign-in failed for ${email} from ${attempt.address}`)
      again(401, SAME_MESSAGE)
      return
    }
    await limiter.succeed(attempt)
    // Always a new id: one planted in the browser before sign-in is never promoted.
    const old = cookieValue(req, cookieName(req))
    if (old !== undefined) await sessions.destroy(old)
    const id = await sessions.create(user.email)
    log(`signed in: ${user.email} from ${attempt.address}`)
    redirect(res, next, { 'set-cookie': cookie(req, id, maxAge) })
  }

  const signOut = async (req: IncomingMessage, res: ServerResponse) => {
    const id = cookieValue(req, cookieName(req))
    if (id !== undefined) await sessions.destroy(id)
    req.resume()
    redirect(res, '/sign-in?signed-out=1', {
      'set-cookie': [cookie(req, '', 0), cookie(req, '', 0, WHO_COOKIE)],
    })
  }

  const handle = async (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const url = new URL(req.url ?? '/', 'http://roster.invalid')
    const path = url.pathname
    const method = req.method ?? 'GET'
    const reading = method === 'GET' || method === 'HEAD'

    if (path === '/sign-in' || path === '/sign-out') {
      if (!reading && !isSameOriginRequest(req)) {
        req.resume()
        sendJson(res, 403, { message: 'Requests from other sites are refused.' })
        return
      }
      if (path === '/sign-out' && method === 'POST') {
        await signOut(req, res)
      } else if (path === '/sign-in' && method === 'POST') {
        await signIn(req, res)
      } else if (path === '/sign-in' && reading) {
        if (await whoIs(req)) redirect(res, localPath(url.searchParams.get('next')))
        else page(req, res, url.searchParams.has('signed-out') ? 'You are signed out.' : undefined)
      } else {
        req.resume()
        const allow = path === '/sign-in' ? 'GET, HEAD, POST' : 'POST'
        sendJson(res, 405, { message: 'Not allowed here.' }, { allow })
      }
      return
    }
    if (reading && publicFiles.has(path)) {
      next()
      return
    }

    const who = await whoIs(req)
    if (path === '/auth/session') {
      if (who) sendJson(res, 200, { id: who.person.id, name: who.person.name, via: who.via })
      else sendJson(res, 401, { message: SIGNED_OUT_MESSAGE })
    } else if (who) {
      setPerson(req, who.person)
      if (reading && !path.startsWith('/api/')) {
        const shown = encodeURIComponent(JSON.stringify({ name: who.person.name, via: who.via }))
        if (cookieValue(req, WHO_COOKIE) !== shown) {
          res.setHeader('set-cookie', cookie(req, shown, maxAge, WHO_COOKIE))
        }
      }
      next()
    } else if (reading && !path.startsWith('/api/')) {
      req.resume()
      redirect(res, `/sign-in?next=${encodeURIComponent(`${path}${url.search}`)}`)
    } else {
      req.resume()
      sendJson(res, 401, { message: SIGNED_OUT_MESSAGE })
    }
  }

  return (req, res, next) => {
    handle(req, res, next).catch((error: unknown) => {
      if (error instanceof BodyTooLarge) {
        req.resume()
        if (!res.headersSent) sendJson(res, 413, { message: 'The form is too large.' })
        return
      }
      log(`sign-in layer failed: ${error instanceof Error ? error.message : String(error)}`)
      if (!res.headersSent) {
        sendJson(res, 503, { message: 'Signing in is not available right now. Try again shortly.' })
      }
    })
  }
}

export { NO_PROXIES }
