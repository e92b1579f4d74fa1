// Applying a plan: a few requests at a time, in an order that keeps the property's
// primaries right, retrying only what is known not to have happened (a 429), and
// reading back what may have happened without an answer saying so.
import type { OpenToCloseAPI } from '../client'
import { ConflictError, NotFoundError, RateLimitError, writeOutcomeUnknown } from '../errors'
import { retryDelayFor } from '../retry'
import { roleKey } from '../roles'
import type { PropertyContact, PropertyContactUpdate } from '../schemas'
import type { IdLike } from '../validate'
import { isLinkedAsWanted, type TransactionPlanItem } from './plan'

/** The part of the client a setup uses, so a caller may pass a stand-in. */
export type TransactionClient = Pick<OpenToCloseAPI, 'propertyContacts'>

export interface ApplyTransactionOptions {
  /** Requests in flight at most at once (default 4). */
  concurrency?: number
  /** Retries of a request answered 429, after waiting its Retry-After (default 3). */
  maxRetries?: number
  /** How to wait before a retry; resolves early when `signal` aborts. For tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /**
   * Called once per item as it finishes, in finishing order, before the next item
   * starts in its slot. Should not throw: a throw is rethrown once every item has
   * settled (writes in flight are not abandoned), and the results are lost then.
   */
  onProgress?: (result: TransactionItemResult) => void
  /** Stops starting items; requests already sent are let finish (see below). */
  signal?: AbortSignal
}

export type ItemStatus = 'done' | 'skipped' | 'failed'

export interface TransactionItemResult {
  item: TransactionPlanItem
  status: ItemStatus
  /**
   * The link as the server answered it, or as read back (for a skip: as planned,
   * demotion applied). Absent when the server acknowledged a write without it.
   */
  link?: PropertyContact
  error?: Error
  /**
   * On a failure: the server never answered whether the write happened, and reading
   * the link back failed too, so it may have. Such an item is not resent by
   * failedItems: check the roster (or plan again from it) first.
   */
  unconfirmed?: boolean
}

export interface TransactionApplyResult {
  /** One per item, in the order the items were given. */
  results: TransactionItemResult[]
  summary: Record<ItemStatus, number>
}

interface Settings {
  concurrency: number
  maxRetries: number
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  signal: AbortSignal | undefined
}

/** Checked options with defaults; a bad one is the caller's bug, thrown before any request. */
export function settingsOf(options: ApplyTransactionOptions): Settings {
  const { concurrency = 4, maxRetries = 3 } = options
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new TypeError('Transaction setup: concurrency must be a whole number of at least 1.')
  }
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new TypeError('Transaction setup: maxRetries must be a whole number, 0 or more.')
  }
  return { concurrency, maxRetries, sleep: options.sleep ?? sleep, signal: options.signal }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}

function stopped(): Error {
  return new DOMException('Not sent: the setup was stopped before this item.', 'AbortError')
}

/**
 * Runs `call`, retrying only a 429: the server refused it, so it did not happen and
 * resending cannot duplicate it. Anything else (a network error after a POST may
 * have landed, a 5xx) is the caller's to judge, so it is thrown as is. The wait
 * keeps its concurrency slot: a 429 asks us to slow down, not to send others instead.
 */
export async function withRateLimitRetry<T>(call: () => Promise<T>, settings: Settings) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call()
    } catch (error) {
      if (!(error instanceof RateLimitError) || attempt >= settings.maxRetries) throw error
      await settings.sleep(retryDelayFor(error, attempt), settings.signal)
      if (settings.signal?.aborted) throw stopped()
    }
  }
}

/** At most `max` tasks at once; a finishing task hands its slot to the next in line. */
function limiter(max: number) {
  let active = 0
  const waiting: (() => void)[] = []
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active < max) active += 1
    else await new Promise<void>((resolve) => waiting.push(resolve))
    try {
      return await task()
    } finally {
      const next = waiting.shift()
      if (next) next()
      else active -= 1
    }
  }
}

/** Only what differs: the stored spelling of a role is kept when its roleKey is the same. */
function updateOf(current: PropertyContact | undefined, item: TransactionPlanItem) {
  const body: PropertyContactUpdate = { primary: item.primary }
  // `primary` goes with every role change: a PUT of the role alone would carry a
  // primary flag into the new role, leaving the server to resolve two primaries.
  if (!current || roleKey(current.role) !== roleKey(item.role)) body.role = item.role
  return body
}

type Outcome = Omit<TransactionItemResult, 'item'>

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

async function write(
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

/*
 * Ordering. The server keeps at most one primary per role itself: a write with
 * `primary: true` demotes that role's previous primary in the same request, and a
 * write with `primary: false` never adds a primary. So each single request leaves at
 * most one primary per role, and what the order must guarantee is the rest:
 *
 * 1. Items are grouped by the role they write (trimmed, case-insensitive), one lane
 *    per role. Lanes run side by side; the limiter bounds requests across all lanes.
 * 2. In a lane, the non-primary writes go first, in parallel: none can make anyone
 *    primary, so their order does not matter.
 * 3. Then the lane's primary writes, one at a time (validation allows one per role;
 *    a hand-made item list may hold more, and then the last one listed wins, never a
 *    race). No other write for the role is in flight then, so the primary the role
 *    ends with is the one asked for, and its demotion is the last word.
 * 4. A link that must stop being primary because another contact becomes primary in
 *    its role is planned as a skip (`demotedBy`): the promotion demotes it, in the
 *    same request. Demoting it first ourselves would leave the role without a primary
 *    until the promotion lands (forever, if it fails). It is reported after the
 *    lane's primary write.
 * A write that moves a contact to another role touches its old role too, but only
 * ever removes a primary from it, so no lane needs to wait for another.
 * Once `signal` aborts, items not yet started fail as "stopped" (resend them with
 * the other failures); requests already sent are let finish, because cutting a
 * write off midway would leave unknown whether it happened.
 */

/**
 * Applies plan items (all of a plan, or only the failed ones of an earlier run) to
 * the property. Never rejects for one item's failure: each item gets a result.
 */
export async function applyTransactionPlan(
  client: TransactionClient,
  propertyId: IdLike,
  items: readonly TransactionPlanItem[],
  options: ApplyTransactionOptions = {},
): Promise<TransactionApplyResult> {
  const settings = settingsOf(options)
  const slot = limiter(settings.concurrency)
  const results: (TransactionItemResult | undefined)[] = items.map(() => undefined)
  let progressError: { error: unknown } | undefined
  const finish = (index: number, item: TransactionPlanItem, outcome: Outcome) => {
    const result = { item, ...outcome }
    results[index] = result
    try {
      options.onProgress?.(result)
    } catch (error) {
      // Stopping here would abandon writes in flight; report it once all settled.
      progressError ??= { error }
    }
  }
  // Reported before the slot is freed, so an abort from onProgress stops the next item.
  const run = (index: number, item: TransactionPlanItem) =>
    slot(async () => {
      finish(index, item, await write(client, propertyId, item, settings))
    })

  interface Entry {
    index: number
    item: TransactionPlanItem
  }
  const lanes = new Map<string, Entry[]>()
  items.forEach((item, index) => {
    const key = roleKey(item.role)
    lanes.set(key, [...(lanes.get(key) ?? []), { index, item }])
  })

  const runLane = async (lane: readonly Entry[]) => {
    const skips = lane.filter(({ item }) => item.action === 'skip')
    const writes = lane.filter(({ item }) => item.action !== 'skip')
    for (const { index, item } of skips) {
      if (item.demotedBy === undefined)
        finish(index, item, { status: 'skipped', link: item.current })
    }
    await Promise.all(writes.filter((e) => !e.item.primary).map((e) => run(e.index, e.item)))
    for (const e of writes.filter(({ item }) => item.primary)) await run(e.index, e.item)
    for (const { index, item } of skips) {
      if (item.demotedBy === undefined) continue
      const promoted = lane.some(
        (e) => e.item.contactId === item.demotedBy && results[e.index]?.status === 'done',
      )
      const link = item.current && promoted ? { ...item.current, primary: false } : item.current
      finish(index, item, { status: 'skipped', link })
    }
  }
  await Promise.all([...lanes.values()].map(runLane))

  if (progressError) throw progressError.error
  const done = results.filter((result) => result !== undefined)
  const summary = { done: 0, skipped: 0, failed: 0 }
  for (const result of done) summary[result.status] += 1
  return { results: done, summary }
}

/**
 * The items of a run that failed and are safe to send again: pass them to
 * applyTransactionPlan to resend only those. Unconfirmed ones are left out: they may
 * have happened, so plan them again from a fresh roster instead.
 */
export function failedItems(results: readonly TransactionItemResult[]): TransactionPlanItem[] {
  return results
    .filter((result) => result.status === 'failed' && !result.unconfirmed)
    .map((result) => result.item)
}

/** The items of a run whose outcome is unknown: check the roster before resending them. */
export function unconfirmedItems(results: readonly TransactionItemResult[]): TransactionPlanItem[] {
  return results
    .filter((result) => result.status === 'failed' && result.unconfirmed === true)
    .map((result) => result.item)
}
