import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState } from 'react'
import { Link, useSearchParams } from 'wouter'
import type { Property } from '../../../api'
import { LoadError } from '../../../components/ui/load-error'
import { RateLimitNotice } from '../../../components/ui/rate-limit-notice'
import { formatCalendarDate, formatCurrency, joinAddress } from '../../../lib/format'
import { useDebouncedValue } from '../../../lib/use-debounced-value'
import {
  PROPERTIES_PAGE_SIZE,
  PROPERTY_READ_MAX,
  propertyListQueries,
} from '../api/property-list-queries'
import { listPage, type StatusOption } from '../list-view'
import {
  readPropertyListView,
  writePropertyListView,
  type PropertyListView,
  type PropertySort,
} from '../search-params'
import { paths } from '../../../config/paths'
import { checklistState } from '../../checklist/checklist-rules'
import { useRosterChecklists, type RowChecklist } from '../../checklist/use-roster-checklists'

const SKELETON_ROWS = 8

const SORT_LABELS: Record<PropertySort, string> = {
  '': 'Default order',
  closing: 'Closing date (earliest first)',
  title: 'Title (A–Z)',
}

export function PropertiesPage() {
  const [searchParams, setSearchParams] = useSearchParams()
  const view = readPropertyListView(searchParams)
  const [searchInput, setSearchInput] = useState(view.search)
  const debouncedSearch = useDebouncedValue(searchInput.trim(), 250)
  const searchId = useId()
  const previousRef = useRef<HTMLButtonElement>(null)
  const nextRef = useRef<HTMLButtonElement>(null)

  const { status, sort, incomplete } = view
  const replaceView = (next: PropertyListView) => {
    setSearchParams(writePropertyListView(next), { replace: true })
  }

  // Typing updates the URL (replacing, not stacking history) once the user pauses.
  useEffect(() => {
    if (debouncedSearch !== view.search) {
      setSearchParams(
        writePropertyListView({ search: debouncedSearch, status, sort, page: 1, incomplete }),
        { replace: true },
      )
    }
  }, [debouncedSearch, view.search, status, sort, incomplete, setSearchParams])

  const query = useQuery(propertyListQueries.matching(view.search))
  const listed = query.data && listPage(query.data.properties, view)
  const complete = query.data?.complete ?? true
  // The checklist of each deal on this page (its roster read in the background), and
  // the page narrowed to the incomplete ones once their rosters say so.
  const checklists = useRosterChecklists(listed?.rows)
  const rows = incomplete
    ? listed?.rows.filter((property) => !isComplete(checklists.get(property.id)))
    : listed?.rows

  // The pager button pressed disables itself on the first or last page: focus moves
  // to the other one, once it is enabled, rather than falling to the page.
  const focusAfterPaging = useRef<HTMLButtonElement | null>(null)
  const shownPage = listed?.page
  useEffect(() => {
    const target = focusAfterPaging.current
    focusAfterPaging.current = null
    const active = document.activeElement
    if (
      target &&
      (active === null ||
        active === document.body ||
        (active instanceof HTMLButtonElement && active.disabled))
    ) {
      target.focus()
    }
  }, [shownPage])

  const goToPage = (page: number) => {
    setSearchParams(writePropertyListView({ ...view, page }))
    if (!listed) return
    if (page >= listed.pageCount) focusAfterPaging.current = previousRef.current
    else if (page <= 1) focusAfterPaging.current = nextRef.current
  }

  return (
    <section aria-labelledby="properties-heading" className="page">
      <header className="page-header">
        <h1 id="properties-heading">Properties</h1>
        <p className="page-subtitle">Open a property to see and change who is on the deal.</p>
      </header>

      <div className="toolbar properties-toolbar">
        <div role="search" className="field">
          <label htmlFor={searchId} className="field-label">
            Search properties
          </label>
          <input
            id={searchId}
            type="search"
            className="input input-search"
            placeholder="Title, address, zip or status"
            value={searchInput}
            onChange={(event) => {
              setSearchInput(event.target.value)
            }}
            autoComplete="off"
          />
        </div>
        <StatusFilter
          value={status}
          options={listed?.statuses ?? []}
          onChange={(next) => {
            replaceView({ ...view, status: next, page: 1 })
          }}
        />
        <SortChoice
          value={sort}
          onChange={(next) => {
            replaceView({ ...view, sort: next, page: 1 })
          }}
        />
        <label className="field field-checkbox properties-incomplete">
          <input
            type="checkbox"
            checked={incomplete}
            onChange={(event) => {
              replaceView({ ...view, incomplete: event.target.checked })
            }}
          />
          Incomplete only
        </label>
      </div>

      <RateLimitNotice failureReason={query.failureReason} isFetching={query.isFetching} />
      {listed && listed.total > 0 && (
        <p className="list-summary" aria-live="polite">
          {describeTotal(listed.total, complete, view)}
        </p>
      )}
      {query.isError ? (
        <LoadError what="properties" error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <PropertiesTable
          properties={rows}
          checklists={checklists}
          view={view}
          busy={query.isFetching}
        />
      )}

      {listed && listed.pageCount > 1 && (
        <nav aria-label="Pages of properties" className="pager">
          <button
            ref={previousRef}
            type="button"
            className="button"
            disabled={listed.page <= 1}
            onClick={() => {
              goToPage(listed.page - 1)
            }}
          >
            Previous page
          </button>
          <span aria-live="polite">
            Page {listed.page} of {listed.pageCount}
            {complete ? '' : ' or more'}
          </span>
          <button
            ref={nextRef}
            type="button"
            className="button"
            disabled={listed.page >= listed.pageCount}
            onClick={() => {
              goToPage(listed.page + 1)
            }}
          >
            Next page
          </button>
        </nav>
      )}
    </section>
  )
}

function describeTotal(total: number, complete: boolean, view: PropertyListView): string {
  const count = `${total.toLocaleString('en-US')} ${total === 1 ? 'property' : 'properties'}`
  const which = [
    view.search && `matching “${view.search}”`,
    view.status && `with status ${view.status}`,
  ]
    .filter(Boolean)
    .join(' ')
  if (!complete) {
    return `The first ${PROPERTY_READ_MAX.toLocaleString('en-US')} properties${which ? ` ${which}` : ''} are counted and sorted here; search to narrow them down.`
  }
  return which ? `${count} ${which}.` : `${count}.`
}

function StatusFilter({
  value,
  options,
  onChange,
}: {
  value: string
  options: StatusOption[]
  onChange: (status: string) => void
}) {
  const id = useId()
  const key = value.toLowerCase()
  const known = options.find((option) => option.status.toLowerCase() === key)
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        Status
      </label>
      <select
        id={id}
        className="input"
        value={known ? known.status : value}
        onChange={(event) => {
          onChange(event.target.value)
        }}
      >
        <option value="">All statuses</option>
        {options.map((option) => (
          <option key={option.status} value={option.status}>
            {option.status} ({option.count})
          </option>
        ))}
        {/* A status in the URL that none of these properties has still shows as chosen. */}
        {value && !known && <option value={value}>{value} (0)</option>}
      </select>
    </div>
  )
}

function SortChoice({
  value,
  onChange,
}: {
  value: PropertySort
  onChange: (sort: PropertySort) => void
}) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        Sort by
      </label>
      <select
        id={id}
        className="input"
        value={value}
        onChange={(event) => {
          const chosen = (Object.keys(SORT_LABELS) as PropertySort[]).find(
            (sort) => sort === event.target.value,
          )
          onChange(chosen ?? '')
        }}
      >
        {(Object.keys(SORT_LABELS) as PropertySort[]).map((sort) => (
          <option key={sort} value={sort}>
            {SORT_LABELS[sort]}
          </option>
        ))}
      </select>
    </div>
  )
}

/** Complete, as far as is known: a deal still being checked is not hidden yet. */
function isComplete(checklist: RowChecklist | undefined): boolean {
  return checklist?.state === 'checked' && checklist.result.complete
}

function checklistText(checklist: RowChecklist | undefined): string {
  if (checklist?.state === 'checked') return checklistState(checklist.result)
  return checklist?.state === 'unavailable' ? 'Not checked' : 'Checking…'
}

interface PropertiesTableProps {
  properties: Property[] | undefined
  checklists: ReadonlyMap<number, RowChecklist>
  view: PropertyListView
  busy: boolean
}

function PropertiesTable({ properties, checklists, view, busy }: PropertiesTableProps) {
  if (properties?.length === 0) {
    const filtered = view.search || view.status
    return (
      <div className="empty-state">
        <p>
          {view.incomplete
            ? 'Every deal on this page has a complete roster.'
            : view.search
              ? `No properties match “${view.search}”${view.status ? ` with status ${view.status}` : ''}.`
              : filtered
                ? `No properties have status ${view.status}.`
                : 'There are no properties yet.'}
        </p>
      </div>
    )
  }
  return (
    <div className="table-wrap">
      {/* On a phone each row is a card, each cell labelled by its column (styles.css). */}
      <table className="table properties-table" aria-busy={busy}>
        <caption className="visually-hidden">
          Properties{view.search ? ` matching “${view.search}”` : ''}, {PROPERTIES_PAGE_SIZE} per
          page
        </caption>
        <thead>
          <tr>
            <th scope="col">Property</th>
            <th scope="col">Address</th>
            <th scope="col">Status</th>
            <th scope="col">Client</th>
            <th scope="col" className="numeric">
              Price
            </th>
            <th scope="col">Closing</th>
            <th scope="col">Checklist</th>
          </tr>
        </thead>
        <tbody>
          {properties
            ? properties.map((property) => (
                <tr key={property.id}>
                  <td className="cell-title">
                    <Link href={paths.property.href(property.id)} className="row-link">
                      {property.title}
                    </Link>
                  </td>
                  <td data-label="Address">
                    {joinAddress([property.address, property.city, property.state]) || '—'}
                  </td>
                  <td data-label="Status">
                    <span className="tag">{property.status}</span>
                  </td>
                  <td data-label="Client">{property.client_type}</td>
                  <td data-label="Price" className="numeric">
                    {formatCurrency(property.purchase_amount)}
                  </td>
                  <td data-label="Closing">{formatCalendarDate(property.closing_date)}</td>
                  <td data-label="Checklist">{checklistText(checklists.get(property.id))}</td>
                </tr>
              ))
            : Array.from({ length: SKELETON_ROWS }, (_, index) => (
                <tr key={index} aria-hidden="true" className="skeleton-row">
                  {Array.from({ length: 7 }, (_, cell) => (
                    <td key={cell}>
                      <span className="skeleton" />
                    </td>
                  ))}
                </tr>
              ))}
        </tbody>
      </table>
      {!properties && (
        <p role="status" className="visually-hidden">
          Loading properties…
        </p>
      )}
    </div>
  )
}
