// Conditional link writes on the live proxy (docs/contract.md, "Conditional link
// writes"). Open To Close ignores If-Match and If-None-Match, and the guarded upstream
// call sends neither, so the proxy checks them itself: it reads the link from Open To
// Close first, through the same guarded call, computes its version exactly as the
// browser does (the typed client's schema, the request's property id filled in), and
// forwards the write only when the link is the one meant, at the version asked for.
// Conditional writes to one link through this proxy take turns, so two Roster users
// cannot both pass the check on the same version; a writer that bypasses this proxy
// can still land in the one round trip between the read and the write.
import type { IncomingHttpHeaders } from 'node:http'
import { apiPaths, ID_SEGMENT, parseIdSegment } from '../config/paths.ts'
import { versionMatches, wrongLinkProblem } from '../api/link-version.ts'
import {
  IdInputSchema,
  PropertyContactResponseSchema,
  type PropertyContact,
} from '../api/schemas.ts'
import type { ApiMethod } from './api-routes.ts'
import type { Upstream, UpstreamAnswer } from './upstream.ts'

/** What a conditional write asks for, once its headers and body are read. */
export type LinkCondition =
  | { kind: 'version'; propertyId: number; contactId: number; ifMatch: string }
  | { kind: 'unlinked'; propertyId: number; contactId: number }

/** An answer the proxy gives itself: nothing was written upstream. */
export interface OwnAnswer {
  kind: 'own'
  status: number
  body: Record<string, unknown>
  headers: Record<string, string>
}

export type ConditionalResult = OwnAnswer | { kind: 'forwarded'; answer: UpstreamAnswer }

export interface ConditionalWrites {
  /**
   * Reads the link from Open To Close and runs `write` only when `condition` holds;
   * otherwise answers itself. Conditional writes to one link take turns.
   */
  run(
    condition: LinkCondition,
    signal: AbortSignal,
    write: () => Promise<UpstreamAnswer>,
    /** Told what the check read (`null`: not linked), before the write is sent. */
    onRead?: (link: PropertyContact | null) => void,
  ): Promise<ConditionalResult>
}

const LINK = new RegExp(`^/properties/(${ID_SEGMENT})/contacts/(${ID_SEGMENT})$`)
const LINKS = new RegExp(`^/properties/(${ID_SEGMENT})/contacts$`)

/** Passed on with a 429, so the browser waits as long as Open To Close asked. */
const RATE_LIMIT_HEADERS = [
  'retry-after',
  'x-ratelimit-retry-after',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
]

function own(
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): OwnAnswer {
  return { kind: 'own', status, body, headers }
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}

/** The JSON object a conditional write sends, or the 400 to answer (nothing read upstream). */
function jsonObject(
  body: Uint8Array | undefined,
): { ok: true; value: Record<string, unknown> } | { ok: false; refusal: OwnAnswer } {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(body ?? new Uint8Array()).toString('utf8'))
  } catch {
    return { ok: false, refusal: own(400, { message: 'The request body is not valid JSON.' }) }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, refusal: own(400, { message: 'The request body must be a JSON object.' }) }
  }
  return { ok: true, value: value as Record<string, unknown> }
}

const UNCHECKABLE =
  'Only If-Match on a PUT or DELETE of a link and If-None-Match: * on a link POST can be checked; nothing was written.'

/**
 * Which condition a request carries: null when it carries none (it is forwarded
 * exactly as before), or the 400 to answer for a condition the proxy cannot check,
 * since forwarding the write would silently drop what the client relies on.
 */
export function linkConditionOf(
  method: ApiMethod,
  path: string,
  headers: IncomingHttpHeaders,
  body: Uint8Array | undefined,
): LinkCondition | OwnAnswer | null {
  if (method === 'GET') return null
  const ifMatch = header(headers, 'if-match')
  const ifNoneMatch = header(headers, 'if-none-match')
  if (ifMatch === undefined && ifNoneMatch === undefined) return null

  const link = LINK.exec(path)
  const propertyId = parseIdSegment(link?.[1])
  const contactId = parseIdSegment(link?.[2])
  if (method !== 'POST' && propertyId !== null && contactId !== null) {
    if (ifMatch === undefined || ifNoneMatch !== undefined)
      return own(400, { message: UNCHECKABLE })
    if (method === 'PUT') {
      const object = jsonObject(body)
      if (!object.ok) return object.refusal
    }
    return { kind: 'version', propertyId, contactId, ifMatch }
  }

  const linksOf = method === 'POST' ? parseIdSegment(LINKS.exec(path)?.[1]) : null
  if (linksOf === null || ifMatch !== undefined || ifNoneMatch?.trim() !== '*') {
    return own(400, { message: UNCHECKABLE })
  }
  const object = jsonObject(body)
  if (!object.ok) return object.refusal
  const contactField = object.value.contact_id
  const parsed = IdInputSchema.safeParse(contactField)
  // Ids of more than 15 digits name no link the API can address (src/config/paths.ts).
  const contact = parsed.success ? parseIdSegment(String(parsed.data)) : null
  if (contact === null) {
    const missing = contactField === undefined || contactField === null
    const problem = missing ? 'contact_id is required' : 'Must be a positive whole number'
    return own(400, { message: 'The given data was invalid.', errors: { contact_id: [problem] } })
  }
  return { kind: 'unlinked', propertyId: linksOf, contactId: contact }
}

type LinkRead = { kind: 'found'; link: PropertyContact } | { kind: 'missing' } | OwnAnswer

export function createConditionalWrites(upstream: Upstream): ConditionalWrites {
  /** Per link, the end of the last conditional write queued for it. */
  const turns = new Map<string, Promise<void>>()

  async function inTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = turns.get(key) ?? Promise.resolve()
    let done = () => {
      /* replaced below */
    }
    const mine = new Promise<void>((resolve) => {
      done = resolve
    })
    const tail = previous.then(() => mine)
    turns.set(key, tail)
    try {
      await previous
      return await work()
    } finally {
      done()
      if (turns.get(key) === tail) turns.delete(key)
    }
  }

  /** 503: the link could not be checked, so the write was not sent (see the contract). */
  function unchecked(where: string, reason: string): OwnAnswer {
    return own(503, {
      message: `Roster could not check ${where} with Open To Close, so nothing was written. ${reason}`,
    })
  }

  async function readLink(
    propertyId: number,
    contactId: number,
    signal: AbortSignal,
  ): Promise<LinkRead> {
    const where = `contact ${contactId}'s link to property ${propertyId}`
    const answer = await upstream.call({
      method: 'GET',
      path: apiPaths.propertyContact(propertyId, contactId),
      query: new URLSearchParams(),
      signal,
    })
    if (!answer.ok) return unchecked(where, answer.message)
    const { status } = answer
    if (status === 404) return { kind: 'missing' }
    if (status === 401 || status === 403) {
      return own(status, {
        message: `Open To Close refused the API token (HTTP ${status}) when Roster read ${where} to check it; nothing was written.`,
      })
    }
    if (status === 429) {
      const headers: Record<string, string> = {}
      for (const name of RATE_LIMIT_HEADERS) {
        const value = answer.headers[name]
        if (value !== undefined) headers[name] = value
      }
      return own(
        429,
        {
          message: `Open To Close asked Roster to slow down when it read ${where} to check it; nothing was written. Try again in a moment.`,
        },
        headers,
      )
    }
    if (status < 200 || status > 299) {
      return unchecked(where, `Open To Close answered HTTP ${status}. Try again in a moment.`)
    }
    // Already redacted, as the browser's own reads are: the version is the one it computes.
    const text = answer.body.toString('utf8')
    if ((answer.headers['content-type'] ?? '').includes('text/html') || /^\s*</.test(text)) {
      return own(401, {
        message: `Open To Close answered with a web page instead of ${where}: the API token or session may have expired. Nothing was written.`,
      })
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return unchecked(where, 'Its answer was not JSON.')
    }
    const parsed = PropertyContactResponseSchema.safeParse(json)
    if (!parsed.success) return unchecked(where, 'Its answer was not a link Roster can read.')
    // As the typed client's resource does: a live link without a property id is the
    // request's, so it never carries the schema's placeholder 0.
    const link = parsed.data
    return {
      kind: 'found',
      link: link.property_id > 0 ? link : { ...link, property_id: propertyId },
    }
  }

  async function check(
    condition: LinkCondition,
    signal: AbortSignal,
    write: () => Promise<UpstreamAnswer>,
    onRead?: (link: PropertyContact | null) => void,
  ): Promise<ConditionalResult> {
    const { propertyId, contactId } = condition
    const read = await readLink(propertyId, contactId, signal)
    if (read.kind === 'own') return read
    if (read.kind === 'missing') {
      onRead?.(null)
      if (condition.kind === 'unlinked') return { kind: 'forwarded', answer: await write() }
      return own(404, {
        message: `Contact ${contactId} is not linked to property ${propertyId}; nothing was written.`,
      })
    }
    const { link } = read
    const wrong = wrongLinkProblem(link, propertyId, contactId)
    if (wrong) {
      upstream.log(
        `the Open To Close API answered the read of property ${propertyId}'s contact ${contactId} with another link; the write was not sent`,
      )
      return own(412, { message: `${wrong} Nothing was changed.`, wrong_link: true })
    }
    onRead?.(link)
    if (condition.kind === 'unlinked') {
      const role = link.role === null ? 'with no role' : `as ${link.role}`
      return own(409, {
        message: `Contact ${contactId} is already linked to property ${propertyId} ${role}.`,
      })
    }
    if (!versionMatches(condition.ifMatch, link)) {
      return own(412, {
        message: `Contact ${contactId}'s link to property ${propertyId} changed since it was read; nothing was written.`,
        current: link,
      })
    }
    return { kind: 'forwarded', answer: await write() }
  }

  return {
    run: (condition, signal, write, onRead) =>
      inTurn(`${condition.propertyId}/${condition.contactId}`, () =>
        check(condition, signal, write, onRead),
      ),
  }
}
