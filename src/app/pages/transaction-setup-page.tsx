import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { Link, useParams } from 'wouter'
import { NotFoundError } from '../api'
import { LoadError } from '../components/ui/load-error'
import { propertyQueries } from '../features/properties/api/property-queries'
import { propertyContactQueries } from '../features/property-contacts/api/property-contact-queries'
import { TransactionSetup } from '../features/transaction-setup/components/transaction-setup'
import { NotFoundPage } from './not-found-page'
import { parsePropertyIdParam } from './property-id-param'

/** /properties/:propertyId/setup — loaded on first visit (its form code is not needed before). */
export default function TransactionSetupRoute() {
  const params = useParams<{ propertyId: string }>()
  const propertyId = parsePropertyIdParam(params.propertyId)
  const property = useQuery({
    ...propertyQueries.detail(propertyId ?? 0),
    enabled: propertyId !== null,
  })
  const roster = useQuery({
    ...propertyContactQueries.roster(propertyId ?? 0),
    enabled: propertyId !== null,
  })

  useEffect(() => {
    if (property.data) document.title = `Set up transaction · ${property.data.title} · Roster`
    return () => {
      document.title = 'Roster'
    }
  }, [property.data])

  if (propertyId === null || property.error instanceof NotFoundError) {
    return (
      <NotFoundPage
        title="Property not found"
        message="There is no property at this address. It may have been removed, or the link is wrong."
      />
    )
  }

  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Properties</Link>
        <span aria-hidden="true"> / </span>
        <Link href={`/properties/${propertyId}`}>{property.data?.title ?? 'Property'}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">Set up transaction</span>
      </nav>
      <header className="page-header">
        <h1>Set up transaction</h1>
        <p className="page-subtitle">
          {property.data ? `${property.data.title}: ` : ''}link the sellers, buyers, agents and
          other parties in one go. You review the plan before anything is sent.
        </p>
      </header>
      {roster.isError ? (
        <LoadError
          what="the current roster"
          error={roster.error}
          onRetry={() => void roster.refetch()}
        />
      ) : (
        <TransactionSetup propertyId={propertyId} />
      )}
    </div>
  )
}
