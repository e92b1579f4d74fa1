import { http } from 'msw'
import {
  ContactCreateSchema,
  ContactUpdateSchema,
  fieldErrorsOf,
  type Contact,
} from '../../api/schemas.ts'
import { db } from '../db.ts'
import { gated } from './gate.ts'
import {
  describeParam,
  fail,
  invalid,
  json,
  paginate,
  parsePathId,
  readJsonObject,
  readPage,
  readSearch,
  type FieldErrors,
} from './respond.ts'
import { API_BASE } from '../../config/paths.ts'

const digitsOf = (text: string) => text.replace(/\D/g, '')

/**
 * Name (first, last, "first last"), email, phone or company (company is the mock's
 * addition: docs/contract.md, Part 2); a phone-like search also matches digits.
 */
function matches(contact: Contact, search: string): boolean {
  const fields = [
    contact.first_name,
    contact.last_name,
    `${contact.first_name} ${contact.last_name}`,
    contact.email ?? '',
    contact.phone ?? '',
    contact.company ?? '',
  ]
  if (fields.some((field) => field.toLowerCase().includes(search))) return true
  // "5125550142" or "512-555" should find "(512) 555-0142".
  const digits = digitsOf(search)
  return (
    /^[\d\s().+-]+$/.test(search) && digits !== '' && digitsOf(contact.phone ?? '').includes(digits)
  )
}

const byName = (a: Contact, b: Contact) =>
  a.last_name.localeCompare(b.last_name, 'en', { sensitivity: 'base' }) ||
  a.first_name.localeCompare(b.first_name, 'en', { sensitivity: 'base' }) ||
  a.id - b.id

export const contactHandlers = [
  http.get(
    `*${API_BASE}/contacts`,
    gated(({ request }) => {
      const url = new URL(request.url)
      const errors: FieldErrors = {}
      const page = readPage(url, errors)
      if (Object.keys(errors).length > 0) return invalid(errors, 'Invalid query parameters.')
      const search = readSearch(url)
      const rows = db.contacts
        .list()
        .filter((contact) => search === '' || matches(contact, search))
        .sort(byName)
      return json(paginate(rows, page))
    }),
  ),

  http.get(
    `*${API_BASE}/contacts/:contactId`,
    gated(({ params }) => {
      const id = parsePathId(params.contactId)
      const contact = id === null ? undefined : db.contacts.find(id)
      return contact
        ? json(contact)
        : fail(404, `Contact ${describeParam(params.contactId)} not found.`)
    }),
  ),

  http.post(
    `*${API_BASE}/contacts`,
    gated(async ({ request }) => {
      const body = await readJsonObject(request)
      if (body instanceof Response) return body
      const parsed = ContactCreateSchema.safeParse(body)
      if (!parsed.success) return invalid(fieldErrorsOf(parsed.error.issues))
      return json(db.contacts.create(parsed.data), 201)
    }),
  ),

  // Roster's extension (docs/contract.md, Part 2): a partial update of the contact's own
  // details; every roster it is on shows the change, as links embed the contact.
  http.put(
    `*${API_BASE}/contacts/:contactId`,
    gated(async ({ request, params }) => {
      const id = parsePathId(params.contactId)
      if (id === null || !db.contacts.find(id)) {
        return fail(404, `Contact ${describeParam(params.contactId)} not found.`)
      }
      const body = await readJsonObject(request)
      if (body instanceof Response) return body
      const parsed = ContactUpdateSchema.safeParse(body)
      if (!parsed.success) return invalid(fieldErrorsOf(parsed.error.issues))
      const updated = db.contacts.update(id, parsed.data)
      return updated ? json(updated) : fail(404, `Contact ${id} not found.`)
    }),
  ),
]
