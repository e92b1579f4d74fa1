// The production request handler: security headers on every response, the live proxy
// on /api/v1, the built app for everything else. No mock code is reachable from here.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Middleware } from './live-proxy.ts'
import type { Prerenderer } from './prerender.tsx'
import { applySecurityHeaders } from './security-headers.ts'
import { serveStatic } from './static-files.ts'

export interface ProductionOptions {
  /** The built app (dist/). */
  root: string
  /** The live proxy; it leaves everything outside /api/v1 to the static files. */
  api: Middleware
  /** Host names (no port) the server answers to. */
  allowedHosts: ReadonlySet<string>
  /** Compress the build's text files at start rather than on first request (default true). */
  warmCompression?: boolean
  /** Renders the property page on the server (src/server/prerender.tsx). */
  prerender?: Prerenderer
}

export const DEFAULT_ALLOWED_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]']

/**
 * Host names to accept: loopback, the host the server binds (unless it is a wildcard)
 * and a comma-separated ALLOWED_HOSTS, for a public name behind a reverse proxy.
 */
export function allowedHostsFrom(bindHost: string, extra: string | undefined): Set<string> {
  const hosts = new Set(DEFAULT_ALLOWED_HOSTS)
  const bind = bindHost.includes(':') && !bindHost.startsWith('[') ? `[${bindHost}]` : bindHost
  if (bind !== '0.0.0.0' && bind !== '[::]') hosts.add(bind.toLowerCase())
  for (const name of (extra ?? '').split(',')) {
    if (name.trim() !== '') hosts.add(name.trim().toLowerCase())
  }
  return hosts
}

/** The Host header's name without its port; undefined when it is missing or malformed. */
function hostName(req: IncomingMessage): string | undefined {
  const host = req.headers.host
  if (host === undefined || host === '') return undefined
  try {
    return new URL(`http://${host}`).hostname.toLowerCase()
  } catch {
    return undefined
  }
}

export function createProductionHandler(options: ProductionOptions) {
  const serveFile = serveStatic(options.root, {
    warm: options.warmCompression ?? true,
    prerender: options.prerender,
  })
  return (req: IncomingMessage, res: ServerResponse): void => {
    applySecurityHeaders(res)
    // DNS rebinding: a page on evil.example whose name now points at 127.0.0.1 would
    // be "same origin" with us and could use the proxy, and the token, freely.
    const host = hostName(req)
    if (host === undefined || !options.allowedHosts.has(host)) {
      res
        .writeHead(421, { 'content-type': 'text/plain; charset=utf-8' })
        .end('This host name is not served here; add it to ALLOWED_HOSTS if it should be.')
      return
    }
    options.api(req, res, () => {
      serveFile(req, res)
    })
  }
}
