import { parsePropertyIdParam } from './property-id-param'

// The property page's address, as the router matches it (routes.tsx).
const PROPERTY_PAGE = /^\/properties\/([^/]+)\/?$/

/** The property id when `pathname` is a property page, else null. */
export function propertyPageId(pathname: string): number | null {
  return parsePropertyIdParam(PROPERTY_PAGE.exec(pathname)?.[1])
}
