import { describe, expect, it } from 'vitest'
import type {
  TransactionItemResult,
  TransactionPlan,
  TransactionPlanItem,
} from '../../../src/api/transaction-setup'
import {
  INITIAL_STAGE,
  setupProgress,
  type SetupEvent,
  type SetupStage,
} from '../../../src/features/transaction-setup/setup-progress'

const jordan: TransactionPlanItem = {
  at: 'sellers.0',
  contactId: 7,
  role: 'Seller',
  primary: true,
  action: 'create',
}
const emily: TransactionPlanItem = {
  at: 'buyers.0',
  contactId: 58,
  role: 'Buyer',
  primary: true,
  action: 'create',
}
const plan: TransactionPlan = {
  items: [jordan, emily],
  counts: { create: 2, update: 0, skip: 0 },
  roster: [],
}

const run = (events: SetupEvent[], from: SetupStage = INITIAL_STAGE) =>
  events.reduce(setupProgress, from)

const failed = (item: TransactionPlanItem): TransactionItemResult => ({
  item,
  status: 'failed',
  error: new Error('500'),
})

describe('setupProgress: the setup steps in one reducer', () => {
  it('goes from edit to review, and back to edit asking for the first field', () => {
    const review = run([{ type: 'planned', plan }])
    expect(review).toEqual({ kind: 'review', plan, again: false })
    expect(run([{ type: 'back-to-edit' }], review)).toEqual({ kind: 'edit', returning: true })
  })

  it('applies with results as they come, then stops running', () => {
    const stage = run([
      { type: 'planned', plan },
      { type: 'run-started', items: plan.items },
      { type: 'item-finished', result: { item: jordan, status: 'done' } },
    ])
    expect(stage).toMatchObject({ kind: 'apply', run: 1, running: true })
    if (stage.kind !== 'apply') throw new Error('not applying')
    expect(stage.results.get(jordan)?.status).toBe('done')
    expect(stage.results.has(emily)).toBe(false)
    expect(run([{ type: 'run-finished' }], stage)).toMatchObject({ running: false })
  })

  it('on a retry forgets only the resent items, and counts the run', () => {
    const first = run([
      { type: 'planned', plan },
      { type: 'run-started', items: plan.items },
      { type: 'item-finished', result: { item: jordan, status: 'done' } },
      { type: 'item-finished', result: failed(emily) },
      { type: 'run-finished' },
    ])
    const retry = run([{ type: 'run-started', items: [emily] }], first)
    expect(retry).toMatchObject({ kind: 'apply', run: 2, running: true, plan })
    if (retry.kind !== 'apply') throw new Error('not applying')
    expect([...retry.results.keys()]).toEqual([jordan])
    // The earlier stage is left as it was (a new map, not the same one changed).
    if (first.kind !== 'apply') throw new Error('not applying')
    expect(first.results.size).toBe(2)
  })

  it('plans again from a finished run, back to the review, and not while it runs', () => {
    const newPlan: TransactionPlan = { ...plan, counts: { create: 1, update: 0, skip: 1 } }
    const running = run([
      { type: 'planned', plan },
      { type: 'run-started', items: plan.items },
      { type: 'item-finished', result: { item: jordan, status: 'done' } },
    ])
    expect(run([{ type: 'planned-again', plan: newPlan }], running)).toBe(running)
    const finished = run([{ type: 'run-finished' }], running)
    const again = run([{ type: 'planned-again', plan: newPlan }], finished)
    expect(again).toEqual({ kind: 'review', plan: newPlan, again: true })
    // Applying the new plan starts afresh: its first run, no results yet.
    expect(run([{ type: 'run-started', items: newPlan.items }], again)).toMatchObject({
      kind: 'apply',
      run: 1,
      plan: newPlan,
      results: new Map(),
    })
    // Only after a run: from the form, a plan is "planned".
    expect(run([{ type: 'planned-again', plan: newPlan }])).toBe(INITIAL_STAGE)
  })

  it('ignores events that do not belong to the current step', () => {
    expect(run([{ type: 'run-started', items: plan.items }])).toBe(INITIAL_STAGE)
    expect(run([{ type: 'item-finished', result: failed(jordan) }])).toBe(INITIAL_STAGE)
    const review = run([{ type: 'planned', plan }])
    expect(run([{ type: 'planned', plan }], review)).toBe(review)
  })
})
