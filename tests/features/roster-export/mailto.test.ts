import { describe, expect, it } from 'vitest'
import { contactDetails, emailList } from '../../../src/features/roster-export/copy-formats'
import {
  describeUnreachable,
  MAILTO_LIMIT,
  planMailto,
} from '../../../src/features/roster-export/mailto'
import { row } from './rows'

const people = [
  row(),
  row({ name: 'Bo Roe', email: 'bo+deal@example.com' }),
  row({ name: 'No Mail', email: '' }),
  row({ name: 'Typo Tom', email: 'tom at example' }),
  // The same address twice (a couple sharing one): written once.
  row({ name: 'Ann Again', email: 'ANN@example.com' }),
]

describe('planMailto', () => {
  it('addresses everyone with an email in To', () => {
    const plan = planMailto(people, 'to')
    expect(plan.href).toBe('mailto:ann@example.com,bo%2Bdeal@example.com')
    expect(plan.addresses).toEqual(['ann@example.com', 'bo+deal@example.com'])
  })

  it('or in Bcc', () => {
    expect(planMailto(people, 'bcc').href).toBe('mailto:?bcc=ann@example.com,bo%2Bdeal@example.com')
  })

  it('percent-encodes what a URI may not hold (RFC 6068), UTF-8 for non-ASCII', () => {
    const plan = planMailto([row({ email: 'josé%x@exämple.com' })], 'to')
    expect(plan.href).toBe('mailto:jos%C3%A9%25x@ex%C3%A4mple.com')
  })

  it('names the contacts without an email, and the ones whose email is not an address', () => {
    const plan = planMailto(people, 'to')
    expect(plan.unreachable).toEqual([
      { name: 'No Mail', reason: 'none' },
      { name: 'Typo Tom', reason: 'invalid' },
    ])
    expect(describeUnreachable(plan.unreachable)).toBe(
      '2 have no email: No Mail, Typo Tom (not a valid address).',
    )
    expect(describeUnreachable([{ name: 'No Mail', reason: 'none' }])).toBe(
      '1 has no email: No Mail.',
    )
    expect(describeUnreachable([])).toBe('')
  })

  it('gives no link past the length limit, and says how long it would be', () => {
    const many = Array.from({ length: 80 }, (_, i) =>
      row({ name: `P ${i}`, email: `person.number.${i}@example.com` }),
    )
    const within = planMailto(many.slice(0, 40), 'to')
    expect(within.href).not.toBeNull()
    expect(within.length).toBeLessThanOrEqual(MAILTO_LIMIT)
    const past = planMailto(many, 'bcc')
    expect(past.href).toBeNull()
    expect(past.length).toBeGreaterThan(MAILTO_LIMIT)
    expect(past.addresses).toHaveLength(80)
  })

  it('gives no link when no one has an email', () => {
    const plan = planMailto([row({ email: '' })], 'to')
    expect(plan.href).toBeNull()
    expect(plan.addresses).toEqual([])
  })
})

describe('emailList', () => {
  it('writes Name <email>, one a line or comma-separated; a name with a comma is quoted', () => {
    const rows = [...people, row({ name: 'Lee, Ann "Jr"', email: 'jr@example.com' })]
    expect(emailList(rows, 'lines')).toBe(
      'Ann Lee <ann@example.com>\nBo Roe <bo+deal@example.com>\n"Lee, Ann \\"Jr\\"" <jr@example.com>',
    )
    expect(emailList(rows, 'comma')).toBe(
      'Ann Lee <ann@example.com>, Bo Roe <bo+deal@example.com>, "Lee, Ann \\"Jr\\"" <jr@example.com>',
    )
  })
})

describe('contactDetails', () => {
  it('lists what is on file, one item a line', () => {
    expect(contactDetails(row({ company: 'Lee Realty', phone: '555-0100' }))).toBe(
      'Ann Lee\nBuyer (primary)\nLee Realty\nann@example.com\n555-0100',
    )
    expect(contactDetails(row({ role: '', email: '' }))).toBe('Ann Lee')
  })
})
