import { matchPropertyPage } from '../config/paths'

/** The property id when `pathname` is a property page (not its setup), else null. */
export function propertyPageId(pathname: string): number | null {
  const page = matchPropertyPage(pathname)
  return page?.page === 'property' ? page.propertyId : null
}
