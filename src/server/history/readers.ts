// How the recorder learns a link's (or a contact's) state before a change: a GET of
// the API the change goes to, parsed with the typed client's schemas. The mock servers
// read the mock backend in process; live mode reads Open To Close through the one
// guarded upstream call. No typed client here: vite.config.ts loads this module.
import {
  ContactResponseSchema,
  PropertyContactResponseSchema,
  type Contact,
  type PropertyContact,
} from '../../api/schemas.ts'
import { apiPaths } from '../../config/paths.ts'
import type { Upstream } from '../upstream.ts'

export interface ReadContext {
  /** The change's own query string (the mock API stand-in's `api_token`). */
  query: URLSearchParams
  signal?: AbortSignal | undefined
}

/** `null`: not there (404). `undefined`: could not be read (the history says so by omission). */
export interface HistoryReader {
  link(
    propertyId: number,
    contactId: number,
    ctx: ReadContext,
  ): Promise<PropertyContact | null | undefined>
  contact(contactId: number, ctx: ReadContext): Promise<Contact | null | undefined>
}

type Answer = { status: number; text: string } | undefined

function parseLink(answer: Answer, propertyId: number): PropertyContact | null | undefined {
  const body = parseJson(answer)
  if (body === null || body === undefined) return body
  const parsed = PropertyContactResponseSchema.safeParse(body)
  if (!parsed.success) return undefined
  const link = parsed.data
  return link.property_id > 0 ? link : { ...link, property_id: propertyId }
}

function parseContact(answer: Answer): Contact | null | undefined {
  const body = parseJson(answer)
  if (body === null || body === undefined) return body
  const parsed = ContactResponseSchema.safeParse(body)
  return parsed.success ? parsed.data : undefined
}

function parseJson(answer: Answer): unknown {
  if (answer === undefined) return undefined
  if (answer.status === 404) return null
  if (answer.status < 200 || answer.status > 299) return undefined
  try {
    return JSON.parse(answer.text) as unknown
  } catch {
    return undefined
  }
}

/** Reads through a fetch function (the mock backend's `fetchFromMock`) at `baseUrl`. */
export function readerOverFetch(
  fetch: (input: string, init: RequestInit) => Promise<Response>,
  baseUrl: string,
): HistoryReader {
  async function get(path: string, ctx: ReadContext): Promise<Answer> {
    const url = new URL(`${baseUrl}${path}`)
    const token = ctx.query.get('api_token')
    if (token !== null) url.searchParams.set('api_token', token)
    try {
      const response = await fetch(url.toString(), {
        method: 'GET',
        headers: { accept: 'application/json' },
        signal: ctx.signal,
      })
      return { status: response.status, text: await response.text() }
    } catch {
      return undefined
    }
  }
  return {
    link: async (propertyId, contactId, ctx) =>
      parseLink(await get(apiPaths.propertyContact(propertyId, contactId), ctx), propertyId),
    contact: async (contactId, ctx) => parseContact(await get(apiPaths.contact(contactId), ctx)),
  }
}

/** Reads Open To Close through the guarded upstream call (it adds the token itself). */
export function readerOverUpstream(upstream: Upstream): HistoryReader {
  async function get(path: string, ctx: ReadContext): Promise<Answer> {
    try {
      const answer = await upstream.call({
        method: 'GET',
        path,
        query: new URLSearchParams(),
        signal: ctx.signal,
      })
      return answer.ok ? { status: answer.status, text: answer.body.toString('utf8') } : undefined
    } catch {
      return undefined
    }
  }
  return {
    link: async (propertyId, contactId, ctx) =>
      parseLink(await get(apiPaths.propertyContact(propertyId, contactId), ctx), propertyId),
    contact: async (contactId, ctx) => parseContact(await get(apiPaths.contact(contactId), ctx)),
  }
}
