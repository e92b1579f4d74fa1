// The role rules every part of Roster shares (src/api/roles.ts): which roles are the
// same, what a role is stored as, and which roles are refused.
import { describe, expect, it } from 'vitest'
import {
  RoleSchema,
  canonicalRole,
  roleKey,
  roleProblem,
  roleText,
  sameRole,
} from '../../src/api/roles'
import { characterCount } from '../../src/api/schemas'

const EMPTY = 'Role cannot be empty'
const TOO_LONG = 'Role must be at most 100 characters'
const LATIN_AND_CYRILLIC =
  'Role mixes letters from different alphabets (Latin and Cyrillic); retype it'

describe('roleKey', () => {
  it('ignores case and surrounding and repeated spaces', () => {
    expect(roleKey('  Listing   AGENT ')).toBe('listing agent')
    expect(sameRole('Buyer', ' buyer ')).toBe(true)
    expect(sameRole('Buyer', 'Seller')).toBe(false)
  })

  it('treats format characters as spaces: "Buyer\\u200b" is Buyer', () => {
    expect(roleKey('Buyer\u200b')).toBe('buyer')
    expect(sameRole('Buyer\u200b', 'Buyer')).toBe(true)
    expect(sameRole('\ufeffBuyer\u200e', 'Buyer')).toBe(true)
    // Inside a word it is a space, as it is stored (see roleText).
    expect(roleKey('Buy\u200ber')).toBe('buy er')
    expect(roleKey('Buy\u200d \u200cer')).toBe('buy er')
  })

  it('makes İnspector, INSPECTOR, ınspector, Inspector and inspector one role', () => {
    const keys = ['İnspector', 'INSPECTOR', 'ınspector', 'Inspector', 'inspector'].map(roleKey)
    expect(new Set(keys)).toEqual(new Set(['inspector']))
  })

  it('folds case fully: Straße is STRASSE', () => {
    expect(roleKey('Straße')).toBe('strasse')
    expect(sameRole('Straße', 'STRASSE')).toBe(true)
    expect(sameRole('ΟΔΟΣ', 'οδοσ')).toBe(true)
  })

  it('applies NFKC: fullwidth Ｂｕｙｅｒ is Buyer, and composed or not is the same', () => {
    expect(roleKey('Ｂｕｙｅｒ')).toBe('buyer')
    expect(sameRole('Ｂｕｙｅｒ', 'Buyer')).toBe(true)
    expect(sameRole('Caf\u00e9 Owner', 'Cafe\u0301 owner')).toBe(true)
    expect(sameRole('Buyer\u00a0Agent', 'Buyer Agent')).toBe(true)
  })

  it('keeps look-alikes from other alphabets apart (they are refused, see roleProblem)', () => {
    expect(sameRole('Buуer', 'Buyer')).toBe(false)
  })

  it('gives a missing role the key of a blank one: the "no role" group', () => {
    expect(roleKey(null)).toBe('')
    expect(roleKey(undefined)).toBe('')
    expect(roleKey('   ')).toBe('')
    expect(roleKey('\u200b')).toBe('')
    expect(sameRole(null, undefined)).toBe(true)
    expect(sameRole(null, 'Buyer')).toBe(false)
  })
})

describe('roleText (what is stored and sent)', () => {
  it('keeps what was typed, trimmed, without format characters at the ends', () => {
    expect(roleText('  Home Warranty  ')).toBe('Home Warranty')
    expect(roleText('Buyer\u200b')).toBe('Buyer')
    expect(roleText('\u200e\ufeffBuyer')).toBe('Buyer')
    expect(roleText('\u200b')).toBe('')
    expect(roleText('Listing  Agent')).toBe('Listing  Agent')
  })

  it('shows a format character inside as the one space it is compared as', () => {
    expect(roleText('Buy\u200ber')).toBe('Buy er')
    expect(roleText('Buy \u200b er')).toBe('Buy er')
    expect(roleKey(roleText('Buy\u200ber'))).toBe(roleKey('Buy\u200ber'))
  })

  it('is NFC, not NFKC: fullwidth letters stay as typed', () => {
    expect(roleText('Cafe\u0301')).toBe('Caf\u00e9')
    expect(roleText('Ｂｕｙｅｒ')).toBe('Ｂｕｙｅｒ')
  })

  it('canonicalRole gives a standard role its standard spelling', () => {
    expect(canonicalRole(' BUYER\u200b')).toBe('Buyer')
    expect(canonicalRole('Ｂｕｙｅｒ')).toBe('Buyer')
    expect(canonicalRole('İNSPECTOR')).toBe('Inspector')
    expect(canonicalRole(' Home Warranty\u200b')).toBe('Home Warranty')
  })
})

describe('roleProblem', () => {
  it('refuses a role that is blank once format characters and spaces are gone', () => {
    for (const role of ['', '   ', '\u200b', ' \u200b\u200d\ufeff ', '\u00ad']) {
      expect(roleProblem(role), JSON.stringify(role)).toBe(EMPTY)
    }
  })

  it('refuses letters from more than one of Latin, Cyrillic and Greek', () => {
    expect(roleProblem('Buуer')).toBe(LATIN_AND_CYRILLIC)
    expect(roleProblem('Insp\u03bfctor')).toBe(
      'Role mixes letters from different alphabets (Latin and Greek); retype it',
    )
    expect(roleProblem('Bυуer')).toBe(
      'Role mixes letters from different alphabets (Latin, Cyrillic and Greek); retype it',
    )
  })

  it('accepts a role wholly in one alphabet, any alphabet, with digits, marks and emoji', () => {
    for (const role of [
      'Buyer',
      'Покупатель',
      'Αγοραστής',
      '買い手',
      'Straße',
      'Café Owner',
      '2nd Lender 🏦',
      'Ｂｕｙｅｒ',
    ]) {
      expect(roleProblem(role), role).toBeNull()
    }
  })

  it('allows 100 characters as stored, counting an emoji as one', () => {
    expect(roleProblem('r'.repeat(100))).toBeNull()
    expect(roleProblem(`  ${'r'.repeat(100)}\u200b `)).toBeNull()
    expect(roleProblem('r'.repeat(101))).toBe(TOO_LONG)
    expect(roleProblem('🏠'.repeat(100))).toBeNull()
    expect(roleProblem('🏠'.repeat(101))).toBe(TOO_LONG)
    expect(characterCount('🏠'.repeat(100))).toBe(100)
  })
})

describe('RoleSchema', () => {
  it('parses to the stored text', () => {
    expect(RoleSchema.parse('  Buyer\u200b ')).toBe('Buyer')
    expect(RoleSchema.parse('Cafe\u0301')).toBe('Caf\u00e9')
  })

  it('refuses with the roleProblem message', () => {
    const messages = (role: string) =>
      RoleSchema.safeParse(role).error?.issues.map((issue) => issue.message)
    expect(messages('\u200b')).toEqual([EMPTY])
    expect(messages('Buуer')).toEqual([LATIN_AND_CYRILLIC])
    expect(messages('🏠'.repeat(101))).toEqual([TOO_LONG])
  })
})

describe('characterCount', () => {
  it('counts code points, as the schemas’ length limits do', () => {
    expect(characterCount('')).toBe(0)
    expect(characterCount('abc')).toBe(3)
    expect(characterCount('😀😀')).toBe(2)
    expect(characterCount('\ud83d')).toBe(1)
    expect(characterCount('e\u0301')).toBe(2)
  })
})
