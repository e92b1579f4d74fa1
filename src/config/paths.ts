// Every address Roster knows, in one place: the router's patterns and the links pages
// build (src/app, src/features), what the servers recognise (the pages they render
// and preload for, in src/server) and the API paths the typed client requests and the
// proxy forwards, so ids and URLs cannot drift apart. Framework-free, and imported by
// vite.config.ts's plugins too: relative imports only with their extension.

/** Where the browser reaches the API: its own origin; the server side decides what answers. */
export const API_BASE = '/api/v1'

/**
 * An id in a path: a positive whole number of up to 15 digits, so every one fits a
 * JavaScript safe integer; no leading zeros (the contract: anything else is 404).
 */
export const ID_SEGMENT = '[1-9][0-9]{0,14}'

const ID = new RegExp(`^${ID_SEGMENT}$`)

/** A URL segment is external input: the id it holds, or null when it is not one. */
export function parseIdSegment(segment: string | undefined): number | null {
  return segment !== undefined && ID.test(segment) ? Number(segment) : null
}

/** The app's pages: the router's pattern for each, and the link to it. */
export const paths = {
  properties: {
    pattern: '/',
    href: (): string => '/',
  },
  property: {
    pattern: '/properties/:propertyId',
    href: (propertyId: number): string => `/properties/${propertyId}`,
  },
  propertySetup: {
    pattern: '/properties/:propertyId/setup',
    href: (propertyId: number): string => `/properties/${propertyId}/setup`,
  },
  propertyActivity: {
    pattern: '/properties/:propertyId/activity',
    href: (propertyId: number): string => `/properties/${propertyId}/activity`,
  },
} as const

export type PropertyPageKind = 'property' | 'setup'

const PROPERTY_PAGE = /^\/properties\/([^/]+)(\/setup)?\/?$/

/** Which page of a property `pathname` is, and for which property; null for any other. */
export function matchPropertyPage(
  pathname: string,
): { page: PropertyPageKind; propertyId: number } | null {
  const match = PROPERTY_PAGE.exec(pathname)
  const propertyId = parseIdSegment(match?.[1])
  if (match === null || propertyId === null) return null
  return { page: match[2] === undefined ? 'property' : 'setup', propertyId }
}

/** The Property Contacts API's paths, below API_BASE. */
export const apiPaths = {
  properties: (): string => '/properties',
  property: (propertyId: number): string => `/properties/${propertyId}`,
  contacts: (): string => '/contacts',
  contact: (contactId: number): string => `/contacts/${contactId}`,
  propertyContacts: (propertyId: number): string => `/properties/${propertyId}/contacts`,
  propertyContact: (propertyId: number, contactId: number): string =>
    `/properties/${propertyId}/contacts/${contactId}`,
} as const

/** Roster's own API (its change history), beside the Property Contacts API it serves. */
export const ROSTER_API_BASE = '/api/roster'

export const rosterApiPaths = {
  activity: (propertyId: number): string => `${ROSTER_API_BASE}/properties/${propertyId}/activity`,
  activityFilters: (propertyId: number): string =>
    `${ROSTER_API_BASE}/properties/${propertyId}/activity/filters`,
} as const

/** The API reads a property's pages start with (both pages read the same two). */
export function propertyPageReads(propertyId: number): string[] {
  return [apiPaths.property(propertyId), apiPaths.propertyContacts(propertyId)].map(
    (path) => `${API_BASE}${path}`,
  )
}

/** The property id when `pathname` is a property's own page (not its setup), else null. */
export function propertyPageId(pathname: string): number | null {
  const page = matchPropertyPage(pathname)
  return page?.page === 'property' ? page.propertyId : null
}
