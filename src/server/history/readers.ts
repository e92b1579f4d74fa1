// How the recorder learns a link's (or a contact's) state before a change: a GET of
// the API the change goes to, parsed with the typed client's schemas. Live mode reads
// Open To Close through the one guarded upstream call, the only reader server code has;
// the mock servers' reader over the mock backend lives with them
// (src/mocks/history-reader.ts). No typed client here: vite.config.ts loads this module.
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

export type Answer = { status: number; text: string } | undefined

export function parseLink(answer: Answer, propertyId: number): PropertyContact | null | undefined {
  const body = parseJson(answer)
  if (body === null || body === undefined) return body
  const parsed = PropertyContactResponseSchema.safeParse(body)
  if (!parsed.success) return undefined
  const link = parsed.data
  return link.property_id > 0 ? link : { ...link, property_id: propertyId }
}

export function parseContact(answer: Answer): Contact | null | undefined {
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
