import { useQuery } from '@tanstack/react-query'
import { LoadError } from '../../components/ui/load-error'
import { propertyContactQueries } from '../../features/property-contacts/api/property-contact-queries'
import { TransactionSetup } from '../../features/transaction-setup/components/transaction-setup'
import { PropertyBreadcrumb, PropertyNotFound, usePropertyPage } from './use-property-page'

/** /properties/:propertyId/setup — loaded on first visit (its form code is not needed before). */
export default function TransactionSetupPage() {
  const page = usePropertyPage((title) => `Set up transaction · ${title} · Roster`)
  const wanted = page.notFound ? null : page.propertyId
  const roster = useQuery({
    ...propertyContactQueries.roster(wanted ?? 0),
    enabled: wanted !== null,
  })

  if (page.notFound) return <PropertyNotFound />
  const { propertyId, property } = page

  return (
    <div className="page">
      <PropertyBreadcrumb
        propertyId={propertyId}
        propertyTitle={property.data?.title}
        current="Set up transaction"
      />
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
