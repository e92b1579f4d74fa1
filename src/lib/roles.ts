/** The roles coordinators pick from; anything else is entered as "Other". */
export const STANDARD_ROLES = [
  'Seller',
  'Buyer',
  'Listing Agent',
  'Buyer Agent',
  'Inspector',
  'Lender',
  'Escrow Officer',
  'Title Officer',
  'Appraiser',
  'Attorney',
  'Transaction Coordinator',
] as const

/** Roles compare trimmed and case-insensitively, as the server's primary rule does. */
export function roleKey(role: string | null | undefined): string {
  return (role ?? '').trim().toLowerCase()
}

export function sameRole(a: string | null | undefined, b: string | null | undefined): boolean {
  return roleKey(a) === roleKey(b)
}

export function canonicalRole(role: string): string {
  const key = roleKey(role)
  return STANDARD_ROLES.find((standard) => standard.toLowerCase() === key) ?? role.trim()
}

export function fullName(contact: { first_name: string; last_name: string }): string {
  return `${contact.first_name} ${contact.last_name}`.trim() || 'Unnamed contact'
}
