import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useState } from 'react'
import { Link, useSearchParams } from 'wouter'
import type { Property } from '../../../api'
import { LoadError } from '../../../components/ui/load-error'
import { RateLimitNotice } from '../../../components/ui/rate-limit-notice'
import { formatCalendarDate, formatCurrency, joinAddress } from '../../../lib/format'
import { useDebouncedValue } from '../../../lib/use-debounced-value'
import { PROPERTIES_PAGE_SIZE, propertyQueries } from '../api/property-queries'
import { readPropertyListView, writePropertyListView } from '../search-params'
import { paths } from '../../../config/paths'

const SKELETON_ROWS = 8

export function PropertiesPage() {
  const [searchParams, setSearchParams] = useSearchParams()
  const view = readPropertyListView(searchParams)
  const [searchInput, setSearchInput] = useState(view.search)
  const debouncedSearch = useDebouncedValue(searchInput.trim(), 250)
  const searchId = useId()

  // Typing updates the URL (replacing, not stacking history) once the user pauses.
  useEffect(() => {
    if (debouncedSearch !== view.search) {
      setSearchParams(writePropertyListView({ search: debouncedSearch, page: 1 }), {
        replace: true,
      })
    }
  }, [debouncedSearch, view.search, setSearchParams])

  const query = useQuery(propertyQueries.page(view.search, view.page))

  const goToPage = (page: number) => {
    setSearchParams(writePropertyListView({ search: view.search, page }))
  }

  return (
    <section aria-labelledby="properties-heading" className="page">
      <header className="page-header">
        <h1 id="properties-heading">Properties</h1>
        <p className="page-subtitle">Open a property to see and change who is on the deal.</p>
      </header>

      <div role="search" className="field">
        <label htmlFor={searchId} className="field-label">
          Search properties
        </label>
        <input
          id={searchId}
          type="search"
          className="input input-search"
          placeholder="Title, street or city"
          value={searchInput}
          onChange={(event) => {
            setSearchInput(event.target.value)
          }}
          autoComplete="off"
        />
      </div>

      <RateLimitNotice failureReason={query.failureReason} isFetching={query.isFetching} />
      {query.isError ? (
        <LoadError what="properties" error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <PropertiesTable
          properties={query.data?.properties}
          search={view.search}
          busy={query.isFetching}
        />
      )}

      {query.data && (view.page > 1 || query.data.hasNextPage) && (
        <nav aria-label="Pages of properties" className="pager">
          <button
            type="button"
            className="button"
            disabled={view.page <= 1}
            onClick={() => {
              goToPage(view.page - 1)
            }}
          >
            Previous page
          </button>
          <span>Page {view.page}</span>
          <button
            type="button"
            className="button"
            disabled={!query.data.hasNextPage}
            onClick={() => {
              goToPage(view.page + 1)
            }}
          >
            Next page
          </button>
        </nav>
      )}
    </section>
  )
}

interface PropertiesTableProps {
  properties: Property[] | undefined
  search: string
  busy: boolean
}

function PropertiesTable({ properties, search, busy }: PropertiesTableProps) {
  if (properties?.length === 0) {
    return (
      <div className="empty-state">
        <p>{search ? `No properties match “${search}”.` : 'There are no properties yet.'}</p>
      </div>
    )
  }
  return (
    <div className="table-wrap">
      <table className="table" aria-busy={busy}>
        <caption className="visually-hidden">
          Properties{search ? ` matching “${search}”` : ''}, {PROPERTIES_PAGE_SIZE} per page
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
          </tr>
        </thead>
        <tbody>
          {properties
            ? properties.map((property) => (
                <tr key={property.id}>
                  <td>
                    <Link href={paths.property.href(property.id)} className="row-link">
                      {property.title}
                    </Link>
                  </td>
                  <td>{joinAddress([property.address, property.city, property.state]) || '—'}</td>
                  <td>
                    <span className="tag">{property.status}</span>
                  </td>
                  <td>{property.client_type}</td>
                  <td className="numeric">{formatCurrency(property.purchase_amount)}</td>
                  <td>{formatCalendarDate(property.closing_date)}</td>
                </tr>
              ))
            : Array.from({ length: SKELETON_ROWS }, (_, index) => (
                <tr key={index} aria-hidden="true" className="skeleton-row">
                  {Array.from({ length: 6 }, (_, cell) => (
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
