import {
  roleKey,
  roleText,
  sameRole,
  type PropertyContact,
  type PropertyContactUpdate,
} from '../../api'

/**
 * The server's rule, applied locally for optimistic updates: a link saved as
 * primary demotes the previous primary of its role on the same property.
 */
export function applyLinkUpdate(
  links: readonly PropertyContact[],
  contactId: number,
  patch: PropertyContactUpdate,
): PropertyContact[] {
  const target = links.find((link) => link.contact_id === contactId)
  if (!target) return [...links]
  const updated: PropertyContact = {
    ...target,
    ...(patch.role !== undefined && { role: patch.role === null ? null : roleText(patch.role) }),
    ...(patch.primary !== undefined && { primary: patch.primary }),
    ...(patch.start_date !== undefined && { start_date: patch.start_date }),
    ...(patch.notes !== undefined && { notes: patch.notes }),
  }
  const demotes = updated.primary && roleKey(updated.role) !== ''
  return links.map((link) => {
    if (link.contact_id === contactId) return updated
    if (demotes && link.primary && sameRole(link.role, updated.role)) {
      return { ...link, primary: false }
    }
    return link
  })
}

export function removeLink(
  links: readonly PropertyContact[],
  contactId: number,
): PropertyContact[] {
  return links.filter((link) => link.contact_id !== contactId)
}
