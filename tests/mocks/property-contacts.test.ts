import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PropertyContactSchema, type PropertyContact } from '../../src/api/schemas'
import { setNow } from '../../src/mocks/config'
import { LARGE_PROPERTY_ID, LARGE_PROPERTY_LINK_COUNT } from '../../src/mocks/seed'
import { CONTACT_KEYS, LINK_KEYS, api, keysOf, type ErrorBody } from './api'

const PROPERTY = 1
const T0 = '2026-11-02T10:00:00.000Z'
const T1 = '2026-11-03T11:00:00.000Z'

beforeEach(() => setNow(new Date(T0)))
afterEach(() => setNow(null))

async function roster(propertyId = PROPERTY, query = ''): Promise<PropertyContact[]> {
  const { status, body } = await api<PropertyContact[]>(
    'GET',
    `/properties/${propertyId}/contacts${query}`,
  )
  expect(status).toBe(200)
  return body
}

/** A link of the seeded roster with a role that has a primary and at least one other link. */
async function sharedRole(): Promise<{ primary: PropertyContact; other: PropertyContact }> {
  const links = await roster()
  for (const primary of links.filter((l) => l.primary && l.role !== null)) {
    const other = links.find((l) => l.role === primary.role && !l.primary)
    if (other) return { primary, other }
  }
  throw new Error(`property ${PROPERTY} has no role with two links`)
}

/** An everyday contact not yet on the property. */
async function unlinkedContactId(propertyId = PROPERTY): Promise<number> {
  const linked = new Set((await roster(propertyId)).map((l) => l.contact_id))
  for (let id = 1; id <= 400; id++) if (!linked.has(id)) return id
  throw new Error('no unlinked contact')
}

function primariesOf(links: PropertyContact[], role: string): PropertyContact[] {
  const key = role.trim().toLowerCase()
  return links.filter((l) => l.primary && l.role?.trim().toLowerCase() === key)
}

describe('GET /properties/:id/contacts', () => {
  it('lists the links by id with their contacts embedded', async () => {
    const links = await roster()
    expect(links.length).toBeGreaterThanOrEqual(3)
    expect(links.map((l) => l.id)).toEqual([...links.map((l) => l.id)].sort((a, b) => a - b))
    for (const link of links) {
      expect(keysOf(link)).toEqual(LINK_KEYS)
      expect(keysOf(link.contact)).toEqual(CONTACT_KEYS)
      expect(link.property_id).toBe(PROPERTY)
      expect(link.contact.id).toBe(link.contact_id)
      expect(PropertyContactSchema.parse(link)).toEqual(link)
    }
  })

  it('answers all 1,000 links of the large property, and pages them', async () => {
    expect(await roster(LARGE_PROPERTY_ID)).toHaveLength(LARGE_PROPERTY_LINK_COUNT)
    const all = await roster(LARGE_PROPERTY_ID, '?limit=1000')
    expect(all).toHaveLength(LARGE_PROPERTY_LINK_COUNT)
    expect(await roster(LARGE_PROPERTY_ID, '?limit=50&offset=990')).toEqual(all.slice(990))
  })

  it('filters by role exactly, ignoring case and surrounding spaces', async () => {
    const { primary } = await sharedRole()
    const role = primary.role ?? ''
    const expected = (await roster()).filter((l) => l.role === role)
    const query = `?role=${encodeURIComponent(` ${role.toUpperCase()} `)}`
    expect(await roster(PROPERTY, query)).toEqual(expected)
    expect(await roster(PROPERTY, `?role=${encodeURIComponent(role.slice(0, 3))}`)).toEqual([])
  })

  it.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('filters by primary=%s', async (value, primary) => {
    const expected = (await roster()).filter((l) => l.primary === primary)
    expect(expected.length).toBeGreaterThan(0)
    expect(await roster(PROPERTY, `?primary=${value}`)).toEqual(expected)
  })

  it('combines role, primary, limit and offset', async () => {
    const { primary } = await sharedRole()
    const role = encodeURIComponent(primary.role ?? '')
    expect(await roster(PROPERTY, `?role=${role}&primary=true`)).toEqual([primary])
    const all = await roster()
    expect(await roster(PROPERTY, '?limit=2&offset=1')).toEqual(all.slice(1, 3))
  })

  it.each([
    ['primary=yes', 'primary'],
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
    ['offset=-3', 'offset'],
  ])('refuses %s with a per-field 400', async (query, field) => {
    const { status, body } = await api<ErrorBody>(
      'GET',
      `/properties/${PROPERTY}/contacts?${query}`,
    )
    expect(status).toBe(400)
    expect(Object.keys(body.errors ?? {})).toEqual([field])
  })

  it.each(['9999', 'abc', '1e3'])('answers 404 for property %s', async (id) => {
    const { status, body } = await api<ErrorBody>('GET', `/properties/${id}/contacts`)
    expect(status).toBe(404)
    expect(body).toEqual({ message: `Property ${id} not found.` })
  })
})

describe('POST /properties/:id/contacts', () => {
  it('links a contact (201) with defaults for the optional fields', async () => {
    const contactId = await unlinkedContactId()
    const { status, body } = await api<PropertyContact>(
      'POST',
      `/properties/${PROPERTY}/contacts`,
      {
        contact_id: contactId,
      },
    )
    expect(status).toBe(201)
    expect(keysOf(body)).toEqual(LINK_KEYS)
    expect(body).toMatchObject({
      property_id: PROPERTY,
      contact_id: contactId,
      role: null,
      primary: false,
      start_date: null,
      notes: null,
      created: T0,
      updated: T0,
      contact: { id: contactId },
    })
    expect((await roster()).at(-1)).toEqual(body)
  })

  it('accepts contact_id as a digit string, trims the role and ignores unknown fields', async () => {
    const contactId = await unlinkedContactId()
    const { status, body } = await api<PropertyContact>(
      'POST',
      `/properties/${PROPERTY}/contacts`,
      {
        contact_id: String(contactId),
        role: '  Home Warranty  ',
        primary: false,
        start_date: '2024-02-29',
        notes: 'n'.repeat(2000),
        priority: 7,
        contact: { id: 1 },
      },
    )
    expect(status).toBe(201)
    expect(body.contact_id).toBe(contactId)
    expect(body.role).toBe('Home Warranty')
    expect(body.start_date).toBe('2024-02-29')
    expect(body.notes).toHaveLength(2000)
    expect(body).not.toHaveProperty('priority')
  })

  it.each([
    [{ contact_id: 'abc' }, 'contact_id'],
    [{ contact_id: 1.5 }, 'contact_id'],
    [{ contact_id: -4 }, 'contact_id'],
    [{}, 'contact_id'],
    [{ contact_id: 5, role: '   ' }, 'role'],
    [{ contact_id: 5, role: 'r'.repeat(101) }, 'role'],
    [{ contact_id: 5, role: 42 }, 'role'],
    [{ contact_id: 5, start_date: '2024-02-30' }, 'start_date'],
    [{ contact_id: 5, start_date: '2024-2-3' }, 'start_date'],
    [{ contact_id: 5, notes: 'n'.repeat(2001) }, 'notes'],
    [{ contact_id: 5, primary: 'yes' }, 'primary'],
  ])('refuses %j with a 400 on %s', async (payload, field) => {
    const { status, body } = await api<ErrorBody>(
      'POST',
      `/properties/${PROPERTY}/contacts`,
      payload,
    )
    expect(status).toBe(400)
    expect(body.message).toEqual(expect.any(String))
    expect(Object.keys(body.errors ?? {})).toEqual([field])
    expect(body.errors?.[field]?.[0]).toEqual(expect.any(String))
  })

  it('reports every invalid field at once', async () => {
    const { status, body } = await api<ErrorBody>('POST', `/properties/${PROPERTY}/contacts`, {
      contact_id: 'abc',
      role: '',
      start_date: '2024-02-30',
      notes: 'n'.repeat(2001),
    })
    expect(status).toBe(400)
    expect(Object.keys(body.errors ?? {}).sort()).toEqual([
      'contact_id',
      'notes',
      'role',
      'start_date',
    ])
  })

  it.each([
    ['{"contact_id": 5', 'Request body must be valid JSON.'],
    ['', 'Request body must be valid JSON.'],
    ['[5]', 'Request body must be a JSON object.'],
    ['null', 'Request body must be a JSON object.'],
  ])('refuses the body %j', async (raw, message) => {
    const { status, body } = await api('POST', `/properties/${PROPERTY}/contacts`, undefined, {
      raw,
    })
    expect(status).toBe(400)
    expect(body).toEqual({ message })
  })

  it('answers 404 for an unknown property or contact', async () => {
    const noProperty = await api<ErrorBody>('POST', '/properties/9999/contacts', { contact_id: 5 })
    expect(noProperty).toMatchObject({ status: 404, body: { message: 'Property 9999 not found.' } })
    const badPath = await api<ErrorBody>('POST', '/properties/x1/contacts', { contact_id: 5 })
    expect(badPath.status).toBe(404)
    const noContact = await api<ErrorBody>('POST', `/properties/${PROPERTY}/contacts`, {
      contact_id: 99999,
    })
    expect(noContact).toMatchObject({ status: 404, body: { message: 'Contact 99999 not found.' } })
  })

  it('refuses a second link for the same pair with 409 naming the existing role', async () => {
    const { primary } = await sharedRole()
    const { status, body } = await api<ErrorBody>('POST', `/properties/${PROPERTY}/contacts`, {
      contact_id: primary.contact_id,
      role: 'Attorney',
    })
    expect(status).toBe(409)
    expect(body).toEqual({
      message: `Contact ${primary.contact_id} is already linked to property ${PROPERTY} as ${primary.role ?? ''}.`,
    })
    expect(await roster()).toContainEqual(primary)
  })

  it('names a missing role in the 409 too', async () => {
    const contactId = await unlinkedContactId()
    await api('POST', `/properties/${PROPERTY}/contacts`, { contact_id: contactId })
    const { status, body } = await api<ErrorBody>('POST', `/properties/${PROPERTY}/contacts`, {
      contact_id: contactId,
    })
    expect(status).toBe(409)
    expect(body.message).toBe(
      `Contact ${contactId} is already linked to property ${PROPERTY} with no role.`,
    )
  })

  it('demotes the previous primary of the role (any case) in the same request', async () => {
    const { primary } = await sharedRole()
    const role = primary.role ?? ''
    const contactId = await unlinkedContactId()
    setNow(new Date(T1))
    const { status, body } = await api<PropertyContact>(
      'POST',
      `/properties/${PROPERTY}/contacts`,
      {
        contact_id: contactId,
        role: ` ${role.toLowerCase()} `,
        primary: true,
      },
    )
    expect(status).toBe(201)
    expect(body.primary).toBe(true)
    const links = await roster()
    expect(primariesOf(links, role)).toEqual([body])
    const demoted = links.find((l) => l.id === primary.id)
    expect(demoted).toMatchObject({ primary: false, updated: T1, created: primary.created })
  })

  it('leaves other roles and other properties alone', async () => {
    const before = await roster(2)
    const { primary } = await sharedRole()
    const others = (await roster()).filter((l) => l.role !== primary.role)
    await api('POST', `/properties/${PROPERTY}/contacts`, {
      contact_id: await unlinkedContactId(),
      role: primary.role,
      primary: true,
    })
    const after = await roster()
    for (const link of others) expect(after).toContainEqual(link)
    expect(await roster(2)).toEqual(before)
  })
})

describe('GET /properties/:id/contacts/:contactId', () => {
  it('answers the link addressed by the contact id', async () => {
    const [first] = await roster()
    if (!first) throw new Error('empty roster')
    const { status, body } = await api(
      'GET',
      `/properties/${PROPERTY}/contacts/${first.contact_id}`,
    )
    expect(status).toBe(200)
    expect(body).toEqual(first)
  })

  it('answers 404 for a contact that is not linked, or a bad id', async () => {
    const contactId = await unlinkedContactId()
    const notLinked = await api<ErrorBody>('GET', `/properties/${PROPERTY}/contacts/${contactId}`)
    expect(notLinked).toMatchObject({
      status: 404,
      body: { message: `Contact ${contactId} is not linked to property ${PROPERTY}.` },
    })
    for (const path of ['/properties/9999/contacts/1', `/properties/${PROPERTY}/contacts/abc`]) {
      expect((await api('GET', path)).status).toBe(404)
    }
  })
})

describe('PUT /properties/:id/contacts/:contactId', () => {
  it('updates only the given fields and bumps updated', async () => {
    const [link] = await roster()
    if (!link) throw new Error('empty roster')
    setNow(new Date(T1))
    const { status, body } = await api<PropertyContact>(
      'PUT',
      `/properties/${PROPERTY}/contacts/${link.contact_id}`,
      { notes: 'Call before noon.', start_date: '2026-12-01' },
    )
    expect(status).toBe(200)
    expect(body).toEqual({
      ...link,
      notes: 'Call before noon.',
      start_date: '2026-12-01',
      updated: T1,
    })
    expect(await roster()).toContainEqual(body)
  })

  it('does not bump updated when nothing changes', async () => {
    const [link] = await roster()
    if (!link) throw new Error('empty roster')
    setNow(new Date(T1))
    const { body } = await api('PUT', `/properties/${PROPERTY}/contacts/${link.contact_id}`, {
      role: link.role,
    })
    expect(body).toEqual(link)
  })

  it('clears role, start_date and notes with null', async () => {
    const { other } = await sharedRole()
    const { status, body } = await api<PropertyContact>(
      'PUT',
      `/properties/${PROPERTY}/contacts/${other.contact_id}`,
      { role: null, start_date: null, notes: null },
    )
    expect(status).toBe(200)
    expect(body).toMatchObject({ role: null, start_date: null, notes: null })
  })

  it('ignores contact_id and unknown fields in the body', async () => {
    const [link] = await roster()
    if (!link) throw new Error('empty roster')
    const { status, body } = await api<PropertyContact>(
      'PUT',
      `/properties/${PROPERTY}/contacts/${link.contact_id}`,
      { contact_id: 99999, id: 5, property_id: 2, notes: 'still me', colour: 'red' },
    )
    expect(status).toBe(200)
    expect(body).toMatchObject({ id: link.id, property_id: PROPERTY, contact_id: link.contact_id })
    expect(body).not.toHaveProperty('colour')
    const again = await api('GET', `/properties/${PROPERTY}/contacts/${link.contact_id}`)
    expect(again.body).toEqual(body)
  })

  it('demotes the previous primary when a link becomes primary', async () => {
    const { primary, other } = await sharedRole()
    setNow(new Date(T1))
    const { body } = await api<PropertyContact>(
      'PUT',
      `/properties/${PROPERTY}/contacts/${other.contact_id}`,
      { primary: true },
    )
    expect(body.primary).toBe(true)
    const links = await roster()
    expect(primariesOf(links, primary.role ?? '')).toEqual([body])
    expect(links.find((l) => l.id === primary.id)).toMatchObject({ primary: false, updated: T1 })
  })

  it('demotes the primary of the new role when a primary link changes role', async () => {
    const links = await roster()
    const [a, b] = links.filter((l) => l.primary && l.role !== null)
    if (!a || !b) throw new Error('need two roles with primaries')
    const { body } = await api<PropertyContact>(
      'PUT',
      `/properties/${PROPERTY}/contacts/${a.contact_id}`,
      { role: (b.role ?? '').toUpperCase() },
    )
    expect(body).toMatchObject({ primary: true, role: (b.role ?? '').toUpperCase() })
    const after = await roster()
    expect(primariesOf(after, b.role ?? '')).toEqual([body])
    expect(primariesOf(after, a.role ?? '')).toEqual([])
  })

  it('refuses invalid fields per field', async () => {
    const [link] = await roster()
    if (!link) throw new Error('empty roster')
    const path = `/properties/${PROPERTY}/contacts/${link.contact_id}`
    const { status, body } = await api<ErrorBody>('PUT', path, {
      role: '',
      start_date: '2023-02-29',
      notes: 'n'.repeat(2001),
      primary: 1,
    })
    expect(status).toBe(400)
    expect(Object.keys(body.errors ?? {}).sort()).toEqual([
      'notes',
      'primary',
      'role',
      'start_date',
    ])
    expect((await api('PUT', path, undefined, { raw: 'nope' })).status).toBe(400)
    expect((await api('GET', path)).body).toEqual(link)
  })

  it('answers 404 for an unknown link', async () => {
    const contactId = await unlinkedContactId()
    const { status, body } = await api<ErrorBody>(
      'PUT',
      `/properties/${PROPERTY}/contacts/${contactId}`,
      { notes: 'x' },
    )
    expect(status).toBe(404)
    expect(body.message).toBe(`Contact ${contactId} is not linked to property ${PROPERTY}.`)
  })
})

describe('DELETE /properties/:id/contacts/:contactId', () => {
  it('unlinks and answers {deleted, property_id, contact_id}', async () => {
    const [link] = await roster()
    if (!link) throw new Error('empty roster')
    const path = `/properties/${PROPERTY}/contacts/${link.contact_id}`
    const { status, body } = await api('DELETE', path)
    expect(status).toBe(200)
    expect(body).toEqual({ deleted: true, property_id: PROPERTY, contact_id: link.contact_id })
    expect((await roster()).map((l) => l.id)).not.toContain(link.id)
    expect((await api('GET', path)).status).toBe(404)
    expect((await api('DELETE', path)).status).toBe(404)
  })

  it('lets the contact be linked again afterwards', async () => {
    const [link] = await roster()
    if (!link) throw new Error('empty roster')
    await api('DELETE', `/properties/${PROPERTY}/contacts/${link.contact_id}`)
    const again = await api<PropertyContact>('POST', `/properties/${PROPERTY}/contacts`, {
      contact_id: link.contact_id,
      role: 'Buyer',
    })
    expect(again.status).toBe(201)
    expect(again.body.id).toBeGreaterThan(link.id)
  })
})

// Seed facts: on property 1, Tariq Weber (110) is the primary Buyer and Patrick
// Garcia (2) the other Buyer; Jordan Smith (7) is not on its roster.
describe('roles that look alike but are not', () => {
  const MIXED = 'Role mixes letters from different alphabets (Latin and Cyrillic); retype it'
  const buyerPrimaries = async () =>
    (await roster()).filter((l) => l.primary && l.role === 'Buyer').map((l) => l.contact_id)

  it.each([
    ['\u200b', 'Role cannot be empty'],
    [' \u200d\ufeff ', 'Role cannot be empty'],
    ['Bu\u0443er', MIXED],
    ['\u{1F3E0}'.repeat(101), 'Role must be at most 100 characters'],
  ])('refuses the role %j with a 400 on role, by POST and by PUT', async (role, message) => {
    const posted = await api<ErrorBody>('POST', `/properties/${PROPERTY}/contacts`, {
      contact_id: 7,
      role,
    })
    expect(posted.status).toBe(400)
    expect(posted.body.errors).toEqual({ role: [message] })
    const path = `/properties/${PROPERTY}/contacts/2`
    const before = (await api('GET', path)).body
    const put = await api<ErrorBody>('PUT', path, { role, primary: true })
    expect(put.status).toBe(400)
    expect(put.body.errors).toEqual({ role: [message] })
    expect((await api('GET', path)).body).toEqual(before)
    expect(await buyerPrimaries()).toEqual([110])
  })

  it('accepts 100 emoji as a role: the limit counts characters, not UTF-16 units', async () => {
    const role = '\u{1F3E0}'.repeat(100)
    const { status, body } = await api<PropertyContact>(
      'POST',
      `/properties/${PROPERTY}/contacts`,
      { contact_id: 7, role },
    )
    expect(status).toBe(201)
    expect(body.role).toBe(role)
  })

  it('stores "Buyer\\u200b" as Buyer, and its primary demotes the Buyer primary', async () => {
    const { status, body } = await api<PropertyContact>(
      'POST',
      `/properties/${PROPERTY}/contacts`,
      { contact_id: 7, role: 'Buyer\u200b', primary: true },
    )
    expect(status).toBe(201)
    expect(body).toMatchObject({ role: 'Buyer', primary: true })
    expect(await buyerPrimaries()).toEqual([7])
  })

  it('demotes across case folding and NFKC too, by PUT', async () => {
    // Patrick Garcia becomes the primary "ＢＵＹＥＲ" (fullwidth): still the Buyer role.
    const { status, body } = await api<PropertyContact>(
      'PUT',
      `/properties/${PROPERTY}/contacts/2`,
      { role: '\u200e\uff22\uff35\uff39\uff25\uff32', primary: true },
    )
    expect(status).toBe(200)
    expect(body).toMatchObject({ role: '\uff22\uff35\uff39\uff25\uff32', primary: true })
    const links = await roster()
    expect(links.find((l) => l.contact_id === 110)).toMatchObject({ primary: false })
    const buyerLike = links.filter((l) => l.role === 'Buyer' || l.role === body.role)
    expect(buyerLike.filter((l) => l.primary)).toEqual([body])
  })

  it('filters by the same key: ?role= with a zero-width space or fullwidth letters', async () => {
    const buyers = (await roster()).filter((l) => l.role === 'Buyer')
    expect(buyers.length).toBeGreaterThanOrEqual(2)
    expect(await roster(PROPERTY, `?role=${encodeURIComponent('BUYER\u200b')}`)).toEqual(buyers)
    expect(await roster(PROPERTY, `?role=${encodeURIComponent('\uff42uyer')}`)).toEqual(buyers)
    expect(await roster(PROPERTY, `?role=${encodeURIComponent('Bu\u0443er')}`)).toEqual([])
  })
})
