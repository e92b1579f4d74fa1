// The rules about how a property's links relate (src/api/roster-rules.ts), and the
// role picker's choice (src/api/roles.ts): shared by the planner and the forms.
import { describe, expect, it } from 'vitest'
import { OTHER_ROLE, chosenRole, roleChoiceProblem } from '../../src/api/roles'
import {
  primaryCollisionMessage,
  primaryCollisions,
  repeatedContactMessage,
  repeatedContacts,
} from '../../src/api/roster-rules'

interface Item {
  at: string
  contact: number | null
  role: string | null
  primary: boolean
}

const item = (at: string, contact: number | null, role: string | null, primary = false) => ({
  at,
  contact,
  role,
  primary,
})

describe('repeatedContacts', () => {
  it('pairs every later item with the first that has its contact, skipping items without one', () => {
    const items: Item[] = [
      item('a', 1, 'Seller'),
      item('b', null, 'Buyer'),
      item('c', 1, 'Buyer'),
      item('d', null, 'Buyer'),
      item('e', 1, 'Lender'),
    ]
    const repeats = repeatedContacts(items, (entry) => entry.contact)
    expect(repeats.map(({ first, again }) => [first.at, again.at])).toEqual([
      ['a', 'c'],
      ['a', 'e'],
    ])
  })

  it('says both places and the rule', () => {
    expect(repeatedContactMessage('Eric Gonzalez', 'Seller 1', 'Buyer 1')).toBe(
      'Eric Gonzalez is listed twice, at Seller 1 and Buyer 1: a contact has one role on a property.',
    )
  })
})

describe('primaryCollisions', () => {
  it('groups the primaries of each role compared by roleKey; roleless items have no rule', () => {
    const items: Item[] = [
      item('a', 1, 'Buyer', true),
      item('b', 2, 'Inspector', true),
      item('c', 3, 'buyer\u200b', true),
      item('d', 4, 'Buyer'),
      item('e', 5, null, true),
      item('f', 6, '  ', true),
      item('g', 7, 'İNSPECTOR', true),
    ]
    const groups = primaryCollisions(
      items,
      (entry) => entry.role,
      (entry) => entry.primary,
    )
    expect(groups.map((group) => group.map((entry) => entry.at))).toEqual([
      ['a', 'c'],
      ['b', 'g'],
    ])
  })

  it('names the role and every place, with an optional note', () => {
    expect(primaryCollisionMessage('Seller', ['Seller 1', 'Seller 2'])).toBe(
      'Only one primary per role: Seller is primary at Seller 1 and Seller 2.',
    )
    expect(primaryCollisionMessage('Lender', ['a', 'b', 'c'], 'Keep one.')).toBe(
      'Only one primary per role: Lender is primary at a, b and c. Keep one.',
    )
  })
})

describe('the role picker choice', () => {
  it('means the typed text, as stored, for Other…, and the choice otherwise', () => {
    expect(chosenRole(OTHER_ROLE, ' Home Stager\u200b ')).toBe('Home Stager')
    expect(chosenRole('Lender', 'ignored')).toBe('Lender')
    expect(chosenRole('', '')).toBe('')
  })

  it('says which field is at fault', () => {
    expect(roleChoiceProblem('', '')).toEqual({ field: 'choice', message: 'Choose a role' })
    expect(roleChoiceProblem('Lender', '')).toBeNull()
    expect(roleChoiceProblem(OTHER_ROLE, '\u200b ')).toEqual({
      field: 'other',
      message: 'Type the role',
    })
    expect(roleChoiceProblem(OTHER_ROLE, 'Bu\u0443er')).toEqual({
      field: 'other',
      message: 'Role mixes letters from different alphabets (Latin and Cyrillic); retype it',
    })
    expect(roleChoiceProblem(OTHER_ROLE, 'Home Stager')).toBeNull()
  })
})
