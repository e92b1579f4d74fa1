// The deterministic seed: the same data on every machine and every run (a seeded
// PRNG and a fixed base date, never Math.random or Date.now).
//
// Facts tests rely on:
// - properties 1..30 are ordinary (3–12 links each); 31 is the large portfolio
//   property with 1,000 links (contacts 51..1050);
// - contacts 1..400 are the "everyday" people of ordinary rosters; 401..1050 exist
//   only so the large property has 1,000 distinct contacts;
// - the only Smiths are SMITH_CONTACT_IDS; every filled role has exactly one primary.
import { Random } from './random.ts'
import { CONTACT_COUNT, EVERYDAY_CONTACT_COUNT, seedContacts } from './seed-contacts.ts'
import { LARGE_PROPERTY_TITLE, largeProperty, seedProperty } from './seed-properties.ts'
import { LinkMaker, seedLargeRoster, seedRosters } from './seed-rosters.ts'
import type { DbSnapshot } from './types.ts'

export { CONTACT_COUNT, EVERYDAY_CONTACT_COUNT, SMITH_CONTACT_IDS } from './seed-contacts.ts'
export { LARGE_PROPERTY_TITLE } from './seed-properties.ts'
export { SEED_ROLES } from './seed-rosters.ts'
export { SEED_BASE_DATE } from './seed-time.ts'

const SEED = 20261101

/** Ids of the ordinary properties (not including the large one). */
export const SEED_PROPERTY_IDS: readonly number[] = Array.from({ length: 30 }, (_, i) => i + 1)
export const LARGE_PROPERTY_ID = 31
export const LARGE_PROPERTY_LINK_COUNT = 1000
const LARGE_ROSTER_FIRST_CONTACT_ID = CONTACT_COUNT - LARGE_PROPERTY_LINK_COUNT + 1

export function createSeed(): DbSnapshot {
  const rng = new Random(SEED)
  const people = seedContacts(rng)
  const titles = new Set<string>([LARGE_PROPERTY_TITLE])
  const properties = SEED_PROPERTY_IDS.map((id) => seedProperty(rng, id, titles))
  const large = largeProperty(LARGE_PROPERTY_ID)
  const links = new LinkMaker(rng)
  return {
    properties: [...properties, large],
    contacts: people.map((person) => person.contact),
    links: [
      ...seedRosters(rng, properties, people.slice(0, EVERYDAY_CONTACT_COUNT), links),
      ...seedLargeRoster(rng, large, people.slice(LARGE_ROSTER_FIRST_CONTACT_ID - 1), links),
    ],
  }
}
