import { describe, expect, it } from 'vitest'
import type { TransactionItemResult, TransactionPlanItem } from '../../../src/api/transaction-setup'
import { itemState } from '../../../src/features/transaction-setup/components/plan-table'

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

function results(status: 'done' | 'failed' | undefined) {
  const map = new Map<TransactionPlanItem, TransactionItemResult>()
  map.set(demoted, { item: demoted, status: 'skipped' })
  if (status === 'done') map.set(promotion, { item: promotion, status: 'done' })
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
})
