// Planning is pure: the roster as read plus the input give the writes to make, so a
// UI can preview them (dry run) and a second run over a finished setup plans nothing.
import { roleKey, sameRole } from '../roles'
import type { PropertyContact } from '../schemas'
import { parseTransactionSetup, type DesiredLink, type TransactionSetupInput } from './input'

export type PlanAction = 'create' | 'update' | 'skip'

export interface TransactionPlanItem extends DesiredLink {
  action: PlanAction
  /**
   * The link as read, when the contact is already on the property: the version the
   * item's write is conditional on, so a change made since the review is never
   * overwritten (see write-item.ts).
   */
  current?: PropertyContact
  /**
   * Set on a skip whose link is primary now but should not be: the server demotes it
   * in the same request that makes this contact primary in its role, so it needs no
   * write of its own (and a write of its own could briefly leave the role with no
   * primary, or fight the promotion if the two were reordered).
   */
  demotedBy?: number
  /**
   * Set on an update that moves a current primary to another role while the plan
   * promotes someone else in its old role: that promotion demotes this link (the
   * server does, in the same request), possibly before this item's own write lands.
   * So a version check that finds only that demotion is this setup's own doing, not
   * a colleague's change, once the promoted contact is seen primary in that role.
   */
  losesPrimaryTo?: number
}

export interface TransactionPlan {
  items: TransactionPlanItem[]
  counts: Record<PlanAction, number>
  /** The roster as read when planning: what the plan was made from, and is shown against. */
  roster: readonly PropertyContact[]
}

/** True when the link already has the role (the same roleKey) and flag asked for. */
export function isLinkedAsWanted(
  link: Pick<PropertyContact, 'role' | 'primary'>,
  wanted: Pick<DesiredLink, 'role' | 'primary'>,
): boolean {
  return roleKey(link.role) === roleKey(wanted.role) && link.primary === wanted.primary
}

/**
 * What to write so the property has the input's links. Contacts on the roster but
 * not in the input are left alone: setup never unlinks. Throws ValidationError
 * (keyed by row) when the input is invalid.
 */
export function planTransactionSetup(
  roster: readonly PropertyContact[],
  input: TransactionSetupInput,
): TransactionPlan {
  return planLinks(roster, parseTransactionSetup(input))
}

/** The planner behind planTransactionSetup, over links already validated. */
export function planLinks(
  roster: readonly PropertyContact[],
  wanted: readonly DesiredLink[],
): TransactionPlan {
  const byContact = new Map(roster.map((link) => [link.contact_id, link]))
  const items: TransactionPlanItem[] = wanted.map((link) => {
    const current = byContact.get(link.contactId)
    if (!current) return { ...link, action: 'create' }
    return { ...link, action: isLinkedAsWanted(current, link) ? 'skip' : 'update', current }
  })
  // Promotions that will be written, by role: each demotes that role's primary.
  const promoter = new Map<string, number>()
  for (const item of items) {
    if (item.primary && item.action !== 'skip') promoter.set(roleKey(item.role), item.contactId)
  }
  for (const item of items) {
    const { current } = item
    if (item.action !== 'update' || current?.primary !== true) continue
    const by = promoter.get(roleKey(current.role))
    if (by === undefined || by === item.contactId) continue
    if (roleKey(current.role) === roleKey(item.role)) {
      // Same role, so not primary in it any more (else it would be the promoter).
      item.action = 'skip'
      item.demotedBy = by
    } else {
      item.losesPrimaryTo = by
    }
  }
  const counts = { create: 0, update: 0, skip: 0 }
  for (const item of items) counts[item.action] += 1
  return { items, counts, roster }
}

/** A current primary that a planned promotion replaces. */
export interface ReplacedPrimary {
  /** The link that stops being primary (its contact is not in the plan). */
  previous: PropertyContact
  /** The planned write that makes another contact primary in that role. */
  by: TransactionPlanItem
}

/**
 * Current primaries outside the plan that a new primary replaces: the server demotes
 * them in the same request, so a UI should say so before anything is sent. Read from
 * the roster the plan was made from, the one its actions were decided against.
 */
export function replacedPrimaries(plan: TransactionPlan): ReplacedPrimary[] {
  const inPlan = new Set(plan.items.map((item) => item.contactId))
  const replaced: ReplacedPrimary[] = []
  for (const item of plan.items) {
    if (!item.primary || item.action === 'skip') continue
    const previous = plan.roster.find(
      (link) => link.primary && sameRole(link.role, item.role) && !inPlan.has(link.contact_id),
    )
    if (previous) replaced.push({ previous, by: item })
  }
  return replaced
}
