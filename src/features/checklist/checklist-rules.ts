// What a deal's roster is missing, against the checklist of its deal type: which
// expected places nobody fills, and, for the roles the checklist names, the ones whose
// people have no primary, a primary who cannot be reached, or two primaries (the live
// API does not stop that). Roles are matched as everywhere else (roleKey); roles the
// checklist does not name never count against it.
import {
  canonicalRole,
  primaryCollisions,
  roleKey,
  type ClientType,
  type PropertyContact,
} from '../../api'
import { groupByRole } from '../property-contacts/role-groups'
import type { ChecklistConfig, ChecklistSlot } from './checklist-config'

export interface SlotState {
  /** The roles that fill it, as the checklist spells them. */
  roles: ChecklistSlot
  /** "Lender", "Title Officer or Escrow Officer". */
  label: string
  filled: boolean
}

export type ChecklistIssue =
  | { kind: 'no-primary'; role: string; links: readonly PropertyContact[] }
  | { kind: 'unreachable'; role: string; primary: PropertyContact }
  | { kind: 'two-primaries'; role: string; primaries: readonly PropertyContact[] }

export interface ChecklistResult {
  slots: readonly SlotState[]
  filled: number
  missing: readonly SlotState[]
  issues: readonly ChecklistIssue[]
  /** Every place filled and nothing flagged. */
  complete: boolean
}

/** "Lender", "Title Officer or Escrow Officer". */
export function slotLabel(slot: ChecklistSlot): string {
  return slot.map(canonicalRole).join(' or ')
}

/** "a Lender", "an Inspector". */
export function withArticle(label: string): string {
  return `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`
}

/** The keys of every role the checklist of `clientType` names. */
export function checklistRoleKeys(
  config: ChecklistConfig,
  clientType: ClientType,
): ReadonlySet<string> {
  return new Set(config[clientType].flatMap((slot) => slot.map(roleKey)))
}

/** Whether someone can be reached: an email or a phone number that is not blank. */
export function isReachable(contact: PropertyContact['contact']): boolean {
  return (contact.email ?? '').trim() !== '' || (contact.phone ?? '').trim() !== ''
}

export function checkRoster(
  config: ChecklistConfig,
  clientType: ClientType,
  links: readonly PropertyContact[],
): ChecklistResult {
  const groups = groupByRole(links)
  const present = new Set(groups.map((group) => group.key))
  const slots = config[clientType].map((roles) => ({
    roles,
    label: slotLabel(roles),
    filled: roles.some((role) => present.has(roleKey(role))),
  }))
  const named = checklistRoleKeys(config, clientType)
  const issues: ChecklistIssue[] = []
  for (const group of groups) {
    if (!named.has(group.key) || group.role === null) continue
    const role = group.role
    const [primaries] = primaryCollisions(
      group.links,
      (link) => link.role,
      (link) => link.primary,
    )
    const primary = group.links.find((link) => link.primary)
    if (primaries) issues.push({ kind: 'two-primaries', role, primaries })
    else if (!primary) issues.push({ kind: 'no-primary', role, links: group.links })
    else if (!isReachable(primary.contact)) issues.push({ kind: 'unreachable', role, primary })
  }
  const missing = slots.filter((slot) => !slot.filled)
  return {
    slots,
    filled: slots.length - missing.length,
    missing,
    issues,
    complete: missing.length === 0 && issues.length === 0,
  }
}

/** The state in a word or two, for a list of deals: "Complete", "2 missing", "1 to fix". */
export function checklistState(result: ChecklistResult): string {
  if (result.missing.length > 0) return `${String(result.missing.length)} missing`
  if (result.issues.length > 0) return `${String(result.issues.length)} to fix`
  return 'Complete'
}
