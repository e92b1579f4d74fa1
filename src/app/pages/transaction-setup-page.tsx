import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { LoadError } from '../../components/ui/load-error'
import { propertyContactQueries } from '../../features/property-contacts/api/property-contact-queries'
import { useChecklistConfig } from '../../features/checklist/checklist-context'
import { TransactionSetup } from '../../features/transaction-setup/components/transaction-setup'
import {
  DEFAULT_SETUP,
  type SetupFormValues,
} from '../../features/transaction-setup/setup-form-schema'
import { prefilledSetup } from '../../features/transaction-setup/setup-prefill'
import { PropertyBreadcrumb, PropertyNotFound, usePropertyPage } from './use-property-page'

/** /properties/:propertyId/setup — loaded on first visit (its form code is not needed before). */
export default function TransactionSetupPage() {
  const page = usePropertyPage((title) => `Set up transaction · ${title} · Roster`)
  const wanted = page.notFound ? null : page.propertyId
  const roster = useQuery({
    ...propertyContactQueries.roster(wanted ?? 0),
    enabled: wanted !== null,
  })
  // The form starts from the deal's checklist, worked out once when the deal and its
  // roster are in (a roster read again later must not reset the form). Without the
  // deal (it could not be read), the generic rows.
  const checklist = useChecklistConfig()
  const [start, setStart] = useState<{ propertyId: number; values: SetupFormValues } | null>(null)
  const links = roster.data
  if (wanted !== null && start?.propertyId !== wanted && links) {
    const deal = page.property.data
    if (deal)
      setStart({ propertyId: wanted, values: prefilledSetup(checklist, deal.client_type, links) })
    else if (page.property.isError) setStart({ propertyId: wanted, values: DEFAULT_SETUP })
  }
  const initialValues = start?.propertyId === wanted ? start.values : undefined

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
      ) : initialValues ? (
        <TransactionSetup key={propertyId} propertyId={propertyId} initialValues={initialValues} />
      ) : (
        <p role="status" className="field-hint">
          Reading the current roster…
        </p>
      )}
    </div>
  )
}
