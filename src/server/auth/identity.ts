// Who is making a request, as the server's sign-in layer established it. The sign-in
// middleware (production) or the mock servers' demo user sets it once per request;
// everything after it (the change history) only reads it.
import type { IncomingMessage } from 'node:http'

export interface Person {
  /** Stable and unique: the account's email, lower-cased, or the trusted proxy's header value. */
  readonly id: string
  /** What the Activity view shows ("Dana Lee"); the email when no name is known. */
  readonly name: string
}

const people = new WeakMap<IncomingMessage, Person>()

export function setPerson(req: IncomingMessage, person: Person): void {
  people.set(req, person)
}

export function personOf(req: IncomingMessage): Person | undefined {
  return people.get(req)
}
