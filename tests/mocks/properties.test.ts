import { describe, expect, it } from 'vitest'
import { PropertySchema, type Property } from '../../src/api/schemas'
import { LARGE_PROPERTY_ID, LARGE_PROPERTY_TITLE, SEED_PROPERTY_IDS } from '../../src/mocks/seed'
import { PROPERTY_KEYS, api, keysOf, type ErrorBody } from './api'

const ALL_IDS = [...SEED_PROPERTY_IDS, LARGE_PROPERTY_ID]

describe('GET /properties', () => {
  it('lists every property by id, in the documented shape', async () => {
    const { status, body } = await api<Property[]>('GET', '/properties')
    expect(status).toBe(200)
    expect(body.map((p) => p.id)).toEqual(ALL_IDS)
    for (const property of body) {
      expect(keysOf(property)).toEqual(PROPERTY_KEYS)
      expect(PropertySchema.parse(property)).toEqual(property)
    }
  })

  it('searches title, address and city, case-insensitively', async () => {
    const { body: all } = await api<Property[]>('GET', '/properties')
    const sample = all[0]
    if (!sample?.address || !sample.city) throw new Error('seed property 1 lacks an address')

    const byTitle = await api<Property[]>('GET', '/properties?search=HARBOR%20view')
    expect(byTitle.body.map((p) => p.title)).toContain(LARGE_PROPERTY_TITLE)

    const byAddress = await api<Property[]>(
      'GET',
      `/properties?search=${encodeURIComponent(sample.address.toUpperCase())}`,
    )
    expect(byAddress.body.map((p) => p.id)).toContain(sample.id)

    const city = sample.city.toLowerCase()
    const byCity = await api<Property[]>('GET', `/properties?search=${encodeURIComponent(city)}`)
    expect(byCity.body.map((p) => p.id)).toEqual(
      all
        .filter((p) => [p.title, p.address, p.city].some((f) => f?.toLowerCase().includes(city)))
        .map((p) => p.id),
    )

    const none = await api<Property[]>('GET', '/properties?search=zzzz-no-such-place')
    expect(none).toMatchObject({ status: 200, body: [] })
  })

  it('pages with limit and offset, all rows when limit is absent', async () => {
    const page = await api<Property[]>('GET', '/properties?limit=5&offset=10')
    expect(page.body.map((p) => p.id)).toEqual(ALL_IDS.slice(10, 15))
    const tail = await api<Property[]>('GET', '/properties?offset=29')
    expect(tail.body.map((p) => p.id)).toEqual(ALL_IDS.slice(29))
    const past = await api<Property[]>('GET', '/properties?offset=500&limit=1000')
    expect(past.body).toEqual([])
  })

  it.each([
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=2.5', 'limit'],
    ['offset=-1', 'offset'],
  ])('refuses %s with a per-field 400', async (query, field) => {
    const { status, body } = await api<ErrorBody>('GET', `/properties?${query}`)
    expect(status).toBe(400)
    expect(body.message).toEqual(expect.any(String))
    expect(body.errors?.[field]?.length).toBeGreaterThan(0)
  })
})

describe('GET /properties/:id', () => {
  it('answers one property', async () => {
    const { status, body } = await api<Property>('GET', `/properties/${LARGE_PROPERTY_ID}`)
    expect(status).toBe(200)
    expect(body).toMatchObject({ id: LARGE_PROPERTY_ID, title: LARGE_PROPERTY_TITLE })
  })

  it.each(['9999', 'abc', '0', '-1', '1.5'])('answers 404 for property %s', async (id) => {
    const { status, body } = await api<ErrorBody>('GET', `/properties/${id}`)
    expect(status).toBe(404)
    expect(body).toEqual({ message: `Property ${id} not found.` })
  })
})
