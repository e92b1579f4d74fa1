import { useCallback, useMemo } from 'react'
import { Link, useSearchParams } from 'wouter'
import type { PropertyContact } from '../../api'
import { paths } from '../../config/paths'
import {
  PropertyHeader,
  PropertyHeaderSkeleton,
  PropertyHeaderUnavailable,
} from '../../features/properties/components/property-header'
import { useChecklistConfig } from '../../features/checklist/checklist-context'
import { checklistRoleKeys } from '../../features/checklist/checklist-rules'
import { ChecklistSummary } from '../../features/checklist/components/checklist-summary'
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

  const checklistConfig = useChecklistConfig()
  const clientType = page.property.data?.client_type
  const checklistRoles = useMemo(
    () => (clientType ? checklistRoleKeys(checklistConfig, clientType) : undefined),
    [checklistConfig, clientType],
  )

  if (page.notFound) return <PropertyNotFound />
  const { propertyId, property } = page
  const checklist =
    clientType && checklistRoles
      ? {
          summary: (links: readonly PropertyContact[]) => (
            <ChecklistSummary clientType={clientType} links={links} />
          ),
          roles: checklistRoles,
        }
      : undefined

  return (
    <div className="page">
      <div className="page-nav">
        <PropertyBreadcrumb propertyId={propertyId} propertyTitle={property.data?.title} />
        <Link href={paths.propertyActivity.href(propertyId)} className="page-nav-link">
          Activity
        </Link>
      </div>
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
      <RosterSection
        propertyId={propertyId}
        property={property.data}
        filters={filters}
        onFiltersChange={setFilters}
        folded={folded}
        onFoldedChange={setFolded}
        checklist={checklist}
      />
    </div>
  )
}
