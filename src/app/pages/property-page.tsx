import { useQuery } from '@tanstack/react-query'
import { useCallback, useEffect } from 'react'
import { Link, useParams, useSearchParams } from 'wouter'
import { NotFoundError } from '../api'
import { propertyQueries } from '../features/properties/api/property-queries'
import {
  PropertyHeader,
  PropertyHeaderSkeleton,
} from '../features/properties/components/property-header'
import { RosterSection } from '../features/property-contacts/components/roster-section'
import {
  readRosterFilters,
  writeRosterFilters,
  type RosterFilters,
} from '../features/property-contacts/filters'
import { LoadError } from '../components/ui/load-error'
import { RateLimitNotice } from '../components/ui/rate-limit-notice'
import { NotFoundPage } from './not-found-page'
import { parsePropertyIdParam } from './property-id-param'

export function PropertyPage() {
  const params = useParams<{ propertyId: string }>()
  const propertyId = parsePropertyIdParam(params.propertyId)
  if (propertyId === null) return <PropertyNotFound />
  return <PropertyDetail propertyId={propertyId} />
}

function PropertyNotFound() {
  return (
    <NotFoundPage
      title="Property not found"
      message="There is no property at this address. It may have been removed, or the link is wrong."
    />
  )
}

function PropertyDetail({ propertyId }: { propertyId: number }) {
  const property = useQuery(propertyQueries.detail(propertyId))
  const [searchParams, setSearchParams] = useSearchParams()
  const filters = readRosterFilters(searchParams)
  const setFilters = useCallback(
    (next: RosterFilters) => {
      setSearchParams((current) => writeRosterFilters(current, next), { replace: true })
    },
    [setSearchParams],
  )

  useEffect(() => {
    if (property.data) document.title = `${property.data.title} · Roster`
    return () => {
      document.title = 'Roster'
    }
  }, [property.data])

  if (property.error instanceof NotFoundError) return <PropertyNotFound />

  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Properties</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{property.data?.title ?? 'Property'}</span>
      </nav>
      <RateLimitNotice failureReason={property.failureReason} isFetching={property.isFetching} />
      {property.data ? (
        <PropertyHeader property={property.data} />
      ) : property.isError ? (
        <LoadError
          what="this property"
          error={property.error}
          onRetry={() => void property.refetch()}
        />
      ) : (
        <PropertyHeaderSkeleton />
      )}
      <RosterSection propertyId={propertyId} filters={filters} onFiltersChange={setFilters} />
    </div>
  )
}
