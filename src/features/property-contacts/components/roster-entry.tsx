import { memo, useCallback, useId, useRef, useState } from 'react'
import type { PropertyContact } from '../../../api'
import { formatCalendarDate, fullName } from '../../../lib/format'
import { useOverflows } from '../../../lib/use-overflow'
import { CopyContactButton } from '../../roster-export/components/copy-contact-button'
import { ContactLinks } from './contact-links'

interface RosterEntryProps {
  link: PropertyContact
  canEdit: boolean
  canUnlink: boolean
  onEdit: (link: PropertyContact) => void
  onUnlink: (link: PropertyContact) => void
  /** The contact's own details: a typo in an email, a new phone. */
  onEditContact: (link: PropertyContact) => void
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
  onEditContact,
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
          <span dir="auto">{name}</span>
          {link.primary && <span className="badge badge-primary">Primary</span>}
        </p>
        <ContactLinks contact={link.contact} />
        <button
          type="button"
          className="button-link entry-edit-contact"
          aria-label={`Edit contact ${name}`}
          onClick={() => {
            onEditContact(link)
          }}
        >
          Edit contact
        </button>
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
                <dd>
                  <ClampedNote notes={link.notes} about={name} />
                </dd>
              </div>
            )}
          </dl>
        )}
      </div>
      <div className="entry-actions">
        <CopyContactButton link={link} />
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

/** Roughly more than three lines on a wide screen: the guess until the note is measured. */
function looksLong(notes: string): boolean {
  return notes.length > 200 || notes.split('\n').length > 3
}

/**
 * A note shown in three lines at most, with "Show more" when it has more (measured,
 * so it follows the width); `dir="auto"` so a right-to-left note reads correctly.
 */
function ClampedNote({ notes, about }: { notes: string; about: string }) {
  const id = useId()
  const ref = useRef<HTMLParagraphElement>(null)
  const [expanded, setExpanded] = useState(false)
  const overflows = useOverflows(ref, looksLong(notes), !expanded)
  return (
    <>
      <p
        ref={ref}
        id={id}
        className="entry-notes-text"
        dir="auto"
        data-clamped={!expanded || undefined}
      >
        {notes}
      </p>
      {(overflows || expanded) && (
        <button
          type="button"
          className="button-link entry-notes-toggle"
          aria-expanded={expanded}
          aria-controls={id}
          onClick={() => {
            setExpanded((open) => !open)
          }}
        >
          {expanded ? 'Show less' : 'Show more'}{' '}
          <span className="visually-hidden">of the note on {about}</span>
        </button>
      )}
    </>
  )
}
