import type { ClientType, Property } from '../api/schemas.ts'
import type { Random } from './random.ts'
import { CITIES, HOME_TYPES, STREET_NAMES, STREET_SUFFIXES, type Status } from './seed-data.ts'
import { SEED_BASE_MS, daysFrom, isoDate, isoTimestamp } from './seed-time.ts'

const STATUS_WEIGHTS: Readonly<Record<Status, number>> = {
  Active: 30,
  Pending: 20,
  'Under Contract': 20,
  Closed: 20,
  'Coming Soon': 10,
}
const CLIENT_TYPE_WEIGHTS: Readonly<Record<ClientType, number>> = {
  Seller: 40,
  Buyer: 40,
  Dual: 20,
}

function closingDate(rng: Random, status: Status, createdMs: number): string | null {
  switch (status) {
    case 'Closed':
      return isoDate(daysFrom(createdMs, rng.int(30, 75)))
    case 'Pending':
    case 'Under Contract':
      return isoDate(daysFrom(SEED_BASE_MS, rng.int(5, 45)))
    case 'Active':
      return rng.chance(0.5) ? isoDate(daysFrom(SEED_BASE_MS, rng.int(30, 90))) : null
    case 'Coming Soon':
      return null
  }
}

export function seedProperty(rng: Random, id: number, takenTitles: Set<string>): Property {
  const place = rng.pick(CITIES)
  let title = ''
  let address = ''
  const clientType = rng.weighted(CLIENT_TYPE_WEIGHTS)
  // Titles are what people search by, so keep them unique.
  while (title === '' || takenTitles.has(title)) {
    const street = rng.pick(STREET_NAMES)
    const [short, long] = rng.pick(STREET_SUFFIXES)
    address = `${rng.int(100, 9899)} ${street} ${short}`
    title = rng.chance(0.5)
      ? `${street} ${long} ${rng.pick(HOME_TYPES)}`
      : `${address} ${clientType === 'Buyer' ? 'Purchase' : 'Sale'}`
  }
  takenTitles.add(title)
  const status = rng.weighted(STATUS_WEIGHTS)
  // Closed deals started long enough ago to have closed before the base date.
  const ageDays = status === 'Closed' ? rng.int(90, 400) : rng.int(10, 120)
  const createdMs = daysFrom(SEED_BASE_MS, -ageDays) + rng.int(0, 86_399) * 1000
  const price = status === 'Coming Soon' && rng.chance(0.5) ? null : rng.int(360, 3700) * 500
  return {
    id,
    title,
    address,
    city: place.city,
    state: place.state,
    zip: String(place.zipBase + rng.int(0, 40)).padStart(5, '0'),
    status,
    client_type: clientType,
    purchase_amount: price,
    closing_date: closingDate(rng, status, createdMs),
    created: isoTimestamp(createdMs),
  }
}

export const LARGE_PROPERTY_TITLE = 'Harbor View Towers — Portfolio (1,000 contacts)'

export function largeProperty(id: number): Property {
  return {
    id,
    title: LARGE_PROPERTY_TITLE,
    address: '1 Harbor View Plaza',
    city: 'Tampa',
    state: 'FL',
    zip: '33602',
    status: 'Active',
    client_type: 'Dual',
    purchase_amount: 48_500_000,
    closing_date: null,
    created: isoTimestamp(daysFrom(SEED_BASE_MS, -200)),
  }
}
