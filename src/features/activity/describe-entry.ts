// An Activity entry in a coordinator's words: "Dana Lee made Nancy Thompson primary
// Buyer (was: Seller)". What changed comes from the states the server recorded, read
// with the API's own schemas; a state it could not record is never guessed.
import {
  ContactSchema,
  PropertyContactSchema,
  roleText,
  type Contact,
  type PropertyContact,
} from '../../api'
import { describeLinkChanges } from '../property-contacts/write-conflicts'
import type { ActivityEntry } from './api/activity-schema'

export function linkState(value: unknown): PropertyContact | null {
  const parsed = PropertyContactSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}

export function contactState(value: unknown): Contact | null {
  const parsed = ContactSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}

/** "primary Buyer", "Seller", "with no role". */
export function standing(link: Pick<PropertyContact, 'role' | 'primary'>): string {
  const role = link.role !== null && link.role.trim() !== '' ? roleText(link.role) : null
  if (role === null) return link.primary ? 'the primary contact with no role' : 'with no role'
  return link.primary ? `primary ${role}` : role
}

function asRole(link: Pick<PropertyContact, 'role' | 'primary'>): string {
  const words = standing(link)
  return words.startsWith('with ') ? words : `as ${words}`
}

const CONTACT_FIELDS = [
  ['first_name', 'first name'],
  ['last_name', 'last name'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['company', 'company'],
] as const

export function contactChanges(before: Contact, after: Contact): string | null {
  const changed = CONTACT_FIELDS.filter(([field]) => before[field] !== after[field])
  return changed.length === 0 ? null : changed.map(([, label]) => label).join(', ')
}

/** What the change did (or tried to), after the person's name. */
function what(entry: ActivityEntry): string {
  const name =
    entry.contactName ?? (entry.contactId === null ? 'a contact' : `contact ${entry.contactId}`)
  const before = linkState(entry.before)
  const after = linkState(entry.after)
  const tried = entry.outcome !== 'accepted'
  switch (entry.action) {
    case 'link': {
      const how = after ? ` ${asRole(after)}` : requestedRole(entry.request)
      return tried ? `tried to link ${name}${how}` : `linked ${name}${how}`
    }
    case 'unlink': {
      const was = before ? ` (${standing(before)})` : ''
      return tried
        ? `tried to remove ${name}${was} from this deal`
        : `removed ${name}${was} from this deal`
    }
    case 'edit': {
      if (tried) return `tried to change ${name}’s entry${requestedChange(entry.request)}`
      if (before && after) {
        const roleMoved = before.primary !== after.primary || before.role !== after.role
        const others = describeLinkChanges(
          { ...before, role: after.role, primary: after.primary },
          after,
        )
        if (roleMoved) {
          return `made ${name} ${standing(after)} (was: ${standing(before)})${others ? `; ${others}` : ''}`
        }
        return others ? `changed ${name}’s entry: ${others}` : `saved ${name}’s entry unchanged`
      }
      return after ? `changed ${name}’s entry (now ${standing(after)})` : `changed ${name}’s entry`
    }
    case 'contact_create':
      return tried ? `tried to create the contact ${name}` : `created the contact ${name}`
    case 'contact_edit': {
      if (tried) return `tried to edit the contact ${name}`
      const was = contactState(entry.before)
      const now = contactState(entry.after)
      const fields = was && now ? contactChanges(was, now) : null
      return fields ? `edited the contact ${name}: ${fields}` : `edited the contact ${name}`
    }
  }
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

function requestedRole(request: unknown): string {
  const body = asObject(request)
  const role = typeof body.role === 'string' ? body.role : null
  return role === null ? '' : ` ${asRole({ role, primary: body.primary === true })}`
}

function requestedChange(request: unknown): string {
  const body = asObject(request)
  if (typeof body.role === 'string')
    return ` to ${standing({ role: body.role, primary: body.primary === true })}`
  if (body.primary === true) return ' to primary'
  return ''
}

const REASONS: Record<NonNullable<ActivityEntry['reason']>, string> = {
  undo: ' with Undo',
  setup: ' in the transaction setup',
  revert: ', reverting an earlier change',
}

/** The whole sentence, without the time: "Dana Lee made … (was: …) — refused (409)". */
export function describeEntry(entry: ActivityEntry): string {
  const reason = entry.reason === null ? '' : REASONS[entry.reason]
  const outcome =
    entry.outcome === 'refused'
      ? ` — refused${entry.status === null ? '' : ` (${entry.status})`}`
      : entry.outcome === 'unknown'
        ? ' — no answer came, so it may or may not have happened'
        : ''
  return `${entry.actor.name} ${what(entry)}${reason}${outcome}`
}

const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString()

/** "10:42" today; "Nov 28, 10:42" before. */
export function entryTime(at: string, now: Date = new Date()): string {
  const date = new Date(at)
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
  if (sameDay(date, now)) return time
  return `${date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })}, ${time}`
}
