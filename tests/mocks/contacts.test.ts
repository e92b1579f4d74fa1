import { afterEach, describe, expect, it } from 'vitest'
import { ContactSchema, type Contact } from '../../src/api/schemas'
import { setNow } from '../../src/mocks/config'
import { CONTACT_COUNT, SMITH_CONTACT_IDS } from '../../src/mocks/seed'
import { CONTACT_KEYS, api, keysOf, type ErrorBody } from './api'

afterEach(() => setNow(null))

const byName = (a: Contact, b: Contact) =>
  a.last_name.localeCompare(b.last_name, 'en', { sensitivity: 'base' }) ||
  a.first_name.localeCompare(b.first_name, 'en', { sensitivity: 'base' }) ||
  a.id - b.id

async function search(text: string): Promise<Contact[]> {
  const { status, body } = await api<Contact[]>(
    'GET',
    `/contacts?search=${encodeURIComponent(text)}`,
  )
  expect(status).toBe(200)
  return body
}

describe('GET /contacts', () => {
  it('lists every contact by last name, first name, id, in the documented shape', async () => {
    const { status, body } = await api<Contact[]>('GET', '/contacts')
    expect(status).toBe(200)
    expect(body).toHaveLength(CONTACT_COUNT)
    expect(body).toEqual([...body].sort(byName))
    for (const contact of body) {
      expect(keysOf(contact)).toEqual(CONTACT_KEYS)
      expect(ContactSchema.parse(contact)).toEqual(contact)
    }
  })

  it('finds the Smiths by a partial, case-insensitive name', async () => {
    const smiths = await search('SMI')
    expect(smiths.map((c) => c.id).sort((a, b) => a - b)).toEqual(SMITH_CONTACT_IDS)
    expect(smiths.map((c) => c.first_name)).toEqual([...smiths.map((c) => c.first_name)].sort())
  })

  it('matches "first last", email and phone', async () => {
    const [smith] = await search('smith')
    if (!smith?.email || !smith.phone) throw new Error('seed Smith lacks email or phone')
    const fullName = `${smith.first_name} ${smith.last_name}`.toLowerCase()
    expect((await search(fullName)).map((c) => c.id)).toContain(smith.id)
    expect((await search(smith.email.toUpperCase())).map((c) => c.id)).toEqual([smith.id])
    expect((await search(smith.phone)).map((c) => c.id)).toContain(smith.id)
  })

  it('matches a phone typed as digits only or with other punctuation', async () => {
    const [smith] = await search('smith')
    const digits = smith?.phone?.replace(/\D/g, '')
    if (!smith || !digits) throw new Error('seed Smith lacks a phone')
    expect((await search(digits)).map((c) => c.id)).toContain(smith.id)
    const dashed = `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`
    expect((await search(dashed)).map((c) => c.id)).toContain(smith.id)
    for (const contact of await search(digits)) {
      expect(contact.phone?.replace(/\D/g, '')).toContain(digits)
    }
  })

  it('pages with limit and offset', async () => {
    const { body: all } = await api<Contact[]>('GET', '/contacts')
    const { body: page } = await api<Contact[]>('GET', '/contacts?limit=3&offset=2')
    expect(page).toEqual(all.slice(2, 5))
    const { body: smiths } = await api<Contact[]>('GET', '/contacts?search=smi&limit=2&offset=4')
    expect(smiths).toHaveLength(1)
  })

  it('refuses limit=0', async () => {
    const { status, body } = await api<ErrorBody>('GET', '/contacts?limit=0')
    expect(status).toBe(400)
    expect(body.errors?.limit).toEqual(['limit must be at least 1'])
  })
})

describe('GET /contacts/:id', () => {
  it('answers one contact', async () => {
    const id = SMITH_CONTACT_IDS[0] ?? 0
    const { status, body } = await api<Contact>('GET', `/contacts/${id}`)
    expect(status).toBe(200)
    expect(body).toMatchObject({ id, last_name: 'Smith' })
  })

  it.each(['99999', 'abc', '0'])('answers 404 for contact %s', async (id) => {
    const { status, body } = await api<ErrorBody>('GET', `/contacts/${id}`)
    expect(status).toBe(404)
    expect(body.message).toBe(`Contact ${id} not found.`)
  })
})

describe('POST /contacts', () => {
  it('creates a contact (201) that search then finds', async () => {
    setNow(new Date('2026-11-02T09:30:00.000Z'))
    const { status, body } = await api<Contact>('POST', '/contacts', {
      first_name: '  Ada ',
      last_name: 'Lovelace',
      email: 'ada@example.com',
      favourite_colour: 'green',
    })
    expect(status).toBe(201)
    expect(body).toEqual({
      id: CONTACT_COUNT + 1,
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@example.com',
      phone: null,
      company: null,
      created: '2026-11-02T09:30:00.000Z',
    })
    expect(await search('ada lovelace')).toEqual([body])
    expect((await api('GET', `/contacts/${body.id}`)).body).toEqual(body)
  })

  it('refuses missing names and a bad email, per field', async () => {
    const { status, body } = await api<ErrorBody>('POST', '/contacts', {
      first_name: ' ',
      email: 'not-an-email',
    })
    expect(status).toBe(400)
    expect(Object.keys(body.errors ?? {}).sort()).toEqual(['email', 'first_name', 'last_name'])
  })

  it('refuses a body that is not JSON', async () => {
    const { status, body } = await api<ErrorBody>('POST', '/contacts', undefined, { raw: '{"a":' })
    expect(status).toBe(400)
    expect(body).toEqual({ message: 'Request body must be valid JSON.' })
  })
})

describe('PUT /contacts/:id (Roster extension)', () => {
  it('changes only the fields given, and every roster the contact is on shows it', async () => {
    const { body: before } = await api<Contact>('POST', '/contacts', {
      first_name: 'Dana',
      last_name: 'Whitfield',
      email: 'dana@exmaple.com',
      phone: '(480) 555-0101',
    })
    for (const propertyId of [1, 2]) {
      const linked = await api('POST', `/properties/${propertyId}/contacts`, {
        contact_id: before.id,
        role: 'Lender',
      })
      expect(linked.status).toBe(201)
    }
    const { status, body } = await api<Contact>('PUT', `/contacts/${before.id}`, {
      email: 'dana@example.com',
      phone: null,
    })
    expect(status).toBe(200)
    expect(body).toEqual({ ...before, email: 'dana@example.com', phone: null })
    expect((await api('GET', `/contacts/${before.id}`)).body).toEqual(body)
    expect(await search('dana@example.com')).toEqual([body])
    for (const propertyId of [1, 2]) {
      const link = await api<{ contact: Contact }>(
        'GET',
        `/properties/${propertyId}/contacts/${before.id}`,
      )
      expect(link.body.contact).toEqual(body)
    }
  })

  it('refuses what create refuses, per field, and changes nothing', async () => {
    const id = SMITH_CONTACT_IDS[0] ?? 0
    const { body: before } = await api<Contact>('GET', `/contacts/${id}`)
    const { status, body } = await api<ErrorBody>('PUT', `/contacts/${id}`, {
      first_name: '  ',
      email: 'not-an-email',
      company: 'x'.repeat(201),
    })
    expect(status).toBe(400)
    expect(Object.keys(body.errors ?? {}).sort()).toEqual(['company', 'email', 'first_name'])
    expect((await api('GET', `/contacts/${id}`)).body).toEqual(before)
  })

  it('trims names, ignores unknown fields, and answers 404 for an unknown contact', async () => {
    const id = SMITH_CONTACT_IDS[0] ?? 0
    const { body } = await api<Contact>('PUT', `/contacts/${id}`, {
      first_name: ' Jo ',
      id: 5,
      created: 'x',
    })
    expect(body).toMatchObject({ id, first_name: 'Jo' })
    for (const unknown of ['99999', 'abc']) {
      const { status, body: error } = await api<ErrorBody>('PUT', `/contacts/${unknown}`, {
        first_name: 'A',
      })
      expect(status).toBe(404)
      expect(error.message).toBe(`Contact ${unknown} not found.`)
    }
  })
})
