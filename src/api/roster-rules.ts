// How the links of one property relate, once: a contact is linked once, and a role
// has at most one primary. The transaction planner and the setup form find the
// collisions with these and say them with the same words; each decides on which of
// its rows a message goes. (The mock backend enforces the same rules on its own data;
// the roster's optimistic updates mirror the primary rule.) Framework-free.
import { listed, roleKey } from './roles.ts'

/** A contact that appears again: the item that had it first, and the one repeating it. */
export interface RepeatedContact<T> {
  first: T
  again: T
}

/**
 * Every item whose contact an earlier item already has, paired with that first item.
 * Items without a contact (null, undefined) are skipped.
 */
export function repeatedContacts<T>(
  items: readonly T[],
  contactOf: (item: T) => number | null | undefined,
): RepeatedContact<T>[] {
  const firstOf = new Map<number, T>()
  const repeats: RepeatedContact<T>[] = []
  for (const item of items) {
    const contact = contactOf(item)
    if (contact === null || contact === undefined) continue
    const first = firstOf.get(contact)
    if (first === undefined) firstOf.set(contact, item)
    else repeats.push({ first, again: item })
  }
  return repeats
}

/** `who` is at `first` and again at `again`: the message for one repeat. */
export function repeatedContactMessage(who: string, first: string, again: string): string {
  return `${who} is listed twice, at ${first} and ${again}: a contact has one role on a property.`
}

/**
 * The primary items of each role that has more than one, in item order (roles
 * compared by roleKey). Items without a role have no primary rule and are skipped.
 */
export function primaryCollisions<T>(
  items: readonly T[],
  roleOf: (item: T) => string | null | undefined,
  isPrimary: (item: T) => boolean,
): T[][] {
  const byRole = new Map<string, T[]>()
  for (const item of items) {
    const key = roleKey(roleOf(item))
    if (!isPrimary(item) || key === '') continue
    byRole.set(key, [...(byRole.get(key) ?? []), item])
  }
  return [...byRole.values()].filter((group) => group.length > 1)
}

/**
 * `role` is primary at every one of `places`: the message for one collision. `note`
 * adds what the caller's defaults explain (the planner's agents are primary unless said).
 */
export function primaryCollisionMessage(
  role: string,
  places: readonly string[],
  note?: string,
): string {
  const message = `Only one primary per role: ${role} is primary at ${listed(places)}.`
  return note === undefined ? message : `${message} ${note}`
}
