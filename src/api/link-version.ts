// Which version of a link a write starts from, and what changed since: the basis of
// Roster's conditional writes (docs/contract.md, "Conditional link writes"). The
// browser, the mock backend and the live proxy compute a version the same way, from
// the link as the typed client parses it, so the tag needs no request to learn.
import type { PropertyContact } from './schemas'

/** What a version covers: the link's address, its `updated`, and every value a user edits. */
type Versioned = Pick<
  PropertyContact,
  'property_id' | 'contact_id' | 'role' | 'primary' | 'start_date' | 'notes' | 'updated'
>

/** 53-bit FNV-1a style hash over UTF-16 units: enough to tell two versions of one link apart. */
function hash(text: string): string {
  let high = 0x811c9dc5
  let low = 0x01000193
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index)
    high = Math.imul(high ^ unit, 0x01000193) >>> 0
    low = Math.imul(low ^ unit ^ (high >>> 7), 0x5bd1e995) >>> 0
  }
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0')
}

/**
 * The link's version tag, an HTTP entity tag (quoted): what `If-Match` carries and what
 * the mock backend sends as `ETag`. It moves when `updated` moves and also when any
 * edited value does, so a server that forgets to touch `updated` is still caught.
 */
export function linkVersion(link: Versioned): string {
  const canonical = JSON.stringify([
    link.property_id,
    link.contact_id,
    link.role,
    link.primary,
    link.start_date,
    link.notes,
    link.updated,
  ])
  return `"v1-${hash(canonical)}"`
}

/** Whether an `If-Match` value (a list of tags, or `*`) admits this link. */
export function versionMatches(ifMatch: string, link: Versioned): boolean {
  const wanted = ifMatch.trim()
  if (wanted === '*') return true
  const tag = linkVersion(link)
  return wanted
    .split(',')
    .map((candidate) => candidate.trim().replace(/^W\//, ''))
    .includes(tag)
}

export type LinkField = 'role' | 'primary' | 'start_date' | 'notes'

export interface LinkChange {
  field: LinkField
  from: string | boolean | null
  to: string | boolean | null
}

const FIELDS: readonly LinkField[] = ['role', 'primary', 'start_date', 'notes']

/** The edited values that differ between two versions of one link, in form order. */
export function linkChanges(
  before: Pick<PropertyContact, LinkField>,
  after: Pick<PropertyContact, LinkField>,
): LinkChange[] {
  return FIELDS.filter((field) => before[field] !== after[field]).map((field) => ({
    field,
    from: before[field],
    to: after[field],
  }))
}

/**
 * Why `link` is not the link a write for (propertyId, contactId) means, or null when
 * it is. A live link without a property id has had the request's id filled in, so only
 * a contrary id counts.
 */
export function wrongLinkProblem(
  link: Pick<PropertyContact, 'property_id' | 'contact_id' | 'contact'>,
  propertyId: number,
  contactId: number,
): string | null {
  if (link.contact_id !== contactId || link.contact.id !== contactId) {
    return `The server answered with the link of another contact (${String(link.contact.id)}) instead of contact ${String(contactId)}.`
  }
  if (link.property_id !== propertyId) {
    return `The server answered with a link of property ${String(link.property_id)} instead of property ${String(propertyId)}.`
  }
  return null
}
