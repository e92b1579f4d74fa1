import { memo, useCallback } from 'react'
import type { PropertyContact } from '../../../api'
import { formatCalendarDate, fullName } from '../../../lib/format'
import { ContactLinks } from './contact-links'

interface RosterEntryProps {
  link: PropertyContact
  canEdit: boolean
  canUnlink: boolean
  onEdit: (link: PropertyContact) => void
  onUnlink: (link: PropertyContact) => void
  /** Keeps the Edit button findable by contact id, for focus to follow the entry. */
  registerEditButton: (contactId: number, button: HTMLButtonElement) => () => void
}

/** One person on the roster. Memoised: a long roster adds entries in steps. */
export const RosterEntry = memo(function RosterEntry({
  link,
  canEdit,
  canUnlink,
  onEdit,
  onUnlink,
  registerEditButton,
}: RosterEntryProps) {
  const name = fullName(link.contact)
  const contactId = link.contact_id
  const editButtonRef = useCallback(
    (button: HTMLButtonElement | null) =>
      button ? registerEditButton(contactId, button) : undefined,
    [registerEditButton, contactId],
  )
  return (
    <li className="entry">
      <div className="entry-main">
        <p className="entry-name">
          <span>{name}</span>
          {link.primary && <span className="badge badge-primary">Primary</span>}
        </p>
        <ContactLinks contact={link.contact} />
        {(link.start_date ?? link.notes) && (
          <dl className="entry-facts">
            {link.start_date && (
              <div>
                <dt>Since</dt>
                <dd>{formatCalendarDate(link.start_date)}</dd>
              </div>
            )}
            {link.notes && (
              <div className="entry-notes">
                <dt>Notes</dt>
                <dd>{link.notes}</dd>
              </div>
            )}
          </dl>
        )}
      </div>
      <div className="entry-actions">
        {canEdit && (
          <button
            ref={editButtonRef}
            type="button"
            className="button button-small"
            aria-label={`Edit ${name}`}
            onClick={() => {
              onEdit(link)
            }}
          >
            Edit
          </button>
        )}
        {canUnlink && (
          <button
            type="button"
            className="button button-small button-quiet-danger"
            aria-label={`Unlink ${name}`}
            onClick={() => {
              onUnlink(link)
            }}
          >
            Unlink
          </button>
        )}
      </div>
    </li>
  )
})
