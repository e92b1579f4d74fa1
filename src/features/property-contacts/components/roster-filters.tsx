import { useEffect, useId, useState } from 'react'
import { roleKey } from '../../../api'
import { useDebouncedValue } from '../../../lib/use-debounced-value'
import type { RosterFilters as Filters } from '../filters'
import type { RoleGroup } from '../roles'

interface RosterFiltersProps {
  filters: Filters
  groups: RoleGroup[]
  onChange: (filters: Filters) => void
}

export function RosterFilters({ filters, groups, onChange }: RosterFiltersProps) {
  const roleId = useId()
  const searchId = useId()
  const primaryId = useId()
  const [searchInput, setSearchInput] = useState(filters.search)
  const debouncedSearch = useDebouncedValue(searchInput.trim(), 150)

  useEffect(() => {
    if (debouncedSearch !== filters.search) onChange({ ...filters, search: debouncedSearch })
  }, [debouncedSearch, filters, onChange])

  // A role in the URL that is not on the roster (any more) still shows as chosen.
  const roleKnown = filters.role === '' || groups.some((group) => matches(group, filters.role))

  return (
    <div className="roster-filters" role="group" aria-label="Filter the roster">
      <div className="field">
        <label htmlFor={roleId} className="field-label">
          Show role
        </label>
        <select
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
