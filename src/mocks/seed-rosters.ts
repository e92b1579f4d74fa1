import type { Property } from '../api/schemas.ts'
import type { Random } from './random.ts'
import type { SeedContact } from './seed-contacts.ts'
import { LINK_NOTES, type Profession } from './seed-data.ts'
import { SEED_BASE_MS, daysFrom, isoDate, isoTimestamp } from './seed-time.ts'
import type { StoredLink } from './types.ts'

/** Roles in the order a roster reads best: the parties, their agents, then services. */
// prettier-ignore
export const SEED_ROLES = [
  'Seller', 'Buyer', 'Listing Agent', 'Buyer Agent', 'Lender', 'Inspector', 'Appraiser',
  'Escrow Officer', 'Title Officer', 'Attorney', 'Transaction Coordinator', 'Tenant',
] as const
type Role = (typeof SEED_ROLES)[number]

const PROFESSION_OF_ROLE: Readonly<Record<Role, Profession | null>> = {
  Seller: null,
  Buyer: null,
  Tenant: null,
  'Listing Agent': 'Agent',
  'Buyer Agent': 'Agent',
  Lender: 'Lender',
  Inspector: 'Inspector',
  Appraiser: 'Appraiser',
  'Escrow Officer': 'Escrow Officer',
  'Title Officer': 'Title Officer',
  Attorney: 'Attorney',
  'Transaction Coordinator': 'Transaction Coordinator',
}

// Repeats allow couples (two buyers, two sellers) and a second lender quote.
// prettier-ignore
const EXTRA_ROLES: readonly Role[] = [
  'Seller', 'Buyer', 'Buyer Agent', 'Listing Agent', 'Lender', 'Inspector', 'Escrow Officer',
  'Title Officer', 'Appraiser', 'Attorney', 'Transaction Coordinator', 'Buyer', 'Seller', 'Lender',
]

function rosterRoles(rng: Random, property: Property): Role[] {
  const core: Role[] =
    property.client_type === 'Seller'
      ? ['Seller', 'Listing Agent']
      : property.client_type === 'Buyer'
        ? ['Buyer', 'Buyer Agent']
        : ['Seller', 'Buyer', 'Listing Agent']
  // Before a contract there is no other side yet.
  const oneSided = property.status === 'Active' || property.status === 'Coming Soon'
  const otherSide: Role[] =
    !oneSided || property.client_type === 'Dual'
      ? []
      : property.client_type === 'Seller'
        ? ['Buyer', 'Buyer Agent']
        : ['Seller', 'Listing Agent']
  const extras = rng.shuffle(EXTRA_ROLES).filter((role) => !otherSide.includes(role))
  const roles = [...core, ...extras].slice(0, rng.int(3, 12))
  return roles.sort((a, b) => SEED_ROLES.indexOf(a) - SEED_ROLES.indexOf(b))
}

export class LinkMaker {
  private nextId = 1

  constructor(private readonly rng: Random) {}

  make(property: Property, contactId: number, role: string | null, primary: boolean): StoredLink {
    const rng = this.rng
    const propertyMs = Date.parse(property.created)
    const createdMs = propertyMs + Math.floor(rng.next() * (SEED_BASE_MS - propertyMs) * 0.5)
    const updatedMs = rng.chance(0.3)
      ? createdMs + Math.floor(rng.next() * (SEED_BASE_MS - createdMs))
      : createdMs
    const startMs = Math.min(daysFrom(propertyMs, rng.int(0, 20)), SEED_BASE_MS)
    return {
      id: this.nextId++,
      property_id: property.id,
      contact_id: contactId,
      role,
      primary,
      start_date: rng.chance(0.8) ? isoDate(startMs) : null,
      notes: rng.chance(0.15) ? rng.pick(LINK_NOTES) : null,
      created: isoTimestamp(createdMs),
      updated: isoTimestamp(updatedMs),
    }
  }
}

function pickDistinct(rng: Random, pool: readonly number[], used: Set<number>): number {
  for (let attempt = 0; attempt < 20; attempt++) {
    const id = rng.pick(pool)
    if (!used.has(id)) return id
  }
  const id = pool.find((candidate) => !used.has(candidate))
  if (id === undefined) throw new Error('Seed pool exhausted')
  return id
}

/** Links for the ordinary properties, drawn from the everyday contacts. */
export function seedRosters(
  rng: Random,
  properties: readonly Property[],
  everyday: readonly SeedContact[],
  links: LinkMaker,
): StoredLink[] {
  const pools = new Map<Profession | null, number[]>()
  for (const { contact, profession } of everyday) {
    const pool = pools.get(profession) ?? []
    pool.push(contact.id)
    pools.set(profession, pool)
  }
  const result: StoredLink[] = []
  for (const property of properties) {
    const used = new Set<number>()
    const filled = new Set<Role>()
    for (const role of rosterRoles(rng, property)) {
      const contactId = pickDistinct(rng, pools.get(PROFESSION_OF_ROLE[role]) ?? [], used)
      used.add(contactId)
      result.push(links.make(property, contactId, role, !filled.has(role)))
      filled.add(role)
    }
    // A few rosters carry someone whose role is not settled yet.
    if (used.size < 12 && rng.chance(0.15)) {
      const contactId = pickDistinct(rng, pools.get(null) ?? [], used)
      result.push({
        ...links.make(property, contactId, null, false),
        notes: 'Role to be confirmed.',
      })
    }
  }
  return result
}

/** One link per given contact: a portfolio roster big enough for scale work. */
export function seedLargeRoster(
  rng: Random,
  property: Property,
  contacts: readonly SeedContact[],
  links: LinkMaker,
): StoredLink[] {
  const filled = new Set<string | null>()
  return contacts.map(({ contact, profession }) => {
    let role: string | null
    if (profession === 'Agent') role = rng.chance(0.5) ? 'Listing Agent' : 'Buyer Agent'
    else if (profession) role = profession
    else {
      const drawn = rng.weighted({ Tenant: 72, Buyer: 12, Seller: 8, none: 8 })
      role = drawn === 'none' ? null : drawn
    }
    const primary = role !== null && !filled.has(role)
    filled.add(role)
    return links.make(property, contact.id, role, primary)
  })
}
