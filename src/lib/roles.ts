// Role rules live in src/api/roles.ts (shared with the mock backend and the planner).

export function fullName(contact: { first_name: string; last_name: string }): string {
  return `${contact.first_name} ${contact.last_name}`.trim() || 'Unnamed contact'
}
