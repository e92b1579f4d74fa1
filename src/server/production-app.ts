// The production request handler: security headers on every response, the live proxy
// on /api/v1, the built app for everything else. No mock code is reachable from here.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { checklistElement, type ChecklistConfig } from '../features/checklist/checklist-config.ts'
import { createSignIn, type SignInSettings } from './auth/middleware.ts'
import { stylesheetsOf } from './auth/sign-in-page.ts'
import type { Database } from './db/types.ts'
import type { LiveConfig } from './live-config.ts'
import { mountHistory } from './history/mount.ts'
import { readerOverUpstream } from './history/readers.ts'
import { createLiveProxy } from './live-proxy.ts'
import { createPrerenderer, type Prerenderer } from './prerender.tsx'
import { acceptHost, type Middleware } from './request-guards.ts'
import { applySecurityHeaders } from './security-headers.ts'
import { serveStatic } from './static-files.ts'
import { createUpstream, describeError, type UpstreamOptions } from './upstream.ts'
import { createUpstreamReader } from './upstream-reader.ts'

export interface ProductionOptions {
  /** The built app (dist/); without it, only the API is served (anything else is 404). */
  root?: string
  /** The live proxy; it leaves everything outside /api/v1 to the static files. */
  api: Middleware
  /** Host names (no port) the server answers to. */
  allowedHosts: ReadonlySet<string>
  /** Compress the build's text files at start rather than on first request (default true). */
  warmCompression?: boolean
  /** Renders the property page on the server (src/server/prerender.tsx). */
  prerender?: Prerenderer
  /** A team's roster checklist (ROSTER_CHECKLIST), sent with every page; the defaults without. */
  checklist?: ChecklistConfig
  /** Sign-in (src/server/auth/middleware.ts), in front of the API and the pages. */
  signIn?: Middleware
}

export { allowedHostsFrom, DEFAULT_ALLOWED_HOSTS } from './request-guards.ts'

export function createProductionHandler(options: ProductionOptions) {
  const { root } = options
  const serveFile =
    root === undefined
      ? (_req: IncomingMessage, res: ServerResponse) => {
          res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not Found')
        }
      : serveStatic(root, {
          warm: options.warmCompression ?? true,
          prerender: options.prerender,
          pageAddition: options.checklist ? checklistElement(options.checklist) : '',
        })
  return (req: IncomingMessage, res: ServerResponse): void => {
    applySecurityHeaders(res)
    if (!acceptHost(req, res, options.allowedHosts)) return
    const serve = () => {
      options.api(req, res, () => {
        serveFile(req, res)
      })
    }
    if (options.signIn) options.signIn(req, res, serve)
    else serve()
  }
}

export interface LiveAppOptions extends UpstreamOptions {
  root: string
  config: LiveConfig
  allowedHosts: ReadonlySet<string>
  /** How long server rendering waits for the page's reads; 0 turns it off. */
  prerenderTimeoutMs: number
  warmCompression?: boolean
  /** A team's roster checklist (ROSTER_CHECKLIST); the defaults without. */
  checklist?: ChecklistConfig
  /** Accounts and sessions (and the change history). */
  db: Database
  /**
   * Who may sign in how (TRUST_PROXY, TRUSTED_IDENTITY_HEADER). `false` leaves sign-in
   * out: only for tests of the proxy alone; production.ts always passes settings.
   */
  signIn: Omit<SignInSettings, 'stylesheets'> | false
}

/**
 * Roster in production (`npm run serve`): the built app, the live proxy, and the
 * property page rendered on the server. The proxy and the renderer reach Open To
 * Close through one guarded upstream, so they share its headers, its refusal to
 * follow redirects, its deadline, body cap and redaction; a rendered page that would
 * carry the token in any spelling is not sent.
 */
export function createLiveApp(options: LiveAppOptions) {
  const upstream = createUpstream(options.config, options)
  const prerender =
    options.prerenderTimeoutMs === 0
      ? undefined
      : createPrerenderer({
          api: createUpstreamReader(upstream),
          timeoutMs: options.prerenderTimeoutMs,
          checklist: options.checklist,
          containsSecret: upstream.redactor.leaksInHtml,
          log: (line) => {
            upstream.log(`server rendering: ${line}`)
          },
          onError: (error) => {
            upstream.log(`server rendering failed: ${describeError(error)}`)
          },
        })
  const proxy = createLiveProxy(options.config, { upstream })
  const { db } = options
  return createProductionHandler({
    root: options.root,
    // Every change through the proxy is recorded, by the person sign-in established.
    api: mountHistory(proxy, {
      db: () => Promise.resolve(db),
      reader: readerOverUpstream(upstream),
      proxyOffersBeforeState: true,
    }),
    allowedHosts: options.allowedHosts,
    warmCompression: options.warmCompression,
    prerender,
    checklist: options.checklist,
    signIn:
      options.signIn === false
        ? undefined
        : createSignIn(options.db, {
            ...options.signIn,
            stylesheets: stylesheetsOf(options.root),
          }),
  })
}
