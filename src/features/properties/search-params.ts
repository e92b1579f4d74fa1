import * as z from 'zod/mini'

// URL parameters are external input: validated, and anything odd falls back to
// the default view instead of breaking the page.
const PageSchema = z.catch(
  z.pipe(z.string().check(z.regex(/^[1-9]\d{0,5}$/)), z.transform(Number)),
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
