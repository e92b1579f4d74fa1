// The mock servers' history reader: the mock backend read in process (its
// `fetchFromMock`), never the network. Kept out of src/server/, where the only reader is
// the one over the guarded upstream call (src/server/history/readers.ts).
import { apiPaths } from '../config/paths.ts'
import {
  parseContact,
  parseLink,
  type Answer,
  type HistoryReader,
  type ReadContext,
} from '../server/history/readers.ts'

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
