import { describe, expect, it } from 'vitest'
import type { Contact } from '../../../src/api'
import {
  draftKey,
  duplicateSearches,
  findDuplicates,
  matchReasons,
  normalizeEmail,
  phoneDigits,
  prefillFromSearch,
  similarFirstNames,
  type ContactDraft,
} from '../../../src/features/contacts/duplicates'

function contact(id: number, fields: Partial<Contact>): Contact {
  return {
    id,
    first_name: 'Dana',
    last_name: 'Whitfield',
    email: null,
    phone: null,
    company: null,
    created: '2026-01-01T00:00:00.000Z',
    ...fields,
  }
}

const draft = (fields: Partial<ContactDraft>): ContactDraft => ({
  first_name: '',
  last_name: '',
  email: '',
  phone: '',
  ...fields,
})

describe('normalising', () => {
  it('compares emails trimmed and in any case', () => {
    expect(normalizeEmail('  Dana@Example.COM ')).toBe('dana@example.com')
    expect(normalizeEmail(null)).toBe('')
  })

  it('compares phones by digits, a leading US country code ignored', () => {
    expect(phoneDigits('+1 (480) 555-0101')).toBe('4805550101')
    expect(phoneDigits('1-480-555-0101')).toBe('4805550101')
    expect(phoneDigits('480.555.0101')).toBe('4805550101')
    // Not a US number with its country code: kept as it is.
    expect(phoneDigits('+44 20 7946 0018')).toBe('442079460018')
    expect(phoneDigits(undefined)).toBe('')
  })

  it('takes near misses of a first name, and nicknames', () => {
    expect(similarFirstNames('Jon', 'John')).toBe(true)
    expect(similarFirstNames('Dana', 'Dena')).toBe(true)
    expect(similarFirstNames('Katherine', 'Kathrine')).toBe(true)
    expect(similarFirstNames('Bob', 'Robert')).toBe(true)
    expect(similarFirstNames('José', 'jose')).toBe(true)
    expect(similarFirstNames('Dana', 'Mark')).toBe(false)
    expect(similarFirstNames('Ann', 'Bob')).toBe(false)
    expect(similarFirstNames('', 'Ann')).toBe(false)
  })
})

describe('matchReasons', () => {
  it('finds the same email, phone and name, whatever their spelling', () => {
    const dana = contact(1, { email: 'dana@example.com', phone: '(480) 555-0101' })
    expect(
      matchReasons(
        draft({
          first_name: ' dana ',
          last_name: 'WHITFIELD',
          email: ' DANA@example.com',
          phone: '+1 480 555 0101',
        }),
        dana,
      ),
    ).toEqual(['email', 'phone', 'name'])
  })

  it('ignores accents and spacing in names, and takes "Jon" for "John"', () => {
    const john = contact(2, { first_name: 'John', last_name: 'Smith' })
    expect(matchReasons(draft({ first_name: 'Jon', last_name: 'Smith' }), john)).toEqual([
      'similar name',
    ])
    const zoe = contact(3, { first_name: 'Zoë', last_name: 'Van  der Berg' })
    expect(matchReasons(draft({ first_name: 'zoe', last_name: 'van der berg' }), zoe)).toEqual([
      'name',
    ])
  })

  it('finds nothing in a short phone, an empty email or another last name', () => {
    const dana = contact(1, { email: 'dana@example.com', phone: '555-0101' })
    expect(matchReasons(draft({ phone: '0101', first_name: 'Dana' }), dana)).toEqual([])
    expect(matchReasons(draft({ email: ' ', last_name: 'Whitman' }), dana)).toEqual([])
  })
})

describe('findDuplicates', () => {
  it('ranks a shared email above a shared name, once per contact, at most five', () => {
    const byName = contact(1, {})
    const byEmail = contact(2, { first_name: 'D.', last_name: 'W.', email: 'dana@example.com' })
    const others = Array.from({ length: 8 }, (_, i) => contact(10 + i, {}))
    const found = findDuplicates(
      draft({ first_name: 'Dana', last_name: 'Whitfield', email: 'dana@example.com' }),
      [byName, byEmail, byName, ...others],
    )
    expect(found.map((match) => match.contact.id)).toEqual([2, 1, 10, 11, 12])
    expect(found[0]?.reasons).toEqual(['email'])
  })

  it('finds no one for someone new', () => {
    expect(
      findDuplicates(draft({ first_name: 'Zed', last_name: 'Newman' }), [contact(1, {})]),
    ).toEqual([])
  })
})

describe('duplicateSearches', () => {
  it('asks for the email, the phone digits and the last name, with and without accents', () => {
    expect(
      duplicateSearches(
        draft({ last_name: ' Müller ', email: 'A@B.com', phone: '+1 (480) 555-0101' }),
      ),
    ).toEqual(['a@b.com', '4805550101', 'müller', 'muller'])
    expect(
      duplicateSearches(draft({ last_name: 'Smith', email: 'not an email', phone: '12' })),
    ).toEqual(['smith'])
    expect(duplicateSearches(draft({}))).toEqual([])
  })
})

describe('prefillFromSearch', () => {
  it('puts an email in email, digits in phone, words in the names', () => {
    expect(prefillFromSearch('dana@example.com')).toEqual(draft({ email: 'dana@example.com' }))
    expect(prefillFromSearch('(480) 555-0101')).toEqual(draft({ phone: '(480) 555-0101' }))
    expect(prefillFromSearch('Mary Ann  de la Cruz')).toEqual(
      draft({ first_name: 'Mary', last_name: 'Ann de la Cruz' }),
    )
    expect(prefillFromSearch(' Dana Whitfield dana@example.com 480 555 0101 ')).toEqual(
      draft({
        first_name: 'Dana',
        last_name: 'Whitfield',
        email: 'dana@example.com',
        phone: '480 555 0101',
      }),
    )
    expect(prefillFromSearch('Whitfield')).toEqual(draft({ first_name: 'Whitfield' }))
  })

  it('keys a draft by what the check compares', () => {
    expect(draftKey(draft({ first_name: 'DANA ', email: 'A@b.com' }))).toBe(
      draftKey(draft({ first_name: 'dana', email: ' a@B.com' })),
    )
    expect(draftKey(draft({ first_name: 'Dana' }))).not.toBe(draftKey(draft({ first_name: 'Dan' })))
  })
})
