// Model-based test: random sequences of link/update/unlink/list requests against the
// mock backend, compared after every step with a tiny model of the contract's rules.
import fc from 'fast-check'
import { expect, it } from 'vitest'
import type { PropertyContact } from '../../src/api/schemas'
import { db } from '../../src/mocks/db'
import { api } from './api'

const PROPERTIES = [1, 2, 3]
const ROLES = ['Buyer', ' buyer ', 'Seller', 'SELLER', 'Lender', null] as const

interface ModelLink {
  role: string | null
  primary: boolean
}
/** property id → contact id → link */
type Model = Map<number, Map<number, ModelLink>>
type Real = object

const roleKey = (role: string | null) => role?.trim().toLowerCase() ?? null

/** The contract's primary rule, applied to the model: the given link wins its role. */
function demote(links: Map<number, ModelLink>, winner: number): void {
  const link = links.get(winner)
  if (!link?.primary) return
  for (const [contactId, other] of links) {
    if (contactId !== winner && roleKey(other.role) === roleKey(link.role)) other.primary = false
  }
}

function linksOf(model: Model, propertyId: number): Map<number, ModelLink> {
  const links = model.get(propertyId)
  if (!links) throw new Error(`no model for property ${propertyId}`)
  return links
}

/** Invariants and model equality, checked after every command. */
async function expectMatches(model: Model, propertyId: number): Promise<void> {
  const { status, body } = await api<PropertyContact[]>('GET', `/properties/${propertyId}/contacts`)
  expect(status).toBe(200)
  const ids = body.map((l) => l.id)
  expect(ids).toEqual([...ids].sort((a, b) => a - b))
  const contactIds = body.map((l) => l.contact_id)
  expect(new Set(contactIds).size).toBe(contactIds.length)
  const primaryRoles = body.filter((l) => l.primary).map((l) => roleKey(l.role))
  expect(new Set(primaryRoles).size).toBe(primaryRoles.length)
  const real = Object.fromEntries(
    body.map((l) => [l.contact_id, { role: l.role, primary: l.primary }]),
  )
  expect(real).toEqual(Object.fromEntries(linksOf(model, propertyId)))
}

class Link implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly propertyId: number,
    readonly contactId: number,
    readonly role: string | null,
    readonly primary: boolean,
  ) {}
  check = () => true
  async run(model: Model): Promise<void> {
    const links = linksOf(model, this.propertyId)
    const body = { contact_id: this.contactId, role: this.role, primary: this.primary }
    const { status } = await api('POST', `/properties/${this.propertyId}/contacts`, body)
    if (links.has(this.contactId)) {
      expect(status).toBe(409)
    } else {
      expect(status).toBe(201)
      links.set(this.contactId, { role: this.role?.trim() ?? null, primary: this.primary })
      demote(links, this.contactId)
    }
    await expectMatches(model, this.propertyId)
  }
  toString = () =>
    `link(${this.propertyId}, ${this.contactId}, ${String(this.role)}, ${this.primary})`
}

class Update implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly propertyId: number,
    readonly contactId: number,
    readonly changes: { role?: string | null; primary?: boolean },
  ) {}
  check = () => true
  async run(model: Model): Promise<void> {
    const links = linksOf(model, this.propertyId)
    const path = `/properties/${this.propertyId}/contacts/${this.contactId}`
    const { status } = await api('PUT', path, this.changes)
    const link = links.get(this.contactId)
    if (!link) {
      expect(status).toBe(404)
    } else {
      expect(status).toBe(200)
      if (this.changes.role !== undefined) link.role = this.changes.role?.trim() ?? null
      if (this.changes.primary !== undefined) link.primary = this.changes.primary
      demote(links, this.contactId)
    }
    await expectMatches(model, this.propertyId)
  }
  toString = () => `update(${this.propertyId}, ${this.contactId}, ${JSON.stringify(this.changes)})`
}

class Unlink implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly propertyId: number,
    readonly contactId: number,
  ) {}
  check = () => true
  async run(model: Model): Promise<void> {
    const links = linksOf(model, this.propertyId)
    const { status } = await api(
      'DELETE',
      `/properties/${this.propertyId}/contacts/${this.contactId}`,
    )
    expect(status).toBe(links.delete(this.contactId) ? 200 : 404)
    await expectMatches(model, this.propertyId)
  }
  toString = () => `unlink(${this.propertyId}, ${this.contactId})`
}

class List implements fc.AsyncCommand<Model, Real> {
  constructor(readonly propertyId: number) {}
  check = () => true
  run = (model: Model) => expectMatches(model, this.propertyId)
  toString = () => `list(${this.propertyId})`
}

function seededModel(): Model {
  return new Map(
    PROPERTIES.map((id) => [
      id,
      new Map(db.links.list(id).map((l) => [l.contact_id, { role: l.role, primary: l.primary }])),
    ]),
  )
}

it('keeps one link per pair and one primary per role through any sequence', async () => {
  // A pool of ~10 contacts: some already on the seeded rosters, some not.
  const linked = PROPERTIES.flatMap((id) =>
    db.links
      .list(id)
      .slice(0, 2)
      .map((l) => l.contact_id),
  )
  const pool = [...new Set([...linked, 1, 2, 3, 4])]

  const property = fc.constantFrom(...PROPERTIES)
  const contact = fc.constantFrom(...pool)
  const role = fc.constantFrom(...ROLES)
  const commands = [
    fc
      .tuple(property, contact, role, fc.boolean())
      .map(([p, c, r, primary]) => new Link(p, c, r, primary)),
    fc
      .tuple(property, contact, fc.record({ role, primary: fc.boolean() }, { requiredKeys: [] }))
      .map(([p, c, changes]) => new Update(p, c, changes)),
    fc.tuple(property, contact).map(([p, c]) => new Unlink(p, c)),
    property.map((p) => new List(p)),
  ]

  await fc.assert(
    fc.asyncProperty(fc.commands(commands, { maxCommands: 25 }), async (cmds) => {
      db.reset()
      await fc.asyncModelRun(() => ({ model: seededModel(), real: {} }), cmds)
    }),
    { numRuns: 50 },
  )
})
