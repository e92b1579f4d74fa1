import { canonicalRole, roleKey, sameRole, type PropertyContact } from '../../api'
import { compareText } from '../../lib/text-order'

// The order people think of a deal in: the parties, their agents, then the rest.
const LEADING_ROLES = ['seller', 'buyer', 'listing agent', 'buyer agent']
const PLURAL_LABELS: Record<string, string> = { seller: 'Sellers', buyer: 'Buyers' }

export interface RoleGroup {
  /** roleKey of the group; '' for links without a role. */
  key: string
  role: string | null
  label: string
  links: PropertyContact[]
}

// The same order on the server and in the browser, without an Intl.Collator (see
// src/lib/text-order.ts): a server-rendered roster comes out as the browser keeps it.
const collator = { compare: compareText }

function compareLinks(a: PropertyContact, b: PropertyContact): number {
  if (a.primary !== b.primary) return a.primary ? -1 : 1
  return (
    collator.compare(a.contact.last_name, b.contact.last_name) ||
    collator.compare(a.contact.first_name, b.contact.first_name) ||
    a.id - b.id
  )
}

function compareGroups(a: RoleGroup, b: RoleGroup): number {
  if (a.key === '' || b.key === '') return a.key === '' ? 1 : -1
  const rankA = LEADING_ROLES.indexOf(a.key)
  const rankB = LEADING_ROLES.indexOf(b.key)
  if (rankA !== -1 || rankB !== -1) {
    if (rankA === -1) return 1
    if (rankB === -1) return -1
    return rankA - rankB
  }
  return collator.compare(a.label, b.label)
}

/** How a role's group is headed: "Buyers", "Lender", "Role not recorded". */
export function roleGroupLabel(role: string | null | undefined): string {
  const key = roleKey(role)
  if (role === null || role === undefined || key === '') return 'Role not recorded'
  return PLURAL_LABELS[key] ?? canonicalRole(role)
}

/** Groups a roster by role, in deal order, primary first within each role. */
export function groupByRole(links: readonly PropertyContact[]): RoleGroup[] {
  const groups = new Map<string, RoleGroup>()
  for (const link of links) {
    const key = roleKey(link.role)
    let group = groups.get(key)
    if (!group) {
      const role = link.role === null || key === '' ? null : canonicalRole(link.role)
      group = { key, role, label: roleGroupLabel(link.role), links: [] }
      groups.set(key, group)
    }
    group.links.push(link)
  }
  const sorted = [...groups.values()].sort(compareGroups)
  for (const group of sorted) group.links.sort(compareLinks)
  return sorted
}

export interface ShownRoleGroup extends RoleGroup {
  /** How many links the group has; `links` may hold only the first of them. */
  total: number
}

/** A group's first entries: a longer group shows this many until "Show all". */
export const GROUP_PREVIEW = 25

/**
 * The groups as the user folded them: a collapsed group (by key) shows no entries, a
 * long one its first `preview` unless it is in `expanded`; `total` keeps the full count.
 */
export function foldGroups(
  groups: readonly RoleGroup[],
  collapsed: ReadonlySet<string>,
  expanded: ReadonlySet<string>,
  preview = GROUP_PREVIEW,
): ShownRoleGroup[] {
  return groups.map((group) => {
    const total = group.links.length
    if (collapsed.has(group.key)) return { ...group, links: [], total }
    if (total > preview && !expanded.has(group.key)) {
      return { ...group, links: group.links.slice(0, preview), total }
    }
    return { ...group, total }
  })
}

/** The keys of the roles (with a role recorded) that have no primary contact. */
export function rolesWithoutPrimary(groups: readonly RoleGroup[]): ReadonlySet<string> {
  return new Set(
    groups
      .filter((group) => group.key !== '' && !group.links.some((link) => link.primary))
      .map((group) => group.key),
  )
}

/** The groups as far as `limit` links reach: whole groups, then part of one. */
export function limitGroups(
  groups: readonly (RoleGroup & { total?: number })[],
  limit: number,
): ShownRoleGroup[] {
  const shown: ShownRoleGroup[] = []
  let left = limit
  for (const group of groups) {
    const total = group.total ?? group.links.length
    // A folded group with nothing to show still shows its heading.
    if (left <= 0 && group.links.length > 0) break
    const links = group.links.length <= left ? group.links : group.links.slice(0, left)
    shown.push({ ...group, links, total })
    left -= links.length
  }
  return shown
}

/** The current primary of a role on a roster, if any. */
export function primaryOf(
  links: readonly PropertyContact[],
  role: string | null | undefined,
  exceptContactId?: number,
): PropertyContact | undefined {
  if (roleKey(role) === '') return undefined
  return links.find(
    (link) => link.primary && sameRole(link.role, role) && link.contact_id !== exceptContactId,
  )
}
