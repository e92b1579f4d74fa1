import type { Contact } from '../api/schemas.ts'
import type { Random } from './random.ts'
import {
  CITIES,
  COMPANIES,
  FIRST_NAMES,
  LAST_NAMES,
  PERSONAL_EMAIL_DOMAINS,
  PROFESSION_WEIGHTS,
  SMITH_FIRST_NAMES,
  type Profession,
} from './seed-data.ts'
import { SEED_BASE_MS, daysFrom, isoTimestamp } from './seed-time.ts'

/** A seeded contact plus what the seed alone needs to know: which roles suit them. */
export interface SeedContact {
  contact: Contact
  /** null for private people (buyers, sellers, tenants). */
  profession: Profession | null
}

/** Contacts 1..400 fill the ordinary rosters; 401..1050 exist for the large property. */
export const EVERYDAY_CONTACT_COUNT = 400
export const CONTACT_COUNT = 1050
/** The only Smiths in the seed, so a search for "smi" finds exactly these. */
export const SMITH_CONTACT_IDS: readonly number[] = [7, 58, 133, 212, 340]
const SMITH_AGENT_ID = 133

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '')
}

function companyDomain(company: string): string {
  return `${slug(company.replace(/\b(LLC|LLP|Co\.|TC)\b/g, ''))}.com`
}

function phoneNumber(rng: Random): string {
  const { areaCode } = rng.pick(CITIES)
  // 555-0100..0199 is the range reserved for fictional numbers.
  return `(${areaCode}) 555-01${String(rng.int(0, 99)).padStart(2, '0')}`
}

function makeContact(
  rng: Random,
  id: number,
  firstName: string,
  lastName: string,
  profession: Profession | null,
): SeedContact {
  const company = profession ? rng.pick(COMPANIES[profession]) : null
  let email: string | null = null
  if (company) {
    email = `${slug(firstName).charAt(0)}${slug(lastName)}@${companyDomain(company)}`
  } else if (rng.chance(0.9)) {
    const suffix = rng.chance(0.3) ? String(rng.int(1, 99)) : ''
    email = `${slug(firstName)}.${slug(lastName)}${suffix}@${rng.pick(PERSONAL_EMAIL_DOMAINS)}`
  }
  const createdMs = daysFrom(SEED_BASE_MS, -rng.int(60, 900)) + rng.int(0, 86_399) * 1000
  return {
    contact: {
      id,
      first_name: firstName,
      last_name: lastName,
      email,
      phone: company || rng.chance(0.92) ? phoneNumber(rng) : null,
      company,
      created: isoTimestamp(createdMs),
    },
    profession,
  }
}

export function seedContacts(rng: Random): SeedContact[] {
  const contacts: SeedContact[] = []
  let smithIndex = 0
  for (let id = 1; id <= CONTACT_COUNT; id++) {
    if (SMITH_CONTACT_IDS.includes(id)) {
      const firstName = SMITH_FIRST_NAMES[smithIndex++ % SMITH_FIRST_NAMES.length] ?? 'Alex'
      contacts.push(
        makeContact(rng, id, firstName, 'Smith', id === SMITH_AGENT_ID ? 'Agent' : null),
      )
      continue
    }
    const professionalShare = id <= EVERYDAY_CONTACT_COUNT ? 0.4 : 0.08
    const profession = rng.chance(professionalShare) ? rng.weighted(PROFESSION_WEIGHTS) : null
    contacts.push(makeContact(rng, id, rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES), profession))
  }
  return contacts
}
