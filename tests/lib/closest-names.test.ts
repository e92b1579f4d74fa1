import { describe, expect, it } from 'vitest'
import { broaderSearches, closestNames, editDistance } from '../../src/lib/closest-names'

const person = (first_name: string, last_name: string) => ({ first_name, last_name })

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours as one edit', () => {
    expect(editDistance('jordn', 'jordan')).toBe(1)
    expect(editDistance('jordan', 'jordn')).toBe(1)
    expect(editDistance('smith', 'smyth')).toBe(1)
    expect(editDistance('smtih', 'smith')).toBe(1)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('same', 'same')).toBe(0)
  })
})

describe('closestNames', () => {
  const people = [
    person('Jordan', 'Smith'),
    person('Emily', 'Smith'),
    person('Jordan', 'Reed'),
    person('Marcus', 'Smith'),
    person('Joanna', 'Smithers'),
  ]

  it('finds the name a typo was meant to be, closest first', () => {
    expect(closestNames('Jordn Smith', people)).toEqual([person('Jordan', 'Smith')])
    expect(closestNames('jordan smtih', people)).toEqual([person('Jordan', 'Smith')])
    expect(closestNames('Smiht', people).map((p) => p.first_name)).toEqual([
      'Emily',
      'Jordan',
      'Marcus',
    ])
  })

  it('ignores case, accents and extra spaces, and offers nothing far off', () => {
    expect(closestNames('  JÖRDAN   SMITH ', people)).toEqual([person('Jordan', 'Smith')])
    expect(closestNames('Walter White', people)).toEqual([])
    expect(closestNames('', people)).toEqual([])
  })

  it('offers at most `max`', () => {
    expect(closestNames('Smith', people, 2)).toHaveLength(2)
  })
})

describe('broaderSearches', () => {
  it('searches the start of the first and the last word', () => {
    expect(broaderSearches('Jordn Smith')).toEqual(['jor', 'smi'])
    expect(broaderSearches('Jordan Q. Smtih')).toEqual(['jor', 'smt'])
  })

  it('searches the start and the end of a single word', () => {
    expect(broaderSearches('Jrodan')).toEqual(['jro', 'dan'])
  })

  it('has nothing broader for short words', () => {
    expect(broaderSearches('Jo')).toEqual([])
    expect(broaderSearches('a b')).toEqual([])
  })
})
