// Applying a plan: a few requests at a time, in an order that keeps the property's
// primaries right, retrying only what is known not to have happened (a 429), reading
// back what may have happened without an answer saying so, and writing nothing over a
// change made since the review (write-item.ts).
import { roleKey } from '../roles'
import type { IdLike } from '../validate'
import type { TransactionPlanItem } from './plan'
import type { TransactionApplyResult, TransactionItemResult } from './progress'
import {
  limiter,
  settingsOf,
  type ApplyTransactionOptions,
  type TransactionClient,
} from './requests'
import { writeItem, type Outcome } from './write-item'

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
 * ever removes a primary from it, so no lane needs to wait for another. (Its version
 * check may then find it demoted by its old role's promotion, this setup's own doing:
 * `losesPrimaryTo`, and write-item.ts goes on against that version.)
 * 5. Every write is conditional on the link it was planned from. One whose link
 *    changed since the review is not written ("changed"); a promotion not written
 *    demotes nobody, so its demotions stay as they were (itemState: "blocked").
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
      finish(index, item, await writeItem(client, propertyId, item, settings))
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
      // In place: written, or found so (linked as wanted since the review).
      const promoted = lane.some(({ index: at, item: other }) => {
        const status = results[at]?.status
        return other.contactId === item.demotedBy && (status === 'done' || status === 'skipped')
      })
      const link = item.current && promoted ? { ...item.current, primary: false } : item.current
      finish(index, item, { status: 'skipped', link })
    }
  }
  await Promise.all([...lanes.values()].map(runLane))

  if (progressError) throw progressError.error
  const done = results.filter((result) => result !== undefined)
  const summary = { done: 0, skipped: 0, changed: 0, failed: 0 }
  for (const result of done) summary[result.status] += 1
  return { results: done, summary }
}
