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
 * Its h1 says that the property is loading; the bars are hidden from assistive
 * technology.
 */
export function PropertyHeaderSkeleton() {
  const facts = [
    ['Status', 'Active'],
    ['Client', 'Buyer'],
    ['Price', '$1,250,000'],
    ['Closing', 'Dec 12, 2026'],
  ]
  return (
    <header className="property-header">
      <div className="property-title">
        <h1 className="property-title-placeholder">
          <span className="visually-hidden">Loading property…</span>
          <span className="skeleton-text" aria-hidden="true">
            Loading property
          </span>
        </h1>
        <p className="property-address" aria-hidden="true">
          <span className="skeleton-text">1200 Harbor View Rd, Austin, TX 78701</span>
        </p>
      </div>
      <dl className="property-facts" aria-hidden="true">
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

/** The header when the property could not be read: the page keeps its h1. */
export function PropertyHeaderUnavailable() {
  return (
    <header className="page-header">
      <h1>This property could not be loaded</h1>
    </header>
  )
}
