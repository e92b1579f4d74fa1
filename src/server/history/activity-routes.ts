// Roster's own API for the Activity view: a property's changes, newest first, a page at
// a time, and who and which contacts appear in them (the filters). Reads only, from
// this site only, as every /api/v1 read.
import type { IncomingMessage, ServerResponse } from 'node:http'
import * as z from 'zod/mini'
import { ID_SEGMENT, parseIdSegment, ROSTER_API_BASE } from '../../config/paths.ts'
import { isSameOriginRequest, sendJson } from '../request-guards.ts'
import { MAX_PAGE_SIZE, type HistoryStore } from './store.ts'

const ACTIVITY = new RegExp(`^${ROSTER_API_BASE}/properties/(${ID_SEGMENT})/activity(/filters)?$`)

const IdParam = z.pipe(
  z.string().check(z.regex(new RegExp(`^${ID_SEGMENT}$`))),
  z.transform(Number),
)
const ActivityQuerySchema = z.object({
  before: z.optional(IdParam),
  limit: z.optional(
    z.pipe(
      z.string().check(z.regex(/^\d{1,3}$/)),
      z.pipe(z.transform(Number), z.number().check(z.minimum(1), z.maximum(MAX_PAGE_SIZE))),
    ),
  ),
  actor: z.optional(z.string().check(z.minLength(1), z.maxLength(320))),
  contact: z.optional(IdParam),
})

/** Answers the Activity API; false when the request is not for it. */
export async function answerActivity(
  req: IncomingMessage,
  res: ServerResponse,
  store: Promise<HistoryStore>,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://history.invalid')
  if (url.pathname !== ROSTER_API_BASE && !url.pathname.startsWith(`${ROSTER_API_BASE}/`)) {
    return false
  }
  req.resume()
  const match = ACTIVITY.exec(url.pathname)
  const propertyId = parseIdSegment(match?.[1])
  if (match === null || propertyId === null) {
    sendJson(res, 404, { message: 'Not found' })
    return true
  }
  if (req.method !== 'GET') {
    sendJson(res, 405, { message: 'Method Not Allowed' }, { allow: 'GET' })
    return true
  }
  if (!isSameOriginRequest(req)) {
    sendJson(res, 403, { message: 'Requests from other sites are refused.' })
    return true
  }
  let history: HistoryStore
  try {
    history = await store
  } catch {
    sendJson(res, 503, { message: 'The change history is not available on this server.' })
    return true
  }
  if (match[2] !== undefined) {
    sendJson(res, 200, await history.filters(propertyId))
    return true
  }
  const query = ActivityQuerySchema.safeParse(Object.fromEntries(url.searchParams))
  if (!query.success) {
    sendJson(res, 400, {
      message: 'Unknown filter or page: check before, limit, actor and contact.',
    })
    return true
  }
  sendJson(res, 200, await history.list(propertyId, query.data))
  return true
}
