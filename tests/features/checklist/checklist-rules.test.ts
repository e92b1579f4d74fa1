import { describe, expect, it } from 'vitest'
import type { ClientType, PropertyContact } from '../../../src/api'
import { DEFAULT_CHECKLIST } from '../../../src/features/checklist/checklist-config'
import {
  ChecklistConfigSchema,
  describeChecklistProblem,
} from '../../../src/features/checklist/checklist-file'
import {
  checklistState,
  checkRoster,
  withArticle,
} from '../../../src/features/checklist/checklist-rules'

let nextId = 1
interface LinkOptions {
  primary?: boolean
  email?: string | null
  phone?: string | null
}

function link(
  role: string | null,
  { primary = true, email = 'x@example.com', phone = null }: LinkOptions = {},
): PropertyContact {
  const id = nextId++
  return {
    id,
    property_id: 1,
    contact_id: id,
    role,
    primary,
    start_date: null,
    notes: null,
    created: '2026-01-01T00:00:00Z',
    updated: '2026-01-01T00:00:00Z',
    contact: {
      id,
      first_name: `First${String(id)}`,
      last_name: `Last${String(id)}`,
      email,
      phone,
      company: null,
      created: '2026-01-01T00:00:00Z',
    },
  }
}

const check = (type: ClientType, links: PropertyContact[]) =>
  checkRoster(DEFAULT_CHECKLIST, type, links)

describe('the checklist of a deal type', () => {
  it('expects the seller side, the buyer side, and both for a dual deal', () => {
    const labels = (type: ClientType) => check(type, []).slots.map((slot) => slot.label)
    expect(labels('Seller')).toEqual(['Seller', 'Listing Agent', 'Title Officer or Escrow Officer'])
    expect(labels('Buyer')).toEqual([
      'Buyer',
      'Buyer Agent',
      'Lender',
      'Inspector',
      'Title Officer or Escrow Officer',
    ])
    expect(labels('Dual')).toHaveLength(7)
    expect(new Set(labels('Dual'))).toEqual(new Set([...labels('Seller'), ...labels('Buyer')]))
  })

  it('fills an either-or slot with either role, matched as roles are everywhere', () => {
    const base = [link('Seller'), link('  listing AGENT ')]
    expect(check('Seller', [...base, link('Escrow Officer')]).complete).toBe(true)
    expect(check('Seller', [...base, link('title officer')]).complete).toBe(true)
    const missing = check('Seller', base)
    expect(missing.filled).toBe(2)
    expect(missing.missing.map((slot) => slot.label)).toEqual(['Title Officer or Escrow Officer'])
    expect(checklistState(missing)).toBe('1 missing')
  })

  it('counts no role outside the checklist, and a custom role matches nothing', () => {
    const result = check('Seller', [
      link('Seller'),
      link('Co-listing Agent'),
      link('Title Officer'),
      link('Attorney', { primary: false }),
      link(null, { primary: false }),
    ])
    expect(result.missing.map((slot) => slot.label)).toEqual(['Listing Agent'])
    // Attorney has no primary, but the seller's checklist does not name it.
    expect(result.issues).toEqual([])
  })

  it('flags a role with people but no primary, and two primaries in one role', () => {
    const others = [link('Buyer Agent'), link('Inspector'), link('Escrow Officer')]
    const noPrimary = check('Buyer', [
      link('Buyer', { primary: false }),
      link('Buyer', { primary: false }),
      link('Lender'),
      ...others,
    ])
    expect(noPrimary.missing).toEqual([])
    expect(noPrimary.issues).toEqual([
      expect.objectContaining({ kind: 'no-primary', role: 'Buyer' }),
    ])
    expect(noPrimary.complete).toBe(false)
    expect(checklistState(noPrimary)).toBe('1 to fix')

    const first = link('Lender')
    const second = link('lender')
    const two = check('Buyer', [link('Buyer'), first, second, ...others])
    expect(two.issues).toEqual([
      { kind: 'two-primaries', role: 'Lender', primaries: [first, second] },
    ])
  })

  it('flags a primary with neither email nor phone, not one with either', () => {
    const others = [link('Listing Agent'), link('Title Officer')]
    const unreachable = link('Seller', { email: ' ', phone: null })
    expect(check('Seller', [unreachable, ...others]).issues).toEqual([
      { kind: 'unreachable', role: 'Seller', primary: unreachable },
    ])
    const byPhone = link('Seller', { email: null, phone: '555 0100' })
    expect(check('Seller', [byPhone, ...others]).complete).toBe(true)
    expect(checklistState(check('Seller', [byPhone, ...others]))).toBe('Complete')
  })

  it('words a fix with the right article', () => {
    expect(withArticle('Lender')).toBe('a Lender')
    expect(withArticle('Inspector')).toBe('an Inspector')
  })
})

describe('a team checklist', () => {
  it('replaces the defaults, with custom roles and a dual deal as both sides by default', () => {
    const config = ChecklistConfigSchema.parse({
      Seller: ['Seller', ['Listing Agent', 'Co-listing Agent']],
      Buyer: ['Buyer', 'Lender'],
    })
    expect(config.Dual).toEqual([
      ['Seller'],
      ['Listing Agent', 'Co-listing Agent'],
      ['Buyer'],
      ['Lender'],
    ])
    const result = checkRoster(config, 'Seller', [link('Seller'), link('co-listing agent')])
    expect(result.complete).toBe(true)
    // Lender is not on this seller-side list: a deal of that type never misses one.
    expect(checkRoster(config, 'Seller', [link('Seller')]).missing.map((s) => s.label)).toEqual([
      'Listing Agent or Co-listing Agent',
    ])
  })

  it.each([
    [{ Buyer: ['Buyer'] }, 'Seller: Expected a list of roles'],
    [{ Buyer: ['Buyer', 7], Seller: [] }, 'Buyer.1: Expected a role'],
    [{ Buyer: ['Buyer'], Seller: ['Seller'], buyer: [] }, 'the file: unknown key buyer'],
    [{ Buyer: ['Buyer', ''], Seller: ['Seller'] }, 'Buyer.1: Role cannot be empty'],
    [{ Buyer: ['Buyer', []], Seller: ['Seller'] }, 'Buyer.1: List at least one role'],
    [
      { Buyer: ['Lender', ['Buyer', ' lender']], Seller: [] },
      'Buyer.1.1: lender is listed more than once',
    ],
    [['Buyer'], 'the file: Expected an object of role lists'],
  ])('refuses %j, saying where and why', (input, expected) => {
    const parsed = ChecklistConfigSchema.safeParse(input)
    expect(parsed.success).toBe(false)
    if (!parsed.success) expect(describeChecklistProblem(parsed.error)).toContain(expected)
  })
})
