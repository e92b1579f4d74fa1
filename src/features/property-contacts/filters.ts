import * as z from 'zod/mini'
import { ROLE_MAX, roleKey, type PropertyContact } from '../../api'
import { fullName } from '../../lib/format'

export interface RosterFilters {
  /** A role to show, compared by roleKey; '' for all roles. */
  role: string
  primaryOnly: boolean
  /** Free text matched against name, email, phone and company. */
  search: string
}

export const NO_FILTERS: RosterFilters = { role: '', primaryOnly: false, search: '' }

// URL parameters are external input: validated, anything odd means "no filter". Cut
// to as many characters as a role may have (code points, so no emoji is cut in half);
// search text needs no more.
const TextParamSchema = z.lazy(() =>
  z.catch(
    z.pipe(
      z.string(),
      z.transform((value) => Array.from(value.trim()).slice(0, ROLE_MAX).join('')),
    ),
    '',
  ),
)

export function readRosterFilters(params: URLSearchParams): RosterFilters {
  const primary = params.get('primary')
  return {
    role: TextParamSchema.parse(params.get('role') ?? ''),
    primaryOnly: primary === '1' || primary === 'true',
    search: TextParamSchema.parse(params.get('q') ?? ''),
  }
}

/** Writes filters into a copy of `params`, dropping the ones at their default. */
export function writeRosterFilters(params: URLSearchParams, filters: RosterFilters) {
  const next = new URLSearchParams(params)
  for (const [name, value] of [
    ['role', filters.role],
    ['primary', filters.primaryOnly ? '1' : ''],
    ['q', filters.search],
  ] as const) {
    if (value) next.set(name, value)
    else next.delete(name)
  }
  return next
}

// Collapsed role groups, by roleKey, as repeated `fold` parameters: external input
// too, so each is checked and the list is bounded.
const FoldedSchema = z.lazy(() =>
  z.catch(
    z.pipe(
      z.array(z.string()),
      z.transform((values) => {
        const keys = new Set<string>()
        for (const value of values.slice(0, 100)) {
          const key = value === '(none)' ? '' : roleKey(value)
          if (value === '(none)' || (key !== '' && Array.from(key).length <= ROLE_MAX))
            keys.add(key)
        }
        return keys
      }),
    ),
    new Set<string>(),
  ),
)

/** The role groups (by roleKey; '' for "Role not recorded") collapsed in the URL. */
export function readFoldedRoles(params: URLSearchParams): ReadonlySet<string> {
  return FoldedSchema.parse(params.getAll('fold'))
}

/** Writes the collapsed groups into a copy of `params`, in a stable order. */
export function writeFoldedRoles(params: URLSearchParams, folded: ReadonlySet<string>) {
  const next = new URLSearchParams(params)
  next.delete('fold')
  for (const key of [...folded].sort()) next.append('fold', key === '' ? '(none)' : key)
  return next
}

export function hasFilters(filters: RosterFilters): boolean {
  return filters.role !== '' || filters.primaryOnly || filters.search !== ''
}

function digits(value: string): string {
  return value.replace(/\D/g, '')
}

export function filterRoster(
  links: readonly PropertyContact[],
  filters: RosterFilters,
): readonly PropertyContact[] {
  const role = roleKey(filters.role)
  const text = filters.search.trim().toLowerCase()
  const textDigits = digits(text)
  // No filter: the same array, so what is grouped from it is not grouped again.
  if (!role && !filters.primaryOnly && !text) return links
  return links.filter((link) => {
    if (role && roleKey(link.role) !== (role === '(none)' ? '' : role)) return false
    if (filters.primaryOnly && !link.primary) return false
    if (!text) return true
    const { contact } = link
    const haystack = [fullName(contact), contact.email, contact.company, link.notes]
      .filter(Boolean)
      .join(' ')
      .toLowerCase()
    if (haystack.includes(text)) return true
    return textDigits.length >= 3 && digits(contact.phone ?? '').includes(textDigits)
  })
}
