// The before-state a conditional write's own check already read. In live mode the proxy
// reads a link before every conditional write (src/server/conditional-writes.ts), inside
// its per-link turn, right before the write: the freshest before-state there is. It
// offers that read here, and the recorder takes it instead of reading Open To Close a
// second time (one upstream call less per edit or unlink, against a rate-limited API).
import type { IncomingMessage } from 'node:http'
import type { PropertyContact } from '../../api/schemas.ts'

const offered = new WeakMap<IncomingMessage, PropertyContact | null>()

/** The proxy read the link for this request (`null`: it was not there). */
export function offerBeforeState(req: IncomingMessage, link: PropertyContact | null): void {
  offered.set(req, link)
}

/** What the proxy read for this request; `undefined` when it read nothing. */
export function takeBeforeState(req: IncomingMessage): PropertyContact | null | undefined {
  const link = offered.get(req)
  offered.delete(req)
  return link
}

/** A write the live proxy checks (and so reads first): it carries If-Match. */
export function proxyReadsFirst(req: IncomingMessage): boolean {
  return req.headers['if-match'] !== undefined
}
