// What a run's results say: per item, and which items to resend or to check first.
// Beside the planner and the applier, so a UI, a script and the tests read a run
// the same way.
import type { LinkChange } from '../link-version'
import { sameRole } from '../roles'
import type { PropertyContact } from '../schemas'
import type { TransactionPlanItem } from './plan'

/**
 * `changed`: the link is no longer the one the plan was made against (someone changed,
 * unlinked or linked the contact since the review), so the item was not written: plan
 * it again from the roster as it is now.
 */
export type ItemStatus = 'done' | 'skipped' | 'changed' | 'failed'

/** How an item's link differs from the roster its plan was made against. */
export type SinceReview =
  /** Still linked, with other values: `changes` go from the reviewed link to `now`. */
  | { kind: 'edited'; now: PropertyContact; changes: LinkChange[] }
  /** Unlinked from the property since the review. */
  | { kind: 'unlinked' }
  /** Planned as not linked, and linked since, otherwise than the item asks. */
  | { kind: 'linked'; now: PropertyContact }

export interface TransactionItemResult {
  item: TransactionPlanItem
  status: ItemStatus
  /**
   * The link as the server answered it, or as read back (for a skip: as planned,
   * demotion applied; for a change: as it is now). Absent when the server
   * acknowledged a write without it, or the link is gone.
   */
  link?: PropertyContact
  /** Exactly when `status` is `changed`: what changed since the review. */
  sinceReview?: SinceReview
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

/** Results by the item they are about, as a run reports them one by one. */
export type ResultsByItem = ReadonlyMap<TransactionPlanItem, TransactionItemResult>

/**
 * The items of a run that failed and are safe to send again: pass them to
 * applyTransactionPlan to resend only those. Unconfirmed ones are left out: they may
 * have happened, so plan them again from a fresh roster instead; so are changed ones
 * (not failed): their plan is out of date.
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

/** The results of a run whose items were not written because they changed since the review. */
export function changedResults(
  results: readonly TransactionItemResult[],
): (TransactionItemResult & { sinceReview: SinceReview })[] {
  return results.filter(
    (result): result is TransactionItemResult & { sinceReview: SinceReview } =>
      result.status === 'changed' && result.sinceReview !== undefined,
  )
}

export type ItemState =
  'done' | 'failed' | 'pending' | 'skipped' | 'changed' | 'blocked' | 'unconfirmed'

/** For a demotion (`demotedBy`): the planned promotion that causes it. */
export function promotionOf(
  item: TransactionPlanItem,
  items: readonly TransactionPlanItem[],
): TransactionPlanItem | undefined {
  if (item.demotedBy === undefined) return undefined
  return items.find(
    (candidate) =>
      candidate.contactId === item.demotedBy &&
      candidate.primary &&
      sameRole(candidate.role, item.role),
  )
}

/**
 * Where an item stands. A demotion has no request of its own: it happens with
 * the promotion that replaces it, so it is done exactly when that promotion is in
 * place (written, or found so), and stays undone, "blocked", while the promotion
 * failed or was not written because it changed since the review (also after a retry
 * that only resent the promotion). A write the server never confirmed, and that could
 * not be read back, is "unconfirmed": it may have happened, and so may its demotion.
 */
export function itemState(
  item: TransactionPlanItem,
  items: readonly TransactionPlanItem[],
  results: ResultsByItem,
): ItemState {
  if (item.demotedBy !== undefined) {
    const promoter = promotionOf(item, items)
    const promoted = promoter ? results.get(promoter) : undefined
    if (!promoted) return 'pending'
    if (promoted.status === 'done' || promoted.status === 'skipped') return 'done'
    return promoted.status === 'failed' && promoted.unconfirmed ? 'unconfirmed' : 'blocked'
  }
  const result = results.get(item)
  if (!result) return 'pending'
  if (result.status === 'failed') return result.unconfirmed ? 'unconfirmed' : 'failed'
  return result.status
}

/** How many items are in place: done or left alone (a demotion once its promotion is). */
export function countInPlace(items: readonly TransactionPlanItem[], results: ResultsByItem) {
  return items.filter((item) => {
    const state = itemState(item, items, results)
    return state === 'done' || state === 'skipped'
  }).length
}
