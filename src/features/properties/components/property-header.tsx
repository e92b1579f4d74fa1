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

/**
 * The header's own markup with placeholder text drawn as grey bars: it takes the
 * same lines, so the page does not move when the property arrives (on a phone too).
 */
export function PropertyHeaderSkeleton() {
  const facts = [
    ['Status', 'Active'],
    ['Client', 'Buyer'],
    ['Price', '$1,250,000'],
    ['Closing', 'Dec 12, 2026'],
  ]
  return (
    <header className="property-header" aria-hidden="true">
      <div className="property-title">
        <p className="property-title-placeholder">
          <span className="skeleton-text">Loading property</span>
        </p>
        <p className="property-address">
          <span className="skeleton-text">1200 Harbor View Rd, Austin, TX 78701</span>
        </p>
      </div>
      <dl className="property-facts">
        {facts.map(([label, sample]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>
              <span className="skeleton-text">{sample}</span>
            </dd>
          </div>
        ))}
      </dl>
    </header>
  )
}
