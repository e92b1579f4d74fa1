import * as z from 'zod/mini'

// URL parameters are external input: validated, and anything odd falls back to
// the default view instead of breaking the page.
const PageSchema = z.catch(
  z.pipe(
    z.string().check(z.regex(/^\d{1,6}$/)),
    z.pipe(
      z.transform((value) => Number(value)),
      z.int().check(z.positive()),
    ),
  ),
  1,
)
const SearchSchema = z.catch(
  z.pipe(
    z.string(),
    z.transform((value) => value.trim().slice(0, 200)),
  ),
  '',
)

export interface PropertyListView {
  search: string
  page: number
}

export function readPropertyListView(params: URLSearchParams): PropertyListView {
  return {
    search: SearchSchema.parse(params.get('q') ?? ''),
    page: PageSchema.parse(params.get('page') ?? '1'),
  }
}

export function writePropertyListView(view: PropertyListView): URLSearchParams {
  const params = new URLSearchParams()
  if (view.search) params.set('q', view.search)
  if (view.page > 1) params.set('page', String(view.page))
  return params
}
