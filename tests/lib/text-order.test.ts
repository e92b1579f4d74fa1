import { describe, expect, it } from 'vitest'
import { compareText, foldText } from '../../src/lib/text-order'

// The roster sorts names with compareText (src/lib/text-order.ts says why); the en-US
// collator it stands in for is the oracle.
const collator = new Intl.Collator('en-US')

const NAMES = [
  'Smith',
  'smith',
  'SMITH',
  'Smyth',
  'Smithe',
  'Smith-Jones',
  'Smith Jones',
  "O'Brien",
  'Obrien',
  'OBrien',
  'Oberon',
  'de la Cruz',
  'De La Cruz',
  'Delacroix',
  'García',
  'Garcia',
  'Garza',
  'Gärtner',
  'Müller',
  'Mueller',
  'Muller',
  'Zoë',
  'Zoe',
  'Zola',
  'Ødegård',
  'Odegard',
  'Oden',
  'Łukasz',
  'Lukas',
  'Luz',
  'Æsir',
  'Aesop',
  'Nguyễn',
  'Nguyen',
  'Ngo',
  'Ángel',
  'Angel',
  'Ana',
  'Çelik',
  'Celik',
  'Cedric',
  'Straße',
  'Strasse',
  'Strand',
  'Lee',
  'Li',
  'Le',
  'Lender',
  'Title Officer',
  'Buyer Agent',
  'Inspector',
  'Co-listing Agent',
  'Escrow Officer',
  'Appraiser',
  'Attorney',
  'Transaction Coordinator',
  '',
]

describe('compareText', () => {
  it('orders names as the en-US collator does', () => {
    const ours = [...NAMES].sort(compareText)
    const theirs = [...NAMES].sort((a, b) => collator.compare(a, b))
    expect(ours).toEqual(theirs)
  })

  it('is a consistent order: antisymmetric, and 0 only for the same text', () => {
    for (const a of NAMES) {
      for (const b of NAMES) {
        expect(Math.sign(compareText(a, b)) + Math.sign(compareText(b, a))).toBe(0)
        if (a !== b) expect(compareText(a, b)).not.toBe(0)
      }
    }
  })

  it('folds case and accents', () => {
    expect(foldText('Zoë Ødegård-Straße')).toBe('zoe odegard-strasse')
  })
})
