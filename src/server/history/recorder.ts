// Records every change made through Roster's /api/v1: a wrapper around the middleware
// that answers it (the mock backend, or the live proxy). For an edit or an unlink it
// reads the state before; it watches the request body go by as the inner middleware
// reads it, holds the answer back until the history row is written, then sends it
// unchanged. So an answer the browser received always has its entry (a crash between
// the two loses the answer, not the entry). If the row cannot be written, the answer
// still goes out as it was and the failure is logged loudly.
import type { IncomingMessage, ServerResponse } from 'node:http'
import * as z from 'zod/mini'
import { ContactResponseSchema, PropertyContactResponseSchema } from '../../api/schemas.ts'
import { API_BASE, ID_SEGMENT, parseIdSegment } from '../../config/paths.ts'
import { personOf, type Person } from '../auth/identity.ts'
import { hostName, isSameOriginRequest, type Middleware } from '../request-guards.ts'
import { proxyReadsFirst, takeBeforeState } from './before-state.ts'
import type { HistoryReader, ReadContext } from './readers.ts'
import {
  CHANGE_REASONS,
  type ChangeAction,
  type ChangeOutcome,
  type HistoryStore,
  type NewChange,
} from './store.ts'

/** Who a change is from when no sign-in layer said (a server run without one). */
export const UNKNOWN_PERSON: Person = { id: 'unknown', name: 'Someone (not signed in)' }

export const CHANGE_HEADER = 'x-roster-change'
export const REVERTS_HEADER = 'x-roster-reverts'

export interface RecorderOptions {
  /** The store, once the database is open; a rejection makes every record fail (loudly). */
  store: () => Promise<HistoryStore>
  reader: HistoryReader
  /** Where a failed record is reported; console.error by default. */
  logFailure?: (message: string, change: NewChange, error: unknown) => void
  /** Host names the inner middleware answers to; a request to another is not recorded. */
  allowedHosts?: ReadonlySet<string> | undefined
  /**
   * The inner middleware is the live proxy, whose check of a conditional write reads the
   * link first and offers that read (./before-state.ts): the recorder takes it rather
   * than reading Open To Close a second time.
   */
  proxyOffersBeforeState?: boolean
}

interface Target {
  action: ChangeAction
  propertyId: number | null
  contactId: number | null
}

const ID = `(${ID_SEGMENT})`
const LINKS = new RegExp(`^/properties/${ID}/contacts$`)
const LINK = new RegExp(`^/properties/${ID}/contacts/${ID}$`)
const CONTACTS = /^\/contacts$/
const CONTACT = new RegExp(`^/contacts/${ID}$`)

/** Which change a request is, or null when it changes nothing Roster records. */
export function changeTarget(method: string, path: string): Target | null {
  let match: RegExpExecArray | null
  if (method === 'POST' && (match = LINKS.exec(path))) {
    return { action: 'link', propertyId: parseIdSegment(match[1]), contactId: null }
  }
  if ((method === 'PUT' || method === 'DELETE') && (match = LINK.exec(path))) {
    return {
      action: method === 'PUT' ? 'edit' : 'unlink',
      propertyId: parseIdSegment(match[1]),
      contactId: parseIdSegment(match[2]),
    }
  }
  if (method === 'POST' && CONTACTS.test(path)) {
    return { action: 'contact_create', propertyId: null, contactId: null }
  }
  if (method === 'PUT' && (match = CONTACT.exec(path))) {
    return { action: 'contact_edit', propertyId: null, contactId: parseIdSegment(match[1]) }
  }
  return null
}

const ReasonSchema = z.enum(CHANGE_REASONS)
const RevertsSchema = z.pipe(
  z.string().check(z.regex(new RegExp(`^${ID_SEGMENT}$`))),
  z.transform(Number),
)

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** The labels the browser sends, checked; anything else is no label. */
export function changeLabels(req: IncomingMessage): {
  reason: NewChange['reason']
  reverts: number | null
} {
  const reason = ReasonSchema.safeParse(headerValue(req, CHANGE_HEADER)?.trim())
  const reverts = RevertsSchema.safeParse(headerValue(req, REVERTS_HEADER)?.trim())
  const isRevert = reason.success && reason.data === 'revert'
  return {
    reason: reason.success ? reason.data : null,
    reverts: isRevert && reverts.success ? reverts.data : null,
  }
}

function outcomeOf(status: number | null): ChangeOutcome {
  if (status === null) return 'unknown'
  if (status >= 200 && status <= 299) return 'accepted'
  // The live proxy's own answers when Open To Close never answered (src/server/upstream.ts).
  if (status === 502 || status === 504) return 'unknown'
  return 'refused'
}

function jsonOf(bytes: Buffer): unknown {
  if (bytes.length === 0) return null
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown
  } catch {
    return null
  }
}

const ContactIdInBody = z.object({ contact_id: z.union([z.int(), z.string()]) })

function nameOf(contact: { first_name: string; last_name: string } | undefined): string | null {
  if (contact === undefined) return null
  const name = `${contact.first_name} ${contact.last_name}`.trim()
  return name === '' ? null : name
}

interface Capture {
  status: number | null
  body: Buffer
}

/** Holds the answer back: `finish` runs when the inner middleware ends it (or the client leaves). */
function holdAnswer(res: ServerResponse, finish: (capture: Capture) => Promise<void>): void {
  const writeHead = res.writeHead.bind(res)
  const end = res.end.bind(res)
  const original = { writeHead, write: res.write.bind(res), end }
  let head: Parameters<ServerResponse['writeHead']> | undefined
  const chunks: Buffer[] = []
  let done = false
  const restore = () => {
    res.writeHead = original.writeHead
    res.write = original.write
    res.end = original.end
  }
  const take = (chunk: unknown) => {
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk))
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk))
  }
  res.writeHead = ((...args: Parameters<ServerResponse['writeHead']>) => {
    head = args
    return res
  }) as ServerResponse['writeHead']
  res.write = ((chunk: unknown) => {
    take(chunk)
    return true
  }) as ServerResponse['write']
  res.end = ((chunk?: unknown) => {
    if (done) return res
    done = true
    if (typeof chunk !== 'function') take(chunk)
    restore()
    const body = Buffer.concat(chunks)
    const status = head?.[0] ?? res.statusCode
    void finish({ status, body }).finally(() => {
      if (head) writeHead(...head)
      end(body)
    })
    return res
  }) as ServerResponse['end']
  res.once('close', () => {
    if (done) return
    done = true
    restore()
    void finish({ status: null, body: Buffer.alloc(0) })
  })
}

/** Watches the request body go by as the inner middleware reads it. */
function watchBody(req: IncomingMessage): () => Buffer {
  const chunks: Buffer[] = []
  const read = req.read.bind(req)
  req.read = (size?: number) => {
    const chunk: unknown = read(size)
    if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk))
    else if (typeof chunk === 'string') chunks.push(Buffer.from(chunk))
    return chunk
  }
  return () => Buffer.concat(chunks)
}

export function withHistory(inner: Middleware, options: RecorderOptions): Middleware {
  const { reader } = options
  const logFailure =
    options.logFailure ??
    ((message: string, change: NewChange, error: unknown) => {
      console.error(`[history] ${message}`, JSON.stringify(change), error)
    })

  async function afterState(
    target: Target,
    capture: Capture,
    contactId: number | null,
    ctx: ReadContext,
  ): Promise<unknown> {
    const body = jsonOf(capture.body)
    if (target.action === 'unlink') return null
    if (target.action === 'contact_create' || target.action === 'contact_edit') {
      const parsed = ContactResponseSchema.safeParse(body)
      if (parsed.success) return parsed.data
      return contactId === null ? null : ((await reader.contact(contactId, ctx)) ?? null)
    }
    const parsed = PropertyContactResponseSchema.safeParse(body)
    const propertyId = target.propertyId ?? 0
    if (parsed.success) {
      const link = parsed.data
      return link.property_id > 0 ? link : { ...link, property_id: propertyId }
    }
    // Acknowledged without the link: read it back.
    return contactId === null ? null : ((await reader.link(propertyId, contactId, ctx)) ?? null)
  }

  async function record(
    req: IncomingMessage,
    target: Target,
    before: unknown,
    requestBody: Buffer,
    capture: Capture,
    ctx: ReadContext,
  ): Promise<void> {
    const outcome = outcomeOf(capture.status)
    const request = jsonOf(requestBody)
    let contactId = target.contactId
    if (contactId === null && target.action === 'link') {
      const sent = ContactIdInBody.safeParse(request)
      if (sent.success) contactId = parseIdSegment(String(sent.data.contact_id))
    }
    const { reason, reverts } = changeLabels(req)
    const change: NewChange = {
      actor: personOf(req) ?? UNKNOWN_PERSON,
      action: target.action,
      reason,
      propertyId: target.propertyId,
      contactId,
      contactName: null,
      before,
      after: null,
      request,
      outcome,
      status: capture.status,
      reverts,
    }
    try {
      if (outcome === 'accepted') {
        change.after = await afterState(target, capture, contactId, ctx)
        if (contactId === null && target.action === 'contact_create') {
          const created = ContactResponseSchema.safeParse(change.after)
          if (created.success) change.contactId = created.data.id
        }
      }
      change.contactName = contactNameOf(change.before) ?? contactNameOf(change.after)
      if (change.contactName === null && change.contactId !== null) {
        change.contactName = nameOf((await reader.contact(change.contactId, ctx)) ?? undefined)
      }
      const store = await options.store()
      await store.record(change)
    } catch (error) {
      logFailure('could not record a change; its answer was sent unchanged:', change, error)
    }
  }

  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://history.invalid')
    const below = url.pathname.startsWith(`${API_BASE}/`)
      ? url.pathname.slice(API_BASE.length)
      : null
    const target = below === null ? null : changeTarget(req.method ?? 'GET', below)
    // A request the inner middleware refuses for where it comes from changes nothing,
    // and is from no one we know: it is not history.
    const host = hostName(req)
    const hostServed =
      options.allowedHosts === undefined || (host !== undefined && options.allowedHosts.has(host))
    if (target === null || !hostServed || !isSameOriginRequest(req)) {
      inner(req, res, next)
      return
    }
    const ctx: ReadContext = { query: url.searchParams }
    const bodyOf = watchBody(req)
    const link = target.action === 'edit' || target.action === 'unlink'
    if (options.proxyOffersBeforeState === true && link && proxyReadsFirst(req)) {
      // The proxy's own check reads the link inside its turn, just before the write.
      holdAnswer(res, (capture) =>
        record(req, target, takeBeforeState(req) ?? null, bodyOf(), capture, ctx),
      )
      inner(req, res, next)
      return
    }
    void readBefore(target, ctx).then((before) => {
      holdAnswer(res, (capture) => record(req, target, before, bodyOf(), capture, ctx))
      inner(req, res, next)
    })
  }

  async function readBefore(target: Target, ctx: ReadContext): Promise<unknown> {
    try {
      if (target.action === 'edit' || target.action === 'unlink') {
        if (target.propertyId === null || target.contactId === null) return null
        return (await reader.link(target.propertyId, target.contactId, ctx)) ?? null
      }
      if (target.action === 'contact_edit' && target.contactId !== null) {
        return (await reader.contact(target.contactId, ctx)) ?? null
      }
    } catch {
      // No before-state: the entry is still written, without it.
    }
    return null
  }
}

function contactNameOf(state: unknown): string | null {
  const link = z.object({ contact: z.object({ first_name: z.string(), last_name: z.string() }) })
  const asLink = link.safeParse(state)
  if (asLink.success) return nameOf(asLink.data.contact)
  const asContact = z.object({ first_name: z.string(), last_name: z.string() }).safeParse(state)
  return asContact.success ? nameOf(asContact.data) : null
}
