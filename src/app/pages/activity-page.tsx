import { Link } from 'wouter'
import { paths } from '../../config/paths'
import { ActivityView } from '../../features/activity/components/activity-view'
import { PropertyBreadcrumb, PropertyNotFound, usePropertyPage } from './use-property-page'

/** /properties/:propertyId/activity — every change made through Roster; loaded on first visit. */
export default function ActivityPage() {
  const page = usePropertyPage((title) => `Activity · ${title} · Roster`)
  if (page.notFound) return <PropertyNotFound />
  const { propertyId, property } = page
  return (
    <div className="page">
      <PropertyBreadcrumb
        propertyId={propertyId}
        propertyTitle={property.data?.title}
        current="Activity"
      />
      <header className="page-header">
        <h1>Activity</h1>
        <p className="page-subtitle">
          {property.data ? `${property.data.title}: ` : ''}every change made to this roster through
          Roster, newest first. Changes made in Open To Close itself are not listed.
        </p>
        <p>
          <Link href={paths.property.href(propertyId)}>Back to the roster</Link>
        </p>
      </header>
      <ActivityView propertyId={propertyId} />
    </div>
  )
}
