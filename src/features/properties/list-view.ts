import type { Property } from '../../api'
import { PROPERTIES_PAGE_SIZE } from './api/property-list-queries'
import type { PropertyListView, PropertySort } from './search-params'

export interface StatusOption {
  status: string
  count: number
}

export interface ListedPage {
  /** The properties on the page shown. */
  rows: Property[]
  /** The page shown: the one asked for, or the last one when that is past the end. */
  page: number
  pageCount: number
  /** How many properties the search and the status filter let through. */
  total: number
  /** The statuses among the search's matches, with how many have each. */
  statuses: StatusOption[]
}

const statusKey = (status: string) => status.trim().toLowerCase()
const byTitle = (a: Property, b: Property) =>
  a.title.localeCompare(b.title, 'en', { numeric: true, sensitivity: 'base' }) || a.id - b.id
// Calendar dates (YYYY-MM-DD) order as text; a property without one comes last.
const byClosing = (a: Property, b: Property) =>
  a.closing_date && b.closing_date
    ? a.closing_date.localeCompare(b.closing_date) || byTitle(a, b)
    : a.closing_date
      ? -1
      : b.closing_date
        ? 1
        : byTitle(a, b)

function ordered(properties: Property[], sort: PropertySort): Property[] {
  if (sort === 'closing') return [...properties].sort(byClosing)
  if (sort === 'title') return [...properties].sort(byTitle)
  return properties
}

/** The status filter, the order and the page, applied to every match of the search. */
export function listPage(matches: Property[], view: PropertyListView): ListedPage {
  const counts = new Map<string, StatusOption>()
  for (const property of matches) {
    const key = statusKey(property.status)
    const option = counts.get(key)
    if (option) option.count += 1
    else counts.set(key, { status: property.status, count: 1 })
  }
  const statuses = [...counts.values()].sort((a, b) =>
    a.status.localeCompare(b.status, 'en', { sensitivity: 'base' }),
  )
  const wanted = statusKey(view.status)
  const filtered = wanted ? matches.filter((p) => statusKey(p.status) === wanted) : matches
  const pageCount = Math.max(1, Math.ceil(filtered.length / PROPERTIES_PAGE_SIZE))
  const page = Math.min(view.page, pageCount)
  const start = (page - 1) * PROPERTIES_PAGE_SIZE
  return {
    rows: ordered(filtered, view.sort).slice(start, start + PROPERTIES_PAGE_SIZE),
    page,
    pageCount,
    total: filtered.length,
    statuses,
  }
}
