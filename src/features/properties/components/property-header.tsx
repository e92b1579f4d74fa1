import type { Property } from '../../../api'
import { formatCalendarDate, formatCurrency, joinAddress } from '../../../lib/format'

export function PropertyHeader({ property }: { property: Property }) {
  const street = property.address ?? ''
  const place = joinAddress([
    property.city,
    [property.state, property.zip].filter(Boolean).join(' '),
  ])
  return (
    <header className="property-header">
      <div className="property-title">
        <h1>{property.title}</h1>
        <p className="property-address">{joinAddress([street, place]) || 'No address on file'}</p>
      </div>
      <dl className="property-facts">
        <div>
          <dt>Status</dt>
          <dd>
            <span className="tag">{property.status}</span>
          </dd>
        </div>
        <div>
          <dt>Client</dt>
          <dd>{property.client_type}</dd>
        </div>
        <div>
          <dt>Price</dt>
          <dd>{formatCurrency(property.purchase_amount)}</dd>
        </div>
        <div>
          <dt>Closing</dt>
          <dd>{formatCalendarDate(property.closing_date)}</dd>
        </div>
      </dl>
    </header>
  )
}

export function PropertyHeaderSkeleton() {
  return (
    <header className="property-header" aria-hidden="true">
      <div className="property-title">
        <span className="skeleton skeleton-title" />
        <span className="skeleton skeleton-line" />
      </div>
      <div className="property-facts">
        {[0, 1, 2, 3].map((index) => (
          <span key={index} className="skeleton skeleton-fact" />
        ))}
      </div>
    </header>
  )
}
