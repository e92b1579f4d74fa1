// One plan item's write, conditional on the roster the plan was made against: an
// update carries the version of the link it was planned from (If-Match), a create
// asks that the contact still be unlinked, so a colleague's change made since the
// review is reported ("changed"), never overwritten. A write without an answer is
// read back before anything is decided, and a POST is never resent blind.
import {
  ConflictError,
  NotFoundError,
  PreconditionFailedError,
  WrongLinkError,
  writeOutcomeUnknown,
} from '../errors'
import { linkChanges, linkVersion, wrongLinkProblem } from '../link-version'
import { roleKey, sameRole } from '../roles'
import type { PropertyContact, PropertyContactUpdate } from '../schemas'
import { checkId, type IdLike } from '../validate'
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

/** Each item's write is labelled for Roster's change history. */
const SETUP = { reason: 'setup' } as const

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}

/** Done; a write acknowledged without its link (null) is done all the same. */
function doneWith(link: PropertyContact | null): Outcome {
  return link ? { status: 'done', link } : { status: 'done' }
}

/** Not written: the link as planned against (`planned`) is not the link there now. */
function changedFrom(planned: PropertyContact, now: PropertyContact | null): Outcome {
  if (!now) return { status: 'changed', sinceReview: { kind: 'unlinked' } }
  const changes = linkChanges(planned, now)
  return { status: 'changed', link: now, sinceReview: { kind: 'edited', now, changes } }
}

/** Not written: planned as not linked, and linked since, otherwise than wanted. */
function linkedMeanwhile(now: PropertyContact): Outcome {
  return { status: 'changed', link: now, sinceReview: { kind: 'linked', now } }
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
  try {
    const writer = new ItemWriter(client, propertyId, item, settings)
    return item.action === 'create' ? await writer.create() : await writer.update()
  } catch (error) {
    if (error instanceof Unconfirmed) {
      return { status: 'failed', error: asError(error.writeError), unconfirmed: true }
    }
    // A WrongLinkError lands here too: the server spoke of another link, so nothing
    // is decided from its answer and nothing is sent again by the engine itself.
    return { status: 'failed', error: asError(error) }
  }
}

class ItemWriter {
  private readonly api: TransactionClient['propertyContacts']
  private readonly propertyNumber: number

  constructor(
    client: TransactionClient,
    private readonly propertyId: IdLike,
    private readonly item: TransactionPlanItem,
    private readonly settings: Settings,
  ) {
    this.api = client.propertyContacts
    // As the client checks it (a bad id fails the item before any request).
    this.propertyNumber = checkId(propertyId, 'propertyId', {
      method: 'GET',
      endpoint: '/properties/{id}/contacts/{contact_id}',
    })
  }

  private retrying<T>(call: () => Promise<T>): Promise<T> {
    return withRateLimitRetry(call, this.settings)
  }

  /**
   * The contact's link as the server has it now, or null when they are not linked.
   * Throws the read's error; a WrongLinkError when the answer is another link. Not
   * cut off by the setup's signal: it finishes what a write started.
   */
  private async read(contactId = this.item.contactId): Promise<PropertyContact | null> {
    let link: PropertyContact
    try {
      link = await this.retrying(() => this.api.retrievePropertyContact(this.propertyId, contactId))
    } catch (error) {
      if (error instanceof NotFoundError) return null
      throw error
    }
    const wrong = wrongLinkProblem(link, this.propertyNumber, contactId)
    if (wrong) throw new WrongLinkError(`${wrong} Nothing was written.`, { status: 0 })
    return link
  }

  /** After a write that got no answer: the link now, or Unconfirmed when the read fails too. */
  private async readBack(writeError: unknown): Promise<PropertyContact | null> {
    try {
      return await this.read()
    } catch {
      throw new Unconfirmed(writeError)
    }
  }

  /** After a refusal (nothing written): the link now; a failed read fails the item with the refusal. */
  private async readAfterRefusal(refusal: unknown): Promise<PropertyContact | null> {
    try {
      return await this.read()
    } catch (error) {
      throw error instanceof WrongLinkError ? error : refusal
    }
  }

  async create(): Promise<Outcome> {
    const { item } = this
    const body = { contact_id: item.contactId, role: item.role, primary: item.primary }
    try {
      return doneWith(
        await this.retrying(() =>
          this.api.createPropertyContact(this.propertyId, body, {
            onlyIfUnlinked: true,
            change: SETUP,
          }),
        ),
      )
    } catch (error) {
      if (error instanceof ConflictError || error instanceof PreconditionFailedError) {
        // Linked since the review: by a colleague, or by an earlier attempt of this
        // setup whose answer was lost. As wanted, there is nothing to do; otherwise
        // that link is someone's decision, and updating it would overwrite it.
        const fromServer = error instanceof PreconditionFailedError ? error.current : null
        const now = fromServer ?? (await this.readAfterRefusal(error))
        // Unlinked again since: nothing was written, and a resend links the contact.
        if (!now) throw error
        return isLinkedAsWanted(now, item) ? { status: 'skipped', link: now } : linkedMeanwhile(now)
      }
      if (!writeOutcomeUnknown(error)) throw error
      // No answer: the POST may have landed, and resending it blind could link the
      // contact twice on a server without the 409 rule. Read what is there instead.
      const now = await this.readBack(error)
      // Not linked: it did not land (yet); a resend creates it.
      if (!now) throw error
      return isLinkedAsWanted(now, item) ? { status: 'done', link: now } : linkedMeanwhile(now)
    }
  }

  async update(): Promise<Outcome> {
    const { item } = this
    const planned = item.current
    // The version the write is conditional on: the planned link, or once that the
    // link as it is now, when what moved it is no one's change (see benignChange).
    let basis = planned
    for (let attempt = 0; ; attempt++) {
      const body = updateOf(basis, item)
      const ifMatch = basis && linkVersion(basis)
      try {
        return doneWith(
          await this.retrying(() =>
            this.api.updatePropertyContact(this.propertyId, item.contactId, body, {
              ifMatch,
              change: SETUP,
            }),
          ),
        )
      } catch (error) {
        if (!planned) throw error
        let now: PropertyContact | null
        if (error instanceof NotFoundError) {
          // Unlinked since the review (the read-first check says so with status 0).
          now = null
        } else if (error instanceof PreconditionFailedError) {
          now = error.current ?? (await this.readAfterRefusal(error))
        } else if (writeOutcomeUnknown(error)) {
          // No answer to a PUT: it may have landed. If the link now reads as wanted, it
          // did; if it is still the version it was sent against, it did not, and
          // resending the same PUT is harmless; anything else is someone else's change.
          now = await this.readBack(error)
          if (now && basis && linkVersion(now) === linkVersion(basis)) throw error
        } else {
          throw error
        }
        if (!now) return changedFrom(planned, null)
        // As wanted: also an earlier attempt of this setup whose answer was lost.
        if (isLinkedAsWanted(now, item)) return { status: 'done', link: now }
        if (attempt === 0 && (await this.benignChange(planned, now, error))) {
          basis = now
          continue
        }
        return changedFrom(planned, now)
      }
    }
  }

  /**
   * Whether what moved the link since `planned` is no one's decision, so the write may
   * go on against `now`: no edited value differs (only its `updated` moved), or it is
   * only the demotion this setup's own promotion makes (`losesPrimaryTo`), once that
   * contact is seen primary in the role. Throws `refusal` when that cannot be read.
   */
  private async benignChange(
    planned: PropertyContact,
    now: PropertyContact,
    refusal: unknown,
  ): Promise<boolean> {
    const changes = linkChanges(planned, now)
    if (changes.length === 0) return true
    const [only] = changes
    const promoter = this.item.losesPrimaryTo
    if (changes.length !== 1 || only?.field !== 'primary' || only.to !== false) return false
    if (promoter === undefined) return false
    let promoted: PropertyContact | null
    try {
      promoted = await this.read(promoter)
    } catch {
      throw refusal
    }
    return promoted !== null && promoted.primary && sameRole(promoted.role, planned.role)
  }
}
