import * as z from 'zod/mini'

/** How the list can be ordered: as the API lists them, by closing date, by title. */
export const PROPERTY_SORTS = ['', 'closing', 'title'] as const
export type PropertySort = (typeof PROPERTY_SORTS)[number]

// URL parameters are external input: validated, and anything odd falls back to
// the default view instead of breaking the page.
const PageSchema = z.catch(
  z.pipe(z.string().check(z.regex(/^[1-9]\d{0,5}$/)), z.transform(Number)),
  1,
)
const textParam = (max: number) =>
  z.catch(
    z.pipe(
      z.string(),
      z.transform((value) => Array.from(value.trim()).slice(0, max).join('')),
    ),
    '',
  )
const SearchSchema = textParam(200)
// A status is free text in the API; no more than a role may have.
const StatusSchema = textParam(100)
const SortSchema = z.catch(z.enum(PROPERTY_SORTS), '')

export interface PropertyListView {
  search: string
  /** Only properties with this status (compared case-insensitively); '' for all. */
  status: string
  sort: PropertySort
  page: number
  /** Only the deals on the page whose roster checklist is not complete. */
  incomplete: boolean
}

export const DEFAULT_PROPERTY_LIST_VIEW: PropertyListView = {
  search: '',
  status: '',
  sort: '',
  page: 1,
  incomplete: false,
}

export function readPropertyListView(params: URLSearchParams): PropertyListView {
  return {
    search: SearchSchema.parse(params.get('q') ?? ''),
    status: StatusSchema.parse(params.get('status') ?? ''),
    sort: SortSchema.parse(params.get('sort') ?? ''),
    page: PageSchema.parse(params.get('page') ?? '1'),
    incomplete: params.get('incomplete') === '1',
  }
}

/** The view as URL parameters, leaving out the ones at their default. */
export function writePropertyListView(view: PropertyListView): URLSearchParams {
  const params = new URLSearchParams()
  if (view.search) params.set('q', view.search)
  if (view.status) params.set('status', view.status)
  if (view.sort) params.set('sort', view.sort)
  if (view.page > 1) params.set('page', String(view.page))
  if (view.incomplete) params.set('incomplete', '1')
  return params
}
