import { describe, expect, it } from 'vitest'
import type { PropertyContact } from '../../../src/api'
import {
  countInPlace,
  itemState,
  planTransactionSetup,
  replacedPrimaries,
  type TransactionItemResult,
  type TransactionPlanItem,
} from '../../../src/api/transaction-setup'

// Andrew (1) is the primary Inspector now; Marcus (2) becomes primary "inspector",
// typed in another case: the server treats them as one role, so does the page.
const demoted: TransactionPlanItem = {
  at: 'others.0',
  contactId: 1,
  role: 'Inspector',
  primary: false,
  action: 'skip',
  demotedBy: 2,
}
const promotion: TransactionPlanItem = {
  at: 'others.1',
  contactId: 2,
  role: 'inspector',
  primary: true,
  action: 'create',
}
const items = [demoted, promotion]

function results(status: 'done' | 'skipped' | 'changed' | 'failed' | undefined) {
  const map = new Map<TransactionPlanItem, TransactionItemResult>()
  map.set(demoted, { item: demoted, status: 'skipped' })
  if (status === 'done' || status === 'skipped') map.set(promotion, { item: promotion, status })
  if (status === 'changed') {
    map.set(promotion, { item: promotion, status, sinceReview: { kind: 'unlinked' } })
  }
  if (status === 'failed') {
    map.set(promotion, { item: promotion, status: 'failed', error: new Error('500') })
  }
  return map
}

describe('itemState: a demotion follows the promotion that causes it', () => {
  it('is pending while the promotion is, even when the roles differ in case', () => {
    expect(itemState(demoted, items, results(undefined))).toBe('pending')
  })

  it('is done once the promotion is done', () => {
    expect(itemState(demoted, items, results('done'))).toBe('done')
    expect(itemState(promotion, items, results('done'))).toBe('done')
  })

  it('is blocked (still primary) when the promotion failed', () => {
    expect(itemState(demoted, items, results('failed'))).toBe('blocked')
    expect(itemState(promotion, items, results('failed'))).toBe('failed')
  })

  it('is blocked when the promotion was not written because it changed since review', () => {
    expect(itemState(demoted, items, results('changed'))).toBe('blocked')
    expect(itemState(promotion, items, results('changed'))).toBe('changed')
  })

  it('is done when the promotion was found in place (linked so since the review)', () => {
    expect(itemState(demoted, items, results('skipped'))).toBe('done')
  })
})

describe('countInPlace: what a summary calls done', () => {
  it('counts a demotion only once its promotion is done', () => {
    expect(countInPlace(items, results(undefined))).toBe(0)
    expect(countInPlace(items, results('failed'))).toBe(0)
    expect(countInPlace(items, results('done'))).toBe(2)
    expect(countInPlace(items, results('changed'))).toBe(0)
  })
})

describe('replacedPrimaries: against the roster the plan was made from', () => {
  const roster = [
    // Eric (343) is the primary Seller, and not in the setup.
    link({ id: 1, contact_id: 343, role: 'Seller', primary: true }, 'Eric', 'Gonzalez'),
    link({ id: 2, contact_id: 242, role: 'Seller', primary: false }, 'Nancy', 'Thompson'),
  ]

  it('names a current primary outside the plan that a new primary replaces', () => {
    const plan = planTransactionSetup(roster, { sellers: [7], buyers: [], agents: [] })
    expect(plan.roster).toBe(roster)
    const replaced = replacedPrimaries(plan)
    expect(replaced.map(({ previous, by }) => [previous.contact_id, by.contactId])).toEqual([
      [343, 7],
    ])
  })

  it('says nothing when the current primary is in the plan, or no roster was read', () => {
    const inPlan = planTransactionSetup(roster, {
      sellers: [7, { id: 343, primary: false }],
      buyers: [],
      agents: [],
    })
    expect(replacedPrimaries(inPlan)).toEqual([])
    const empty = planTransactionSetup([], { sellers: [7], buyers: [], agents: [] })
    expect(replacedPrimaries(empty)).toEqual([])
  })
})

function link(
  fields: Pick<PropertyContact, 'id' | 'contact_id' | 'role' | 'primary'>,
  first_name: string,
  last_name: string,
): PropertyContact {
  return {
    ...fields,
    property_id: 1,
    start_date: null,
    notes: null,
    created: '2026-01-01T00:00:00Z',
    updated: '2026-01-01T00:00:00Z',
    contact: { id: fields.contact_id, first_name, last_name, created: '2026-01-01T00:00:00Z' },
  }
}
