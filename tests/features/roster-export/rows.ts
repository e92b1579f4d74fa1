import type { ContactRow } from '../../../src/features/roster-export/contact-row'

export function row(overrides: Partial<ContactRow> = {}): ContactRow {
  return {
    role: 'Buyer',
    primary: true,
    name: 'Ann Lee',
    firstName: 'Ann',
    lastName: 'Lee',
    company: '',
    email: 'ann@example.com',
    phone: '',
    startDate: '',
    notes: '',
    ...overrides,
  }
}
