import { Suspense, useCallback, useId, useMemo, useRef, useState, type ReactNode } from 'react'
import { Link } from 'wouter'
import type { Property, PropertyContact } from '../../../api'
import { LoadError } from '../../../components/ui/load-error'
import { RateLimitNotice } from '../../../components/ui/rate-limit-notice'
import { useRefusedOperations, type RefusableOperation } from '../../../lib/server-capabilities'
import { preloadableLazy } from '../../../lib/preloadable-lazy'
import { useOpenWhenLoaded } from '../../../lib/use-open-when-loaded'
import { useProgressiveLimit } from '../../../lib/use-progressive-limit'
import { usePropertyContacts } from '../api/use-property-contacts'
import { useRosterUpdates } from '../api/use-roster-updates'
import type { RosterFilters as Filters } from '../filters'
import { foldGroups, groupByRole, limitGroups, rolesWithoutPrimary } from '../role-groups'
import { useRosterShortcuts, useShortcutsEnabled } from '../use-roster-shortcuts'
import { RoleGroupList } from './role-group-list'
import { preloadLinkDialog, RosterDialogs, usePreloadRosterWrites } from './roster-dialogs'
import { RosterDialogsProvider, useRosterDialogs } from './roster-dialogs-provider'
import { RosterFilters } from './roster-filters'
import { RosterFreshness } from './roster-freshness'
import { RosterSkeleton } from './roster-skeleton'
import { useRosterFocus } from './use-roster-focus'
import { paths } from '../../../config/paths'
import { ReachToolbar } from '../../roster-export/components/reach-toolbar'
import { usePrintSheet } from '../../roster-export/use-print-sheet'

// The help dialog is code the first load does not need: it loads when its button is
// pointed at or focused, or when asked for, and shows once it is in.
const helpCode = preloadableLazy(() =>
  import('./shortcuts-help-dialog').then((m) => m.ShortcutsHelpDialog),
)
const ShortcutsHelpDialog = helpCode.Component
const preloadHelp = () => {
  helpCode.preload().catch(() => undefined)
}

interface RosterSectionProps {
  propertyId: number
  /** The property, once read: the contact sheet's heading and the export's file names. */
  property?: Property | undefined
  filters: Filters
  onFiltersChange: (filters: Filters) => void
  /** Collapsed role groups, by roleKey (kept in the URL). */
  folded: ReadonlySet<string>
  onFoldedChange: (folded: ReadonlySet<string>) => void
  /**
   * The deal's checklist summary for the roster once read, shown under the heading (it
   * opens this roster's dialogs), and the roles it covers: their "no primary" is said
   * there, not again on their groups.
   */
  checklist?:
    | { summary: (links: readonly PropertyContact[]) => ReactNode; roles: ReadonlySet<string> }
    | undefined
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

const NOTHING: ReadonlySet<string> = new Set()

function Roster({
  propertyId,
  property,
  filters,
  onFiltersChange,
  folded,
  onFoldedChange,
  checklist,
}: RosterSectionProps) {
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
  // Long groups shown in full ("Show all"); a new property or filter starts again.
  const filterKey = `${propertyId}|${filters.role}|${String(filters.primaryOnly)}|${filters.search}`
  const [expanded, setExpanded] = useState({ key: filterKey, groups: NOTHING })
  const expandedGroups = expanded.key === filterKey ? expanded.groups : NOTHING
  const foldedGroups = useMemo(
    () => foldGroups(visibleGroups, folded, expandedGroups),
    [visibleGroups, folded, expandedGroups],
  )
  const foldedCount = foldedGroups.reduce((sum, group) => sum + group.links.length, 0)
  // A long roster renders in steps (the first screen at once), so that neither the
  // first paint nor a filter change waits for a thousand entries.
  const shown = useProgressiveLimit(foldedCount, filterKey)
  const shownGroups = useMemo(() => limitGroups(foldedGroups, shown), [foldedGroups, shown])
  const checklistRoles = checklist?.roles
  const withoutPrimary = useMemo(() => {
    const roles = rolesWithoutPrimary(groups)
    return checklistRoles ? new Set([...roles].filter((key) => !checklistRoles.has(key))) : roles
  }, [groups, checklistRoles])
  const toggleFold = useCallback(
    (key: string) => {
      const next = new Set(folded)
      if (!next.delete(key)) next.add(key)
      onFoldedChange(next)
    },
    [folded, onFoldedChange],
  )
  const showAll = useCallback(
    (key: string) => {
      setExpanded({ key: filterKey, groups: new Set([...expandedGroups, key]) })
    },
    [filterKey, expandedGroups],
  )

  // Linking checks the roster (who is primary now): not possible until it has loaded.
  const linkBlocked = roster.isLoadingError
  const linkReasonId = useId()
  const searchRef = useRef<HTMLInputElement>(null)
  const [helpOpen, setHelpOpen] = useState(false)
  const helpOpener = useOpenWhenLoaded('the keyboard shortcuts')
  const openHelp = useCallback(() => {
    helpOpener.open([helpCode], () => {
      setHelpOpen(true)
    })
  }, [helpOpener])
  const [shortcutsOn, setShortcutsOn] = useShortcutsEnabled()
  useRosterShortcuts(
    {
      onFind: () => searchRef.current?.focus(),
      onLink: linkBlocked ? undefined : openLink,
      onHelp: () => {
        openHelp()
      },
    },
    shortcutsOn,
  )
  const headingRef = useRef<HTMLHeadingElement>(null)
  const focus = useRosterFocus(headingRef, shownGroups)
  // Operations this server refused with 405: no longer offered.
  const refused = useRefusedOperations()
  usePreloadRosterWrites()

  // Reaching people (email, copy, export, print) acts on everyone the filters let through.
  const reachLinks = useMemo(() => visibleGroups.flatMap((group) => group.links), [visibleGroups])
  const printSheet = usePrintSheet()
  const PrintSheet = printSheet.Sheet

  const total = allLinks?.length ?? 0
  const visibleCount = visible?.length ?? 0
  // Filled in step by step: busy until every entry the folds let through is there.
  const filling = shown < foldedCount

  return (
    <section className="roster" aria-labelledby="roster-heading">
      <div className="roster-header">
        <h2 id="roster-heading" ref={headingRef} tabIndex={-1}>
          Contacts on this deal
          {roster.data && <span className="heading-count"> ({total})</span>}
        </h2>
        <div className="roster-actions">
          <button
            type="button"
            className="button"
            aria-keyshortcuts="?"
            aria-label="Keyboard shortcuts"
            onPointerEnter={preloadHelp}
            onFocus={preloadHelp}
            onClick={openHelp}
          >
            {/* "Shortcuts" on a phone (styles.css): the name stays the whole phrase. */}
            <span className="wide-only">Keyboard </span>
            <span className="shortcuts-word">shortcuts</span>
          </button>
          <Link href={paths.propertySetup.href(propertyId)} className="button">
            Set up transaction
          </Link>
          <button
            type="button"
            className="button button-primary"
            aria-disabled={linkBlocked || undefined}
            aria-describedby={linkBlocked ? linkReasonId : undefined}
            aria-keyshortcuts={linkBlocked ? undefined : 'l'}
            onPointerEnter={preloadLinkDialog}
            onFocus={preloadLinkDialog}
            onClick={linkBlocked ? undefined : openLink}
          >
            Link contact
          </button>
        </div>
        {linkBlocked && (
          <p id={linkReasonId} className="field-hint roster-link-blocked">
            Load the roster first: linking checks who is on the deal.
          </p>
        )}
      </div>

      {checklist && allLinks && checklist.summary(allLinks)}
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
            searchRef={searchRef}
          />
          {visibleCount > 0 && (
            <ReachToolbar
              links={reachLinks}
              filtered={visibleCount < total}
              property={{ id: propertyId, title: property?.title }}
              onPrint={printSheet.print}
              onPreparePrint={printSheet.prepare}
            />
          )}
          {PrintSheet && (
            <PrintSheet
              propertyId={propertyId}
              property={property}
              groups={visibleGroups}
              shown={visibleCount}
              total={total}
            />
          )}
          {visibleCount === 0 ? (
            <div className="empty-state">
              <p>No contacts match these filters.</p>
            </div>
          ) : (
            <RoleGroupList
              groups={shownGroups}
              busy={roster.isFetching || filling}
              canEdit={!refused.has('update')}
              canUnlink={!refused.has('delete')}
              registerEditButton={focus.registerEditButton}
              folded={folded}
              onToggleFold={toggleFold}
              expanded={expandedGroups}
              onShowAll={showAll}
              withoutPrimary={withoutPrimary}
            />
          )}
        </>
      )}

      {helpOpen && (
        <Suspense fallback={null}>
          <ShortcutsHelpDialog
            open
            onClose={() => {
              helpOpener.cancel()
              setHelpOpen(false)
            }}
            enabled={shortcutsOn}
            onEnabledChange={setShortcutsOn}
          />
        </Suspense>
      )}
      <RosterDialogs propertyId={propertyId} roster={allLinks ?? []} focus={focus} />
    </section>
  )
}
