// The server side of /api/v1 in live mode: forwards the Property Contacts API's own
// requests to Open To Close through the one guarded upstream call (./upstream.ts),
// which adds the account's token as the `api_token` query parameter the live API
// expects. The token exists only on the server: the browser never sends it, never
// receives it, and never sees a URL that holds it. A link write carrying If-Match (or a
// link POST with If-None-Match: *) is checked here first, by reading the link through
// the same guarded call (./conditional-writes.ts): Open To Close ignores those headers.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { API_BASE } from '../config/paths.ts'
import { matchApiRoute, type ApiMethod } from './api-routes.ts'
import { createConditionalWrites, linkConditionOf } from './conditional-writes.ts'
import { offerBeforeState } from './history/before-state.ts'
import type { LiveConfig } from './live-config.ts'
import {
  API_RESPONSE_CSP,
  Refusal,
  readJsonBody,
  refuseCrossSite,
  sendJson,
  sendRefusal,
  type Middleware,
} from './request-guards.ts'
import { createUpstream, describeError, type Upstream, type UpstreamOptions } from './upstream.ts'

export type { Middleware } from './request-guards.ts'

export type LiveProxyOptions = UpstreamOptions & {
  /** The upstream to share with server rendering; made from `config` when absent. */
  upstream?: Upstream
}

/** The API's base path on our own origin (src/config/paths.ts). */
export const API_PREFIX = API_BASE

export function createLiveProxy(config: LiveConfig, options: LiveProxyOptions = {}): Middleware {
  const upstream = options.upstream ?? createUpstream(config, options)
  const conditional = createConditionalWrites(upstream)

  async function forward(
    req: IncomingMessage,
    res: ServerResponse,
    method: ApiMethod,
    path: string,
    url: URL,
  ): Promise<void> {
    const body = method === 'POST' || method === 'PUT' ? await readJsonBody(req) : undefined
    const condition = linkConditionOf(method, path, req.headers, body)
    if (condition?.kind === 'own') {
      sendJson(res, condition.status, condition.body, condition.headers)
      return
    }
    // A browser that gave up (navigation, react-query cancel) needs no answer.
    const client = new AbortController()
    const clientGone = () => {
      client.abort()
    }
    res.once('close', clientGone)
    const write = () =>
      upstream.call({ method, path, query: url.searchParams, body, signal: client.signal })
    let answer
    try {
      if (condition === null) {
        answer = await write()
      } else {
        // The check's read is the change's before-state: the history takes it from here.
        const result = await conditional.run(condition, client.signal, write, (link) => {
          offerBeforeState(req, link)
        })
        if (result.kind === 'own') {
          sendJson(res, result.status, result.body, result.headers)
          return
        }
        answer = result.answer
      }
    } catch (error) {
      if (client.signal.aborted) return
      throw error
    } finally {
      res.off('close', clientGone)
    }
    if (!answer.ok) {
      sendJson(res, answer.status, { message: answer.message })
      return
    }
    const headers: Record<string, string> = {
      ...answer.headers,
      'cache-control': 'no-store',
      'content-security-policy': API_RESPONSE_CSP,
    }
    if (answer.status !== 204) headers['content-length'] = String(answer.body.length)
    res.writeHead(answer.status, headers)
    res.end(answer.status === 204 ? undefined : answer.body)
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
          sendRefusal(req, res, error)
          return
        }
        upstream.log(`the proxy failed on ${req.method ?? 'GET'} ${path}: ${describeError(error)}`)
        if (res.headersSent) res.destroy()
        else sendJson(res, 500, { message: 'The live API proxy failed. Try again in a moment.' })
      })
  }
}
