import { http } from 'msw'
import type { Property } from '../../api/schemas.ts'
import { db } from '../db.ts'
import { gated } from './gate.ts'
import {
  describeParam,
  fail,
  invalid,
  json,
  paginate,
  parsePathId,
  readPage,
  readSearch,
} from './respond.ts'
import type { FieldErrors } from './respond.ts'
import { API_BASE } from '../../config/paths.ts'

/** The property a path names, or the 404 to answer instead. */
export function findProperty(param: string | readonly string[] | undefined): Property | Response {
  const id = parsePathId(param)
  const property = id === null ? undefined : db.properties.find(id)
  return property ?? fail(404, `Property ${describeParam(param)} not found.`)
}

/**
 * The contract names only `search`. The mock reads it as a case-insensitive substring
 * of the title, street, city, state, zip or status (docs/contract.md, Part 2); never
 * of the people on the deal, a join the API does not offer.
 */
function matches(property: Property, search: string): boolean {
  const { title, address, city, state, zip, status } = property
  return [title, address, city, state, zip, status].some((field) =>
    field?.toLowerCase().includes(search),
  )
}

export const propertyHandlers = [
  http.get(
    `*${API_BASE}/properties`,
    gated(({ request }) => {
      const url = new URL(request.url)
      const errors: FieldErrors = {}
      const page = readPage(url, errors)
      if (Object.keys(errors).length > 0) return invalid(errors, 'Invalid query parameters.')
      const search = readSearch(url)
      const rows = db.properties.list().filter((p) => search === '' || matches(p, search))
      return json(paginate(rows, page))
    }),
  ),

  http.get(
    `*${API_BASE}/properties/:propertyId`,
    gated(({ params }) => {
      const property = findProperty(params.propertyId)
      return property instanceof Response ? property : json(property)
    }),
  ),
]
