import {
  linkChanges,
  linkVersion,
  roleText,
  type LinkChange,
  type PropertyContact,
} from '../../api'
import { fullName } from '../../lib/format'

// Words for a change someone else made to a link meanwhile, as the conflict panel and
// the roster's "Updated" notice say it: "role Buyer → Seller; now primary".

function shownRole(role: string | boolean | null): string {
  return typeof role === 'string' && role.trim() !== '' ? roleText(role) : 'no role'
}

function shownValue(value: string | boolean | null): string {
  return typeof value === 'string' && value.trim() !== '' ? `“${value}”` : 'empty'
}

function describeChange(change: LinkChange): string {
  switch (change.field) {
    case 'role':
      return `role ${shownRole(change.from)} → ${shownRole(change.to)}`
    case 'primary':
      return change.to === true ? 'now the primary contact' : 'no longer the primary contact'
    case 'start_date':
      return `start date ${shownValue(change.from)} → ${shownValue(change.to)}`
    case 'notes':
      return change.to === null || change.to === '' ? 'notes removed' : 'notes changed'
  }
}

/** "role Buyer → Seller; now the primary contact", or null when no edited value differs. */
export function describeLinkChanges(
  before: PropertyContact,
  after: PropertyContact,
): string | null {
  const changes = linkChanges(before, after)
  return changes.length === 0 ? null : changes.map(describeChange).join('; ')
}

/** Whether `after` is another version of the link than `before` (any change, seen or not). */
export function isNewerVersion(before: PropertyContact, after: PropertyContact): boolean {
  return linkVersion(before) !== linkVersion(after)
}

/**
 * What a dialog open on `base` should say about the link as the roster now has it: the
 * newer version someone saved meanwhile, 'gone' when it left the roster, or null. Not
 * while the dialog's own write is on its way (`busy`): the roster shows that one already.
 */
export function changedMeanwhile(
  base: PropertyContact,
  roster: readonly PropertyContact[],
  busy: boolean,
): PropertyContact | 'gone' | null {
  if (busy) return null
  const live = roster.find((entry) => entry.contact_id === base.contact_id)
  if (!live) return roster.length > 0 ? 'gone' : null
  return isNewerVersion(base, live) ? live : null
}

/** The conflict panel's sentence: who, and what changed. */
export function conflictSentence(before: PropertyContact, current: PropertyContact): string {
  const what = describeLinkChanges(before, current)
  const name = fullName(current.contact)
  return what
    ? `Someone else changed ${name}'s entry while you were editing: ${what}.`
    : `Someone else saved ${name}'s entry while you were editing (the values you see are unchanged).`
}

const MAX_UPDATES_NAMED = 3

function roleOf(link: PropertyContact): string {
  return link.role && link.role.trim() !== '' ? roleText(link.role) : 'with no role'
}

/** One sentence part per contact whose entry differs between two rosters. */
function entryUpdate(before: PropertyContact | undefined, after: PropertyContact | undefined) {
  if (!before && after) {
    const role = after.role && after.role.trim() !== '' ? ` as ${roleText(after.role)}` : ''
    return `${fullName(after.contact)} was added${role}${after.primary ? ' (primary)' : ''}`
  }
  if (before && !after) return `${fullName(before.contact)} was removed`
  if (!before || !after) return null
  const name = fullName(after.contact)
  const changes = linkChanges(before, after)
  const fields = new Set(changes.map((change) => change.field))
  if (fields.has('role')) {
    return `${name} is now ${after.primary ? 'primary ' : ''}${roleOf(after)} (was ${roleOf(before)})`
  }
  if (fields.has('primary')) {
    return after.primary
      ? `${name} is now primary ${roleOf(after)}`
      : `${name} is no longer primary ${roleOf(after)}`
  }
  if (fields.has('start_date') && fields.has('notes'))
    return `${name}'s start date and notes changed`
  if (fields.has('start_date')) return `${name}'s start date changed`
  if (fields.has('notes')) return `${name}'s notes changed`
  return null
}

/**
 * What changed between two readings of a roster, in words: "Nancy Thompson is now
 * primary Buyer; Andrew Martinez was removed", the first few named and the rest
 * counted. Null when no one's entry differs in anything a coordinator sees.
 */
export function describeRosterUpdates(
  before: readonly PropertyContact[],
  after: readonly PropertyContact[],
): string | null {
  const old = new Map(before.map((link) => [link.contact_id, link]))
  const updates: string[] = []
  for (const link of after) {
    const update = entryUpdate(old.get(link.contact_id), link)
    if (update) updates.push(update)
    old.delete(link.contact_id)
  }
  for (const gone of old.values()) {
    const update = entryUpdate(gone, undefined)
    if (update) updates.push(update)
  }
  if (updates.length === 0) return null
  const named = updates.slice(0, MAX_UPDATES_NAMED).join('; ')
  const more = updates.length - MAX_UPDATES_NAMED
  return more > 0
    ? `${named}; and ${String(more)} more ${more === 1 ? 'change' : 'changes'}`
    : named
}
