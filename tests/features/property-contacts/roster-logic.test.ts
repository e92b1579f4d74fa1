import { describe, expect, it } from 'vitest'
import type { PropertyContact } from '../../../src/api'
import {
  filterRoster,
  readRosterFilters,
  writeRosterFilters,
} from '../../../src/features/property-contacts/filters'
import {
  groupByRole,
  limitGroups,
  primaryOf,
} from '../../../src/features/property-contacts/role-groups'
import { applyLinkUpdate, removeLink } from '../../../src/features/property-contacts/roster-rules'

let nextId = 1
function link(first: string, last: string, role: string | null, primary = false): PropertyContact {
  const id = nextId++
  return {
    id,
    property_id: 1,
    contact_id: 100 + id,
    role,
    primary,
    start_date: null,
    notes: null,
    created: '2026-11-01T00:00:00.000Z',
    updated: '2026-11-01T00:00:00.000Z',
    contact: {
      id: 100 + id,
      first_name: first,
      last_name: last,
      email: `${first.toLowerCase()}@example.com`,
      phone: '(512) 555-0100',
      company: null,
      created: '2026-11-01T00:00:00.000Z',
    },
  }
}

const roster = [
  link('Ann', 'Zed', 'Inspector', true),
  link('Bob', 'Young', 'buyer'),
  link('Cat', 'Xu', 'Buyer', true),
  link('Dan', 'Wu', null),
  link('Eve', 'Vance', 'Seller', true),
  link('Fay', 'Ulm', 'Appraiser', true),
  link('Gus', 'Toll', 'Buyer Agent', true),
  link('Hal', 'Sims', 'Listing Agent', true),
]

describe('groupByRole', () => {
  it('orders sellers, buyers, listing agent, buyer agent, the rest alphabetically, then no role', () => {
    expect(groupByRole(roster).map((group) => group.label)).toEqual([
      'Sellers',
      'Buyers',
      'Listing Agent',
      'Buyer Agent',
      'Appraiser',
      'Inspector',
      'Role not recorded',
    ])
  })

  it('merges roles that differ only in case and puts the primary first', () => {
    const buyers = groupByRole(roster).find((group) => group.key === 'buyer')
    expect(buyers?.links.map((entry) => entry.contact.first_name)).toEqual(['Cat', 'Bob'])
  })
})

describe('limitGroups (a long roster rendered in steps)', () => {
  const shape = (limit: number) =>
    limitGroups(groupByRole(roster), limit).map(
      (group) => `${group.label} ${group.links.length}/${group.total}`,
    )

  it('takes whole groups in order, then the start of the next one', () => {
    // Sellers 1, Buyers 2, Listing Agent 1, Buyer Agent 1, Appraiser 1, Inspector 1, none 1.
    expect(shape(2)).toEqual(['Sellers 1/1', 'Buyers 1/2'])
    expect(shape(4)).toEqual(['Sellers 1/1', 'Buyers 2/2', 'Listing Agent 1/1'])
  })

  it('gives every group whole once the limit reaches the roster, and nothing at 0', () => {
    expect(shape(8)).toEqual([
      'Sellers 1/1',
      'Buyers 2/2',
      'Listing Agent 1/1',
      'Buyer Agent 1/1',
      'Appraiser 1/1',
      'Inspector 1/1',
      'Role not recorded 1/1',
    ])
    expect(shape(100)).toEqual(shape(8))
    expect(shape(0)).toEqual([])
  })

  it('keeps the same link objects (entries already shown are not rebuilt)', () => {
    const groups = groupByRole(roster)
    expect(limitGroups(groups, 100)[0]?.links).toBe(groups[0]?.links)
  })
})

describe('applyLinkUpdate (the server rule, applied optimistically)', () => {
  it('demotes the previous primary of the role when another becomes primary', () => {
    const bob = roster[1]
    const cat = roster[2]
    if (!bob || !cat) throw new Error('fixture')
    const next = applyLinkUpdate(roster, bob.contact_id, { primary: true })
    expect(next.find((entry) => entry.id === bob.id)?.primary).toBe(true)
    expect(next.find((entry) => entry.id === cat.id)?.primary).toBe(false)
    expect(primaryOf(next, 'BUYER')?.id).toBe(bob.id)
  })

  it('demotes the primary of the new role when a primary link changes role', () => {
    const ann = roster[0]
    const fay = roster[5]
    if (!ann || !fay) throw new Error('fixture')
    const next = applyLinkUpdate(roster, ann.contact_id, { role: ' Appraiser ' })
    expect(next.find((entry) => entry.id === ann.id)).toMatchObject({
      role: 'Appraiser',
      primary: true,
    })
    expect(next.find((entry) => entry.id === fay.id)?.primary).toBe(false)
  })

  it('leaves other roles alone and removes a link by contact id', () => {
    const dan = roster[3]
    if (!dan) throw new Error('fixture')
    const next = applyLinkUpdate(roster, dan.contact_id, { notes: 'Keys' })
    expect(next.filter((entry) => entry.primary)).toHaveLength(6)
    expect(removeLink(next, dan.contact_id)).toHaveLength(roster.length - 1)
  })
})

describe('roster filters', () => {
  it('filters by role, primary and text (name, email, phone digits)', () => {
    expect(filterRoster(roster, { role: 'Buyer', primaryOnly: false, search: '' })).toHaveLength(2)
    expect(filterRoster(roster, { role: 'buyer', primaryOnly: true, search: '' })).toHaveLength(1)
    expect(filterRoster(roster, { role: '(none)', primaryOnly: false, search: '' })).toHaveLength(1)
    expect(filterRoster(roster, { role: '', primaryOnly: false, search: 'vance' })).toHaveLength(1)
    expect(filterRoster(roster, { role: '', primaryOnly: false, search: 'eve@' })).toHaveLength(1)
    expect(filterRoster(roster, { role: '', primaryOnly: false, search: '555-0100' })).toHaveLength(
      8,
    )
  })

  it('round-trips through the URL and ignores what it does not know', () => {
    const params = writeRosterFilters(new URLSearchParams('tab=x'), {
      role: 'Buyer',
      primaryOnly: true,
      search: '',
    })
    expect(params.toString()).toBe('tab=x&role=Buyer&primary=1')
    expect(readRosterFilters(params)).toEqual({ role: 'Buyer', primaryOnly: true, search: '' })
    expect(readRosterFilters(new URLSearchParams('primary=maybe&role=' + 'x'.repeat(300)))).toEqual(
      {
        role: 'x'.repeat(100),
        primaryOnly: false,
        search: '',
      },
    )
  })
})
