// What the mock backend's `search` covers beyond the upstream contract's wording
// (docs/contract.md, Part 2: "The mock backend's search"), issue 14 items 9 and 10.
import { describe, expect, it } from 'vitest'
import type { Contact, Property } from '../../src/api/schemas'
import { api } from './api'

async function properties(search: string): Promise<Property[]> {
  const { status, body } = await api<Property[]>(
    'GET',
    `/properties?search=${encodeURIComponent(search)}`,
  )
  expect(status).toBe(200)
  return body
}

async function contacts(search: string): Promise<Contact[]> {
  const { status, body } = await api<Contact[]>(
    'GET',
    `/contacts?search=${encodeURIComponent(search)}`,
  )
  expect(status).toBe(200)
  return body
}

describe('the mock’s property search', () => {
  it('covers zip, state and status as well as title, street and city', async () => {
    const { body: all } = await api<Property[]>('GET', '/properties')
    const fields = (p: Property) => [p.title, p.address, p.city, p.state, p.zip, p.status]
    for (const term of ['372', 'az', 'under contract', 'PENDING', 'elm']) {
      const expected = all
        .filter((p) => fields(p).some((field) => field?.toLowerCase().includes(term.toLowerCase())))
        .map((p) => p.id)
      expect(expected.length, term).toBeGreaterThan(0)
      expect(
        (await properties(term)).map((p) => p.id),
        term,
      ).toEqual(expected)
    }
    expect((await properties('37214')).map((p) => p.title)).toEqual(['3225 Aspen Cir Sale'])
  })

  it('does not search the names of the people on a deal (a join the API does not offer)', async () => {
    // Eric Gonzalez is property 1's primary Seller.
    expect(await properties('Gonzalez')).toEqual([])
  })
})

describe('the mock’s contact search', () => {
  it('covers company as well as name, email and phone', async () => {
    const found = await contacts('Oak & Stone')
    expect(found.length).toBeGreaterThan(0)
    for (const contact of found) expect(contact.company).toBe('Oak & Stone Realty')
    expect(found.map((c) => `${c.first_name} ${c.last_name}`)).toContain('Marcus Smith')
    expect((await contacts('oak & stone realty')).length).toBe(found.length)
  })
})
