import { useEffect, useId, useRef, useState, type RefObject } from 'react'
import { roleKey } from '../../../api'
import { useDebouncedValue } from '../../../lib/use-debounced-value'
import { hasFilters, NO_FILTERS, type RosterFilters as Filters } from '../filters'
import type { RoleGroup } from '../role-groups'

interface RosterFiltersProps {
  filters: Filters
  groups: RoleGroup[]
  /** How many links the roster has, and how many the filters let through. */
  total: number
  matching: number
  onChange: (filters: Filters) => void
  /** The name filter, for the `/` shortcut. */
  searchRef?: RefObject<HTMLInputElement | null>
}

/** The roster's filters, and a line saying what they show, with a way to clear them. */
export function RosterFilters({
  filters,
  groups,
  total,
  matching,
  onChange,
  searchRef,
}: RosterFiltersProps) {
  const roleId = useId()
  const searchId = useId()
  const primaryId = useId()
  const groupId = useId()
  const roleRef = useRef<HTMLSelectElement>(null)
  const toggleRef = useRef<HTMLButtonElement>(null)
  // On a phone the filters sit behind the Filter button (styles.css); on a wider
  // screen the button is not shown and the filters always are.
  const [open, setOpen] = useState(false)
  const [searchInput, setSearchInput] = useState(filters.search)
  const typed = searchInput.trim()
  const debouncedSearch = useDebouncedValue(typed, 150)

  useEffect(() => {
    // Only text that is still in the box: not what it held before it was cleared.
    if (debouncedSearch === typed && debouncedSearch !== filters.search) {
      onChange({ ...filters, search: debouncedSearch })
    }
  }, [debouncedSearch, typed, filters, onChange])

  // A role in the URL that is not on the roster (any more) still shows as chosen.
  const roleKnown = filters.role === '' || groups.some((group) => matches(group, filters.role))

  const filtered = hasFilters(filters)
  const active = [filters.role, filters.primaryOnly, filters.search].filter(Boolean).length
  const clear = () => {
    setSearchInput('')
    onChange(NO_FILTERS)
    // This button goes away with the filters: focus the first filter, or, with the
    // filters collapsed on a phone, the button that shows them.
    roleRef.current?.focus()
    if (document.activeElement !== roleRef.current) toggleRef.current?.focus()
  }

  return (
    <div className="roster-filter-bar">
      <button
        ref={toggleRef}
        type="button"
        className="button roster-filters-toggle"
        aria-expanded={open}
        aria-controls={groupId}
        onClick={() => {
          setOpen((shown) => !shown)
        }}
      >
        Filter{active > 0 ? ` (${active} active)` : ''}
      </button>
      <div
        id={groupId}
        className="roster-filters"
        role="group"
        aria-label="Filter the roster"
        data-collapsed={open ? undefined : ''}
      >
        <div className="field">
          <label htmlFor={roleId} className="field-label">
            Show role
          </label>
          <select
            ref={roleRef}
            id={roleId}
            className="input"
            value={roleKnown ? valueFor(groups, filters.role) : filters.role}
            onChange={(event) => {
              onChange({ ...filters, role: event.target.value })
            }}
          >
            <option value="">All roles</option>
            {groups.map((group) => (
              <option key={group.key} value={group.role ?? '(none)'}>
                {group.label} ({group.links.length})
              </option>
            ))}
            {!roleKnown && <option value={filters.role}>{filters.role} (0)</option>}
          </select>
        </div>
        <div className="field">
          <label htmlFor={searchId} className="field-label">
            Find by name
          </label>
          <input
            ref={searchRef}
            id={searchId}
            type="search"
            className="input"
            placeholder="Name, email, company"
            autoComplete="off"
            value={searchInput}
            onChange={(event) => {
              setSearchInput(event.target.value)
            }}
          />
        </div>
        <div className="field field-checkbox">
          <input
            id={primaryId}
            type="checkbox"
            checked={filters.primaryOnly}
            onChange={(event) => {
              onChange({ ...filters, primaryOnly: event.target.checked })
            }}
          />
          <label htmlFor={primaryId}>Primary only</label>
        </div>
      </div>
      <p className="roster-summary" aria-live="polite">
        {filtered
          ? `Showing ${matching} of ${total} contacts.`
          : `${total} contacts in ${groups.length} roles.`}
        {filtered && (
          <button type="button" className="button-link" onClick={clear}>
            Clear filters
          </button>
        )}
      </p>
    </div>
  )
}

function matches(group: RoleGroup, role: string): boolean {
  return role === '(none)' ? group.key === '' : group.key === roleKey(role)
}

function valueFor(groups: RoleGroup[], role: string): string {
  if (role === '') return ''
  const group = groups.find((candidate) => matches(candidate, role))
  return group ? (group.role ?? '(none)') : ''
}
