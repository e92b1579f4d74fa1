// The only requests the live proxy forwards: the Property Contacts API's own paths and
// methods (see docs/contract.md), ids in digits. Anything else is answered here
// without contacting the upstream, so the proxy cannot be used to reach the rest of
// the account's API with the account's token.

import { ID_SEGMENT } from '../config/paths.ts'

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

interface ApiRoute {
  pattern: RegExp
  methods: readonly ApiMethod[]
}

const ID = ID_SEGMENT

const API_ROUTES: readonly ApiRoute[] = [
  { pattern: /^\/properties$/, methods: ['GET'] },
  { pattern: new RegExp(`^/properties/${ID}$`), methods: ['GET'] },
  { pattern: /^\/contacts$/, methods: ['GET', 'POST'] },
  { pattern: new RegExp(`^/contacts/${ID}$`), methods: ['GET', 'PUT'] },
  { pattern: new RegExp(`^/properties/${ID}/contacts$`), methods: ['GET', 'POST'] },
  { pattern: new RegExp(`^/properties/${ID}/contacts/${ID}$`), methods: ['GET', 'PUT', 'DELETE'] },
]

export type RouteMatch =
  | { kind: 'allowed'; method: ApiMethod }
  | { kind: 'not-found' }
  | { kind: 'method-not-allowed'; allow: readonly ApiMethod[] }

/** `path` is below the API base: `/properties/12`, not `/api/v1/properties/12`. */
export function matchApiRoute(method: string, path: string): RouteMatch {
  const route = API_ROUTES.find(({ pattern }) => pattern.test(path))
  if (!route) return { kind: 'not-found' }
  const allowed = route.methods.find((candidate) => candidate === method)
  return allowed
    ? { kind: 'allowed', method: allowed }
    : { kind: 'method-not-allowed', allow: route.methods }
}
