// Server rendering's way to read Open To Close: the typed client, with every request
// going through the one guarded upstream call (./upstream.ts) and nothing else. Kept
// apart from upstream.ts because the typed client cannot be loaded by vite.config.ts.
import type { FetchLike } from '../api/http.ts'
import { OpenToCloseAPI } from '../api/index.ts'
import { matchApiRoute } from './api-routes.ts'
import type { Upstream } from './upstream.ts'

/** Where the upstream reader's client points; never resolved, only recognised. */
const READER_ORIGIN = 'http://open-to-close.upstream.invalid'

/**
 * The typed client, reading Open To Close through `upstream.call` and nothing else,
 * for server rendering. GETs of the API's routes only; an answer that held the token
 * counts as a failure (the page is not rendered from it), so a rendered page never
 * carries even the redacted token where the browser would show it.
 */
export function createUpstreamReader(upstream: Upstream): OpenToCloseAPI {
  const fetchThroughUpstream: FetchLike = async (input, init) => {
    const url = new URL(input)
    const method = (init.method ?? 'GET').toUpperCase()
    const route = url.origin === READER_ORIGIN ? matchApiRoute(method, url.pathname) : undefined
    if (route?.kind !== 'allowed' || route.method !== 'GET') {
      return Response.json({ message: 'Not a read of the Property Contacts API' }, { status: 404 })
    }
    const answer = await upstream.call({
      method: 'GET',
      path: url.pathname,
      query: url.searchParams,
      signal: init.signal ?? undefined,
    })
    if (!answer.ok) return Response.json({ message: answer.message }, { status: answer.status })
    if (answer.redacted) {
      return Response.json({ message: 'The answer held the API token' }, { status: 502 })
    }
    const empty = answer.status === 204 || answer.status === 205
    return new Response(empty ? null : new Uint8Array(answer.body), {
      status: answer.status,
      headers: answer.headers,
    })
  }
  return new OpenToCloseAPI({ baseUrl: READER_ORIGIN, fetch: fetchThroughUpstream })
}
