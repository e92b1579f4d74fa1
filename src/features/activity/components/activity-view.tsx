import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { useSearchParams } from 'wouter'
import { LoadError } from '../../../components/ui/load-error'
import { parseIdSegment } from '../../../config/paths'
import { activityQueries } from '../api/activity-queries'
import type { ActivityFilter } from '../api/activity-schema'
import { ActivityEntry } from './activity-entry'

/** The filters in the address (`?actor=…&contact=…`), so a filtered view can be shared. */
export function readActivityFilter(params: URLSearchParams): ActivityFilter {
  const actor = params.get('actor')?.trim() ?? ''
  return {
    actor: actor === '' ? null : actor,
    contact: parseIdSegment(params.get('contact') ?? undefined),
  }
}

/** A property's change history: newest first, a page at a time, by person and contact. */
export function ActivityView({ propertyId }: { propertyId: number }) {
  const [params, setParams] = useSearchParams()
  const filter = readActivityFilter(params)
  const filters = useQuery(activityQueries.filters(propertyId))
  const list = useInfiniteQuery(activityQueries.list(propertyId, filter))
  const personId = useId()
  const contactId = useId()
  const filtered = filter.actor !== null || filter.contact !== null

  const setFilter = (name: 'actor' | 'contact', value: string) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        if (value === '') next.delete(name)
        else next.set(name, value)
        return next
      },
      { replace: true },
    )
  }

  const people = filters.data?.people ?? []
  const contacts = filters.data?.contacts ?? []
  // A filter in the address that the history does not list (yet) still shows as chosen.
  const actorKnown = filter.actor === null || people.some((p) => p.id === filter.actor)
  const contactKnown = filter.contact === null || contacts.some((c) => c.id === filter.contact)
  const entries = list.data?.pages.flatMap((page) => page.entries) ?? []

  return (
    <section aria-labelledby="activity-heading" className="activity">
      <h2 id="activity-heading" className="visually-hidden">
        Changes
      </h2>
      <div role="group" aria-label="Filter the activity" className="activity-filters">
        <div className="field">
          <label htmlFor={personId} className="field-label">
            Person
          </label>
          <select
            id={personId}
            className="input"
            value={filter.actor ?? ''}
            onChange={(event) => {
              setFilter('actor', event.target.value)
            }}
          >
            <option value="">Everyone</option>
            {!actorKnown && filter.actor !== null && (
              <option value={filter.actor}>{filter.actor}</option>
            )}
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={contactId} className="field-label">
            Contact
          </label>
          <select
            id={contactId}
            className="input"
            value={filter.contact === null ? '' : String(filter.contact)}
            onChange={(event) => {
              setFilter('contact', event.target.value)
            }}
          >
            <option value="">All contacts</option>
            {!contactKnown && filter.contact !== null && (
              <option value={String(filter.contact)}>Contact {filter.contact}</option>
            )}
            {contacts.map((contact) => (
              <option key={contact.id} value={String(contact.id)}>
                {contact.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {list.isPending ? (
        <p role="status">Loading the activity…</p>
      ) : list.data === undefined ? (
        <LoadError what="the activity" error={list.error} onRetry={() => void list.refetch()} />
      ) : entries.length === 0 ? (
        <p className="callout callout-muted">
          {filtered
            ? 'No changes match these filters.'
            : 'No changes recorded yet. Changes made through Roster appear here.'}
        </p>
      ) : (
        <>
          <ol className="activity-list" aria-label="Changes, newest first">
            {entries.map((entry) => (
              <ActivityEntry key={entry.id} propertyId={propertyId} entry={entry} />
            ))}
          </ol>
          {list.hasNextPage && (
            <button
              type="button"
              className="button"
              disabled={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {list.isFetchingNextPage ? 'Loading older changes…' : 'Show older'}
            </button>
          )}
          {list.isFetchNextPageError && (
            <p role="alert" className="callout callout-error">
              Could not load older changes. Try Show older again.
            </p>
          )}
        </>
      )}
    </section>
  )
}
