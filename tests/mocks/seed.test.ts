// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { ContactSchema, PropertyContactSchema, PropertySchema } from '../../src/api/schemas'
import { createDb, db, roleKey } from '../../src/mocks/db'
import {
  CONTACT_COUNT,
  EVERYDAY_CONTACT_COUNT,
  LARGE_PROPERTY_ID,
  LARGE_PROPERTY_LINK_COUNT,
  LARGE_PROPERTY_TITLE,
  SEED_PROPERTY_IDS,
  SMITH_CONTACT_IDS,
  createSeed,
} from '../../src/mocks/seed'

const seed = createSeed()

describe('seed', () => {
  it('is deterministic', () => {
    expect(createSeed()).toEqual(seed)
  })

  it('has ~30 ordinary properties plus the large one, last', () => {
    expect(SEED_PROPERTY_IDS).toHaveLength(30)
    expect(seed.properties.map((p) => p.id)).toEqual([...SEED_PROPERTY_IDS, LARGE_PROPERTY_ID])
    expect(seed.properties.at(-1)?.title).toBe(LARGE_PROPERTY_TITLE)
  })

  it('has 400 everyday contacts and enough others for the large roster', () => {
    expect(seed.contacts).toHaveLength(CONTACT_COUNT)
    expect(CONTACT_COUNT).toBeGreaterThanOrEqual(LARGE_PROPERTY_LINK_COUNT)
    const ordinaryContactIds = seed.links
      .filter((link) => link.property_id !== LARGE_PROPERTY_ID)
      .map((link) => link.contact_id)
    expect(Math.max(...ordinaryContactIds)).toBeLessThanOrEqual(EVERYDAY_CONTACT_COUNT)
  })

  it('gives every ordinary property 3–12 links, one per contact', () => {
    for (const id of SEED_PROPERTY_IDS) {
      const links = seed.links.filter((link) => link.property_id === id)
      expect(links.length, `property ${id}`).toBeGreaterThanOrEqual(3)
      expect(links.length, `property ${id}`).toBeLessThanOrEqual(12)
      expect(new Set(links.map((link) => link.contact_id)).size).toBe(links.length)
    }
  })

  it('gives the large property 1,000 links to distinct contacts', () => {
    const links = seed.links.filter((link) => link.property_id === LARGE_PROPERTY_ID)
    expect(links).toHaveLength(LARGE_PROPERTY_LINK_COUNT)
    expect(new Set(links.map((link) => link.contact_id)).size).toBe(LARGE_PROPERTY_LINK_COUNT)
  })

  it('has exactly one primary per filled role on every property, none without a role', () => {
    for (const property of seed.properties) {
      const links = seed.links.filter((link) => link.property_id === property.id)
      const roles = new Set(links.filter((l) => l.role !== null).map((l) => roleKey(l.role)))
      for (const role of roles) {
        const primaries = links.filter((l) => roleKey(l.role) === role && l.primary)
        expect(primaries, `property ${property.id}, role ${role}`).toHaveLength(1)
      }
      expect(links.filter((l) => l.role === null && l.primary)).toEqual([])
    }
  })

  it('uses realistic roles, dates and some notes', () => {
    const roles = new Set(seed.links.map((link) => link.role))
    for (const role of ['Seller', 'Buyer', 'Listing Agent', 'Buyer Agent', 'Lender', 'Inspector']) {
      expect(roles).toContain(role)
    }
    expect(seed.links.some((link) => link.notes !== null)).toBe(true)
    expect(seed.links.some((link) => link.start_date !== null)).toBe(true)
    expect(new Set(seed.properties.map((p) => p.status)).size).toBeGreaterThanOrEqual(4)
  })

  it('has links with unique ids, pointing at existing records', () => {
    expect(new Set(seed.links.map((link) => link.id)).size).toBe(seed.links.length)
    const propertyIds = new Set(seed.properties.map((p) => p.id))
    const contactIds = new Set(seed.contacts.map((c) => c.id))
    for (const link of seed.links) {
      expect(propertyIds.has(link.property_id) && contactIds.has(link.contact_id)).toBe(true)
    }
  })

  it('passes the zod schemas, unchanged by parsing', () => {
    const contacts = new Map(seed.contacts.map((c) => [c.id, c]))
    for (const property of seed.properties) expect(PropertySchema.parse(property)).toEqual(property)
    for (const contact of seed.contacts) expect(ContactSchema.parse(contact)).toEqual(contact)
    for (const link of seed.links) {
      const full = { ...link, contact: contacts.get(link.contact_id) }
      expect(PropertyContactSchema.parse(full)).toEqual(full)
    }
  })

  it('has exactly the Smiths a search for "smi" should find', () => {
    const smiths = seed.contacts.filter((c) =>
      [c.first_name, c.last_name, c.email ?? '', c.phone ?? ''].some((f) => /smi/i.test(f)),
    )
    expect(smiths.map((c) => c.id)).toEqual(SMITH_CONTACT_IDS)
    expect(smiths.every((c) => c.last_name === 'Smith')).toBe(true)
  })

  it('formats phones like (512) 555-0142', () => {
    const phones = seed.contacts.flatMap((c) => (c.phone ? [c.phone] : []))
    expect(phones.length).toBeGreaterThan(CONTACT_COUNT * 0.8)
    for (const phone of phones) expect(phone).toMatch(/^\(\d{3}\) 555-01\d{2}$/)
  })
})

describe('db', () => {
  it('starts from the seed and reset() brings it back after changes', () => {
    expect(db.snapshot()).toEqual(seed)
    const link = seed.links[0]
    if (!link) throw new Error('seed has no links')
    db.links.remove(link.property_id, link.contact_id)
    db.contacts.create({ first_name: 'Ada', last_name: 'Lovelace' })
    expect(db.snapshot()).not.toEqual(seed)
    db.reset()
    expect(db.snapshot()).toEqual(seed)
  })

  it('resets fast enough to run after every test', () => {
    const started = performance.now()
    for (let i = 0; i < 20; i++) db.reset()
    expect((performance.now() - started) / 20).toBeLessThan(50)
  })

  it('does not hand out its own records', () => {
    const property = db.properties.find(1)
    if (!property) throw new Error('property 1 missing')
    property.title = 'changed'
    expect(db.properties.find(1)?.title).not.toBe('changed')
  })

  it('loads a valid snapshot and refuses an invalid or inconsistent one', () => {
    const other = createDb()
    const snapshot = other.snapshot()
    snapshot.properties = snapshot.properties.slice(0, 2)
    snapshot.links = snapshot.links.filter((link) => link.property_id <= 2)
    expect(other.load(snapshot)).toBe(true)
    expect(other.properties.list()).toHaveLength(2)

    expect(other.load({ properties: 'nope' })).toBe(false)
    const dangling = createSeed()
    dangling.contacts = dangling.contacts.slice(1)
    expect(other.load(dangling)).toBe(false)
    expect(other.properties.list()).toHaveLength(2)
  })

  it('numbers new records after the highest loaded id', () => {
    const other = createDb()
    const created = other.contacts.create({ first_name: 'Ada', last_name: 'Lovelace' })
    expect(created.id).toBe(CONTACT_COUNT + 1)
    const link = other.links.create(1, created.id, {})
    expect(link.id).toBe(seed.links.length + 1)
  })
})
