import type { Property, PropertyContact } from '../../../api'
import { formatCalendarDate, fullName, joinAddress } from '../../../lib/format'

export interface SheetGroup {
  key: string
  label: string
  links: readonly PropertyContact[]
}

export interface ContactSheetProps {
  propertyId: number
  property: Property | undefined
  /** Every contact shown, by role: not folded, not cut to a preview. */
  groups: readonly SheetGroup[]
  /** How many the filters let through, of how many; equal when unfiltered. */
  shown: number
  total: number
}

/**
 * The roster on paper: rendered only while the page prints (styles.css shows it in
 * print and nothing else of the page), so a folded group or a long one is there in full.
 */
export function ContactSheet({ propertyId, property, groups, shown, total }: ContactSheetProps) {
  const address = property
    ? joinAddress([
        property.address,
        property.city,
        [property.state, property.zip].filter(Boolean).join(' '),
      ])
    : ''
  return (
    <div className="contact-sheet">
      <p className="contact-sheet-title">{property?.title ?? `Property ${propertyId}`}</p>
      <p>
        {address || 'No address on file'}
        {' · '}
        {property?.closing_date
          ? `Closing ${formatCalendarDate(property.closing_date)}`
          : 'No closing date on file'}
      </p>
      {shown < total && <p>Filtered: {`${shown} of ${total}`} contacts.</p>}
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Company</th>
            <th scope="col">Phone</th>
            <th scope="col">Email</th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.key}>
            <tr>
              <th scope="rowgroup" colSpan={4}>
                {group.label}
              </th>
            </tr>
            {group.links.map((link) => (
              <tr key={link.id}>
                <td dir="auto">
                  {fullName(link.contact)}
                  {link.primary && ' (primary)'}
                </td>
                <td dir="auto">{link.contact.company}</td>
                <td>{link.contact.phone}</td>
                <td>{link.contact.email}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  )
}
