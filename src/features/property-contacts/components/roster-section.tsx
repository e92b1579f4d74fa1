import { useMemo, useRef } from 'react'
import { Link } from 'wouter'
import { LoadError } from '../../../components/ui/load-error'
import { RateLimitNotice } from '../../../components/ui/rate-limit-notice'
import { useRefusedOperations, type RefusableOperation } from '../../../lib/server-capabilities'
import { useProgressiveLimit } from '../../../lib/use-progressive-limit'
import { usePropertyContacts } from '../api/use-property-contacts'
import { useRosterUpdates } from '../api/use-roster-updates'
import type { RosterFilters as Filters } from '../filters'
import { groupByRole, limitGroups } from '../role-groups'
import { RoleGroupList } from './role-group-list'
import { preloadLinkDialog, RosterDialogs, usePreloadRosterWrites } from './roster-dialogs'
import { RosterDialogsProvider, useRosterDialogs } from './roster-dialogs-provider'
import { RosterFilters } from './roster-filters'
import { RosterFreshness } from './roster-freshness'
import { RosterSkeleton } from './roster-skeleton'
import { useRosterFocus } from './use-roster-focus'
import { paths } from '../../../config/paths'

interface RosterSectionProps {
  propertyId: number
  filters: Filters
  onFiltersChange: (filters: Filters) => void
}

function refusedNotice(refused: ReadonlySet<RefusableOperation>): string {
  const actions = [refused.has('update') && 'editing', refused.has('delete') && 'unlinking']
    .filter(Boolean)
    .join(' or ')
  return `The connected server does not allow ${actions} contact links, so Roster no longer offers it. Reload the page to try again.`
}

/** A property's roster: who is on the deal, by role, and the ways to change it. */
export function RosterSection(props: RosterSectionProps) {
  return (
    <RosterDialogsProvider>
      <Roster {...props} />
    </RosterDialogsProvider>
  )
}

function Roster({ propertyId, filters, onFiltersChange }: RosterSectionProps) {
  const roster = usePropertyContacts(propertyId, filters)
  const updates = useRosterUpdates(propertyId)
  const { openLink } = useRosterDialogs()

  const allLinks = roster.data?.all
  const groups = useMemo(() => groupByRole(allLinks ?? []), [allLinks])
  const visible = roster.data?.visible
  // Unfiltered, the visible links are all links: group them once.
  const visibleGroups = useMemo(
    () => (visible === allLinks ? groups : groupByRole(visible ?? [])),
    [visible, allLinks, groups],
  )
  // A long roster renders in steps (the first screen at once), so that neither the
  // first paint nor a filter change waits for a thousand entries.
  const shown = useProgressiveLimit(
    visible?.length ?? 0,
    `${propertyId}|${filters.role}|${String(filters.primaryOnly)}|${filters.search}`,
  )
  const shownGroups = useMemo(() => limitGroups(visibleGroups, shown), [visibleGroups, shown])
  const headingRef = useRef<HTMLHeadingElement>(null)
  const focus = useRosterFocus(headingRef, shownGroups)
  // Operations this server refused with 405: no longer offered.
  const refused = useRefusedOperations()
  usePreloadRosterWrites()

  const total = allLinks?.length ?? 0
  const visibleCount = visible?.length ?? 0

  return (
    <section className="roster" aria-labelledby="roster-heading">
      <div className="roster-header">
        <h2 id="roster-heading" ref={headingRef} tabIndex={-1}>
          Contacts on this deal
          {roster.data && <span className="heading-count"> ({total})</span>}
        </h2>
        <div className="roster-actions">
          <Link href={paths.propertySetup.href(propertyId)} className="button">
            Set up transaction
          </Link>
          <button
            type="button"
            className="button button-primary"
            onPointerEnter={preloadLinkDialog}
            onFocus={preloadLinkDialog}
            onClick={openLink}
          >
            Link contact
          </button>
        </div>
      </div>

      <RosterFreshness
        update={updates.update}
        onDismiss={updates.dismiss}
        dataUpdatedAt={roster.data ? roster.dataUpdatedAt : 0}
        stale={roster.isRefetchError}
        onRetry={() => void roster.refetch()}
      />
      <RateLimitNotice failureReason={roster.failureReason} isFetching={roster.isFetching} />
      {refused.size > 0 && <p className="callout callout-muted">{refusedNotice(refused)}</p>}
      {roster.isPending ? (
        <RosterSkeleton />
      ) : roster.isLoadingError ? (
        <LoadError
          what="the contacts on this deal"
          error={roster.error}
          onRetry={() => void roster.refetch()}
        />
      ) : total === 0 ? (
        <div className="empty-state">
          <p>No one is linked to this property yet.</p>
          <button
            type="button"
            className="button button-primary"
            onPointerEnter={preloadLinkDialog}
            onClick={openLink}
          >
            Link the first contact
          </button>
        </div>
      ) : (
        <>
          <RosterFilters
            filters={filters}
            groups={groups}
            total={total}
            matching={visibleCount}
            onChange={onFiltersChange}
          />
          {visibleCount === 0 ? (
            <div className="empty-state">
              <p>No contacts match these filters.</p>
            </div>
          ) : (
            <RoleGroupList
              groups={shownGroups}
              busy={roster.isFetching || shown < visibleCount}
              canEdit={!refused.has('update')}
              canUnlink={!refused.has('delete')}
              registerEditButton={focus.registerEditButton}
            />
          )}
        </>
      )}

      <RosterDialogs propertyId={propertyId} roster={allLinks ?? []} focus={focus} />
    </section>
  )
}
