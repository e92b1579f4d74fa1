// What every page of one property does: read the id from the address (external input:
// anything but a real id is "not found"), read the property, name the browser tab
// after it, and answer a missing one the same way.
import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { Link, useParams } from 'wouter'
import { NotFoundError } from '../../api'
import { parseIdSegment, paths } from '../../config/paths'
import { propertyQueries } from '../../features/properties/api/property-queries'
import { NotFoundPage } from './not-found-page'

/** `tabTitle` names the tab once the property is known; the tab is "Roster" otherwise. */
export function usePropertyPage(tabTitle: (propertyTitle: string) => string) {
  const params = useParams<{ propertyId: string }>()
  const propertyId = parseIdSegment(params.propertyId)
  const property = useQuery({
    ...propertyQueries.detail(propertyId ?? 0),
    enabled: propertyId !== null,
  })
  const title = property.data ? tabTitle(property.data.title) : null
  useEffect(() => {
    if (title !== null) document.title = title
    return () => {
      document.title = 'Roster'
    }
  }, [title])
  if (propertyId === null || property.error instanceof NotFoundError) {
    return { notFound: true, property } as const
  }
  return { notFound: false, propertyId, property } as const
}

export function PropertyNotFound() {
  return (
    <NotFoundPage
      title="Property not found"
      message="There is no property at this address. It may have been removed, or the link is wrong."
    />
  )
}

/** Properties / the property [/ the page within it]; the last one is the current page. */
export function PropertyBreadcrumb({
  propertyId,
  propertyTitle,
  current,
}: {
  propertyId: number
  propertyTitle: string | undefined
  /** A page within the property; without it, the property page is the current one. */
  current?: string
}) {
  const name = propertyTitle ?? 'Property'
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <Link href={paths.properties.href()}>Properties</Link>
      <span aria-hidden="true"> / </span>
      {current === undefined ? (
        <span aria-current="page">{name}</span>
      ) : (
        <>
          <Link href={paths.property.href(propertyId)}>{name}</Link>
          <span aria-hidden="true"> / </span>
          <span aria-current="page">{current}</span>
        </>
      )}
    </nav>
  )
}
