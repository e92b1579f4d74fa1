import { http } from 'msw'
import {
  PropertyContactCreateSchema,
  PropertyContactSchema,
  PropertyContactUpdateSchema,
  fieldErrorsOf,
  type Property,
  type PropertyContact,
} from '../../api/schemas.ts'
import { linkVersion, versionMatches } from '../../api/link-version.ts'
import { roleKey } from '../../api/roles.ts'
import { db, type StoredLink } from '../db.ts'
import { gated } from './gate.ts'
import { findProperty } from './properties.ts'
import {
  describeParam,
  fail,
  invalid,
  json,
  paginate,
  parsePathId,
  readJsonObject,
  readPage,
  type FieldErrors,
} from './respond.ts'
import { API_BASE } from '../../config/paths.ts'

const PATH = `*${API_BASE}/properties/:propertyId/contacts`
const ITEM_PATH = `${PATH}/:contactId`

type PathParam = string | readonly string[] | undefined

/** The link a path names (by the property's and the contact's id), or the 404 to answer. */
function findLink(propertyParam: PathParam, contactParam: PathParam): StoredLink | Response {
  const property = findProperty(propertyParam)
  if (property instanceof Response) return property
  const contactId = parsePathId(contactParam)
  const link = contactId === null ? undefined : db.links.find(property.id, contactId)
  return (
    link ??
    fail(404, `Contact ${describeParam(contactParam)} is not linked to property ${property.id}.`)
  )
}

/**
 * The version tag of a link as a client sees it: computed on the link after the typed
 * client's own parsing (timestamps normalised), so the browser's tag for the same link
 * is the same string.
 */
function versionOf(link: PropertyContact): string {
  return linkVersion(PropertyContactSchema.parse(link))
}

/** A single link as the answer, with its version as the ETag. */
function linkAnswer(link: StoredLink, status = 200): Response {
  const body = db.links.withContact(link)
  const response = json(body, status)
  response.headers.set('ETag', versionOf(body))
  return response
}

/**
 * The 412 to answer when the request's If-Match does not admit the link (someone
 * changed it since the client read it), or null to go on. Without If-Match, the write
 * is unconditional, as the upstream contract has it.
 */
function preconditionFailed(request: Request, link: StoredLink): Response | null {
  const ifMatch = request.headers.get('If-Match')
  if (ifMatch === null) return null
  const current = db.links.withContact(link)
  if (versionMatches(ifMatch, PropertyContactSchema.parse(current))) return null
  return json(
    {
      message: `Contact ${link.contact_id}'s link to property ${link.property_id} changed since it was read; nothing was written.`,
      current,
    },
    412,
  )
}

function readPrimaryFilter(url: URL, errors: FieldErrors): boolean | undefined {
  const raw = url.searchParams.get('primary')?.trim().toLowerCase()
  if (raw === undefined || raw === '') return undefined
  if (raw === 'true' || raw === '1') return true
  if (raw === 'false' || raw === '0') return false
  errors.primary = ['primary must be true, false, 1 or 0']
  return undefined
}

function describeRole(link: StoredLink): string {
  return link.role === null ? 'with no role' : `as ${link.role}`
}

function listLinks(property: Property, url: URL): Response {
  const errors: FieldErrors = {}
  const page = readPage(url, errors)
  const primary = readPrimaryFilter(url, errors)
  if (Object.keys(errors).length > 0) return invalid(errors, 'Invalid query parameters.')
  // '' (absent, or blank once normalised) is no filter; links without a role never match one.
  const role = roleKey(url.searchParams.get('role'))
  const rows = db.links
    .list(property.id)
    .filter((link) => role === '' || roleKey(link.role) === role)
    .filter((link) => primary === undefined || link.primary === primary)
  return json(paginate(rows, page).map((link) => db.links.withContact(link)))
}

export const propertyContactHandlers = [
  http.get(
    PATH,
    gated(({ request, params }) => {
      const property = findProperty(params.propertyId)
      return property instanceof Response ? property : listLinks(property, new URL(request.url))
    }),
  ),

  http.post(
    PATH,
    gated(async ({ request, params }) => {
      const property = findProperty(params.propertyId)
      if (property instanceof Response) return property
      const body = await readJsonObject(request)
      if (body instanceof Response) return body
      const parsed = PropertyContactCreateSchema.safeParse(body)
      if (!parsed.success) {
        const errors = fieldErrorsOf(parsed.error.issues)
        if (body.contact_id === undefined || body.contact_id === null) {
          errors.contact_id = ['contact_id is required']
        }
        return invalid(errors)
      }
      const { contact_id: contactId, ...fields } = parsed.data
      if (!db.contacts.find(contactId)) return fail(404, `Contact ${contactId} not found.`)
      const existing = db.links.find(property.id, contactId)
      if (existing) {
        return fail(
          409,
          `Contact ${contactId} is already linked to property ${property.id} ${describeRole(existing)}.`,
        )
      }
      return linkAnswer(db.links.create(property.id, contactId, fields), 201)
    }),
  ),

  http.get(
    ITEM_PATH,
    gated(({ params }) => {
      const link = findLink(params.propertyId, params.contactId)
      return link instanceof Response ? link : linkAnswer(link)
    }),
  ),

  // A partial update, conditional when it carries If-Match (docs/contract.md, Part 2:
  // checked after the body, so a 400 still names the bad fields). `contact_id` in the body is ignored like any unknown field: a
  // link is addressed by its contact, so moving it to another contact is unlink + link.
  http.put(
    ITEM_PATH,
    gated(async ({ request, params }) => {
      const link = findLink(params.propertyId, params.contactId)
      if (link instanceof Response) return link
      const body = await readJsonObject(request)
      if (body instanceof Response) return body
      const parsed = PropertyContactUpdateSchema.safeParse(body)
      if (!parsed.success) return invalid(fieldErrorsOf(parsed.error.issues))
      // The link as it is now, after the wait for the body: checked and written in one
      // step, so two writes from one version cannot both pass.
      const now = findLink(params.propertyId, params.contactId)
      if (now instanceof Response) return now
      const refused = preconditionFailed(request, now)
      if (refused) return refused
      const updated = db.links.update(now.property_id, now.contact_id, parsed.data)
      return updated ? linkAnswer(updated) : fail(404, 'Link not found.')
    }),
  ),

  http.delete(
    ITEM_PATH,
    gated(({ request, params }) => {
      const link = findLink(params.propertyId, params.contactId)
      if (link instanceof Response) return link
      const refused = preconditionFailed(request, link)
      if (refused) return refused
      db.links.remove(link.property_id, link.contact_id)
      return json({ deleted: true, property_id: link.property_id, contact_id: link.contact_id })
    }),
  ),
]
