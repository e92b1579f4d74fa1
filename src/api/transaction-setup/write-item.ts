// One plan item's write, and what to do when it gets no answer: read the link back
// before deciding, and never resend a POST blind.
import { ConflictError, NotFoundError, writeOutcomeUnknown } from '../errors'
import { roleKey } from '../roles'
import type { PropertyContact, PropertyContactUpdate } from '../schemas'
import type { IdLike } from '../validate'
import { isLinkedAsWanted, type TransactionPlanItem } from './plan'
import type { TransactionItemResult } from './progress'
import { stopped, withRateLimitRetry, type Settings, type TransactionClient } from './requests'

/** Only what differs: the stored spelling of a role is kept when its roleKey is the same. */
function updateOf(current: PropertyContact | undefined, item: TransactionPlanItem) {
  const body: PropertyContactUpdate = { primary: item.primary }
  // `primary` goes with every role change: a PUT of the role alone would carry a
  // primary flag into the new role, leaving the server to resolve two primaries.
  if (!current || roleKey(current.role) !== roleKey(item.role)) body.role = item.role
  return body
}

export type Outcome = Omit<TransactionItemResult, 'item'>

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}

/** Done; a write acknowledged without its link (null) is done all the same. */
function doneWith(link: PropertyContact | null): Outcome {
  return link ? { status: 'done', link } : { status: 'done' }
}

/** Thrown by a read-back that could not tell: carries the write's own error. */
class Unconfirmed extends Error {
  constructor(readonly writeError: unknown) {
    super('The write may have happened; reading it back failed too.')
  }
}

/** Writes one create or update item; never rejects: a failure is its outcome. */
export async function writeItem(
  client: TransactionClient,
  propertyId: IdLike,
  item: TransactionPlanItem,
  settings: Settings,
): Promise<Outcome> {
  if (settings.signal?.aborted) return { status: 'failed', error: stopped() }
  const api = client.propertyContacts
  const retrying = <T>(call: () => Promise<T>) => withRateLimitRetry(call, settings)
  /** The link as the server has it now; undefined when the contact is not linked. */
  const readBack = async (writeError: unknown): Promise<PropertyContact | undefined> => {
    try {
      return await retrying(() => api.retrievePropertyContact(propertyId, item.contactId))
    } catch (error) {
      if (error instanceof NotFoundError) return undefined
      throw new Unconfirmed(writeError)
    }
  }
  const update = async (current: PropertyContact | undefined): Promise<Outcome> => {
    const body = updateOf(current, item)
    try {
      return doneWith(
        await retrying(() => api.updatePropertyContact(propertyId, item.contactId, body)),
      )
    } catch (error) {
      // No answer to a PUT: it may have landed. If the link now reads as wanted, it
      // did; otherwise it failed, and resending the same PUT is harmless.
      if (!writeOutcomeUnknown(error)) throw error
      const now = await readBack(error)
      if (now && isLinkedAsWanted(now, item)) return { status: 'done', link: now }
      throw error
    }
  }
  try {
    if (item.action !== 'create') return await update(item.current)
    let current: PropertyContact | undefined
    try {
      const body = { contact_id: item.contactId, role: item.role, primary: item.primary }
      return doneWith(await retrying(() => api.createPropertyContact(propertyId, body)))
    } catch (error) {
      // 409: linked meanwhile (or by an earlier attempt whose answer was lost). No
      // answer at all: the POST may have landed, and resending it blind could link
      // the contact twice on a server without the 409 rule. Either way, plan that
      // one link again from what the server has now.
      if (error instanceof ConflictError) {
        current = await retrying(() => api.retrievePropertyContact(propertyId, item.contactId))
        if (isLinkedAsWanted(current, item)) return { status: 'skipped', link: current }
      } else if (writeOutcomeUnknown(error)) {
        current = await readBack(error)
        // Not linked: it did not land (yet); a resend creates it.
        if (!current) throw error
        if (isLinkedAsWanted(current, item)) return { status: 'done', link: current }
      } else {
        throw error
      }
    }
    return await update(current)
  } catch (error) {
    if (error instanceof Unconfirmed) {
      return { status: 'failed', error: asError(error.writeError), unconfirmed: true }
    }
    return { status: 'failed', error: asError(error) }
  }
}
