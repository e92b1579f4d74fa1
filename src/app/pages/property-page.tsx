import { useCallback, useMemo } from 'react'
import { Link, useSearchParams } from 'wouter'
import { paths } from '../../config/paths'
import {
  PropertyHeader,
  PropertyHeaderSkeleton,
  PropertyHeaderUnavailable,
} from '../../features/properties/components/property-header'
import { RosterSection } from '../../features/property-contacts/components/roster-section'
import {
  readFoldedRoles,
  readRosterFilters,
  writeFoldedRoles,
  writeRosterFilters,
  type RosterFilters,
} from '../../features/property-contacts/filters'
import { LoadError } from '../../components/ui/load-error'
import { RateLimitNotice } from '../../components/ui/rate-limit-notice'
import { PropertyBreadcrumb, PropertyNotFound, usePropertyPage } from './use-property-page'

export function PropertyPage() {
  const page = usePropertyPage((title) => `${title} · Roster`)
  const [searchParams, setSearchParams] = useSearchParams()
  const filters = readRosterFilters(searchParams)
  const setFilters = useCallback(
    (next: RosterFilters) => {
      setSearchParams((current) => writeRosterFilters(current, next), { replace: true })
    },
    [setSearchParams],
  )
  // Collapsed role groups: from the URL, so the server renders them as the browser does.
  const foldParam = searchParams.getAll('fold').join('\n')
  const folded = useMemo(
    () => readFoldedRoles(new URLSearchParams(foldParam.split('\n').map((v) => ['fold', v]))),
    [foldParam],
  )
  const setFolded = useCallback(
    (next: ReadonlySet<string>) => {
      setSearchParams((current) => writeFoldedRoles(current, next), { replace: true })
    },
    [setSearchParams],
  )

  if (page.notFound) return <PropertyNotFound />
  const { propertyId, property } = page

  return (
    <div className="page">
      <PropertyBreadcrumb propertyId={propertyId} propertyTitle={property.data?.title} />
      <RateLimitNotice failureReason={property.failureReason} isFetching={property.isFetching} />
      {property.data ? (
        <PropertyHeader property={property.data} />
      ) : property.isError ? (
        <>
          <PropertyHeaderUnavailable />
          <LoadError
            what="this property"
            error={property.error}
            onRetry={() => void property.refetch()}
          />
        </>
      ) : (
        <PropertyHeaderSkeleton />
      )}
      <p className="property-links">
        <Link href={paths.propertyActivity.href(propertyId)}>Activity</Link>
      </p>
      <RosterSection
        propertyId={propertyId}
        filters={filters}
        onFiltersChange={setFilters}
        folded={folded}
        onFoldedChange={setFolded}
      />
    </div>
  )
}
