import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Link } from 'wouter'
import type { PropertyContact } from '../../../api'
import { LoadError } from '../../../components/ui/load-error'
import { RateLimitNotice } from '../../../components/ui/rate-limit-notice'
import { useAnnounce } from '../../../components/ui/status-region'
import { MethodNotAllowedError, writeOutcomeUnknown } from '../../../api'
import { errorMessage, unconfirmedWriteMessage } from '../../../lib/error-message'
import {
  useMarkRefused,
  useRefusedOperations,
  type RefusableOperation,
} from '../../../lib/server-capabilities'
import {
  useLinkContact,
  useRefreshedRoster,
  useUnlinkContact,
  useUpdateLink,
} from '../api/property-contact-mutations'
import { usePropertyContacts } from '../api/use-property-contacts'
import { hasFilters, NO_FILTERS, type RosterFilters as Filters } from '../filters'
import { fullName } from '../../../lib/roles'
import { groupByRole, limitGroups } from '../roles'
import { useProgressiveLimit } from '../../../lib/use-progressive-limit'
import type { EditLinkValues } from '../link-form-schema'
import { RosterEntry } from './roster-entry'
import { RosterFilters } from './roster-filters'
import { RosterSkeleton } from './roster-skeleton'

// The forms' code (react-hook-form, the resolver, Headless UI) loads when a form
// is first opened, or when the user points at a button that opens one, so the
// read-only roster loads light.
const loadLinkDialog = () => import('./link-contact-dialog')
const loadEditDialog = () => import('./edit-link-dialog')
const loadUnlinkDialog = () => import('./unlink-dialog')
const LinkContactDialog = lazy(() =>
  loadLinkDialog().then((m) => ({ default: m.LinkContactDialog })),
)
const EditLinkDialog = lazy(() => loadEditDialog().then((m) => ({ default: m.EditLinkDialog })))
const UnlinkDialog = lazy(() => loadUnlinkDialog().then((m) => ({ default: m.UnlinkDialog })))

function preload(loader: () => Promise<unknown>) {
  return () => {
    loader().catch(() => undefined)
  }
}

type DialogState =
  | { kind: 'link' }
  | { kind: 'edit'; link: PropertyContact; draft?: EditLinkValues }
  | { kind: 'unlink'; link: PropertyContact }
  | null

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

function describe(link: Pick<PropertyContact, 'contact' | 'role'>): string {
  return link.role ? `${fullName(link.contact)} (${link.role})` : fullName(link.contact)
}

export function RosterSection({ propertyId, filters, onFiltersChange }: RosterSectionProps) {
  const roster = usePropertyContacts(propertyId, filters)
  const [dialog, setDialog] = useState<DialogState>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const sectionRef = useRef<HTMLElement>(null)
  /** The accessible name of an Edit button that should keep focus where its entry goes. */
  const refocusEdit = useRef<string | null>(null)
  const announce = useAnnounce()
  const relink = useLinkContact(propertyId)
  const update = useUpdateLink(propertyId)
  const unlink = useUnlinkContact(propertyId)
  const refreshedRoster = useRefreshedRoster(propertyId)
  const [filterKey, setFilterKey] = useState(0)
  const refused = useRefusedOperations()
  const markRefused = useMarkRefused()

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
  useEffect(() => {
    const name = refocusEdit.current
    const active = document.activeElement
    if (name === null || (active !== null && active !== document.body)) return
    const button = [...(sectionRef.current?.querySelectorAll('button') ?? [])].find(
      (candidate) => candidate.getAttribute('aria-label') === name,
    )
    // Not on screen (a filter hides it now): the roster heading.
    ;(button ?? headingRef.current)?.focus()
    if (button) refocusEdit.current = null
  }, [shownGroups])
  const closeDialog = useCallback(() => {
    setDialog(null)
  }, [])
  // Stable, so that entries already on screen are not rendered again.
  const openEdit = useCallback((target: PropertyContact) => {
    preload(loadEditDialog)()
    setDialog({ kind: 'edit', link: target })
  }, [])
  const openUnlink = useCallback((target: PropertyContact) => {
    preload(loadUnlinkDialog)()
    setDialog({ kind: 'unlink', link: target })
  }, [])

  const undoUnlink = (link: PropertyContact) => {
    // The Undo (or Try again) button goes with its message: keep focus in the roster.
    headingRef.current?.focus()
    relink
      .mutateAsync({
        contact_id: link.contact_id,
        role: link.role,
        primary: link.primary,
        start_date: link.start_date,
        notes: link.notes,
      })
      .then(() => {
        announce({ text: `Linked ${describe(link)} again.`, tone: 'success' })
      })
      .catch((error: unknown) => {
        if (!writeOutcomeUnknown(error)) {
          announce({
            text: `Could not link ${describe(link)} again. ${errorMessage(error)}`,
            tone: 'error',
            action: { label: 'Try again', onAction: () => undoUnlink(link) },
          })
          return
        }
        // The POST may have landed: the roster was read again; never offer to resend
        // it blind (on a server without the 409 rule that links them twice).
        const fresh = refreshedRoster()
        const now = fresh?.find((entry) => entry.contact_id === link.contact_id)
        announce(
          now
            ? {
                text: `Linked ${describe(now)} again: the server did not confirm it, but the refreshed roster shows them.`,
                tone: 'success',
              }
            : {
                text: unconfirmedWriteMessage(`linking ${describe(link)} again`, fresh !== null),
                tone: 'error',
              },
        )
      })
  }

  const confirmUnlink = (link: PropertyContact) => {
    setDialog(null)
    // The entry (and the button that opened the dialog) is about to go: keep
    // keyboard focus in the roster rather than losing it to the page.
    setTimeout(() => headingRef.current?.focus(), 0)
    unlink
      .mutateAsync(link)
      .then(() => {
        announce({
          text: `Unlinked ${describe(link)}.`,
          tone: 'success',
          action: { label: 'Undo', onAction: () => undoUnlink(link) },
          focusAction: document.activeElement === headingRef.current,
        })
      })
      .catch((error: unknown) => {
        if (error instanceof MethodNotAllowedError) markRefused('delete')
        if (!writeOutcomeUnknown(error)) {
          announce({
            text: `Could not unlink ${describe(link)}. ${errorMessage(error)}`,
            tone: 'error',
          })
          return
        }
        // The roster was read again: it tells whether the unlink happened.
        const fresh = refreshedRoster()
        if (fresh && !fresh.some((entry) => entry.contact_id === link.contact_id)) {
          announce({
            text: `Unlinked ${describe(link)}: the server did not confirm it, but the refreshed roster no longer shows them.`,
            tone: 'success',
            action: { label: 'Undo', onAction: () => undoUnlink(link) },
            focusAction: document.activeElement === headingRef.current,
          })
          return
        }
        announce({
          text: unconfirmedWriteMessage(`unlinking ${describe(link)}`, fresh !== null),
          tone: 'error',
        })
      })
  }

  const saveEdit = (
    link: PropertyContact,
    values: EditLinkValues,
    patch: Parameters<typeof update.mutateAsync>[0]['patch'],
  ) => {
    setDialog(null)
    // A new role moves the entry to another group, and the Edit button the dialog
    // gives focus back to goes with it: see the effect that follows the entry.
    refocusEdit.current = `Edit ${fullName(link.contact)}`
    update
      .mutateAsync({ contactId: link.contact_id, patch })
      .finally(() => {
        // Past the re-render that shows the server's answer.
        setTimeout(() => {
          if (refocusEdit.current === `Edit ${fullName(link.contact)}`) refocusEdit.current = null
        }, 1000)
      })
      .then(() => {
        announce({ text: `Saved changes to ${fullName(link.contact)}.`, tone: 'success' })
      })
      .catch((error: unknown) => {
        if (writeOutcomeUnknown(error)) {
          // The roster was read again; a PUT is safe to send again, from what it shows.
          const fresh = refreshedRoster()
          const now = fresh?.find((entry) => entry.contact_id === link.contact_id) ?? link
          announce({
            text: unconfirmedWriteMessage(
              `the changes to ${fullName(link.contact)}`,
              fresh !== null,
            ),
            tone: 'error',
            action: {
              label: 'Edit again',
              onAction: () => {
                setDialog({ kind: 'edit', link: now, draft: values })
              },
            },
          })
          return
        }
        const text = `Could not save changes to ${fullName(link.contact)}. ${errorMessage(error)} Your changes were not applied.`
        if (error instanceof MethodNotAllowedError) {
          // Offering "Edit again" would only fail the same way.
          markRefused('update')
          announce({ text, tone: 'error' })
          return
        }
        announce({
          text,
          tone: 'error',
          action: {
            label: 'Edit again',
            onAction: () => {
              setDialog({ kind: 'edit', link, draft: values })
            },
          },
        })
      })
  }

  const total = allLinks?.length ?? 0
  const visibleCount = roster.data?.visible.length ?? 0
  const filtered = hasFilters(filters)

  return (
    <section className="roster" aria-labelledby="roster-heading" ref={sectionRef}>
      <div className="roster-header">
        <h2 id="roster-heading" ref={headingRef} tabIndex={-1}>
          Contacts on this deal
          {roster.data && <span className="heading-count"> ({total})</span>}
        </h2>
        <div className="roster-actions">
          <Link href={`/properties/${propertyId}/setup`} className="button">
            Set up transaction
          </Link>
          <button
            type="button"
            className="button button-primary"
            onPointerEnter={preload(loadLinkDialog)}
            onFocus={preload(loadLinkDialog)}
            onClick={() => {
              setDialog({ kind: 'link' })
            }}
          >
            Link contact
          </button>
        </div>
      </div>

      <RateLimitNotice failureReason={roster.failureReason} isFetching={roster.isFetching} />
      {refused.size > 0 && <p className="callout callout-muted">{refusedNotice(refused)}</p>}
      {roster.isPending ? (
        <RosterSkeleton />
      ) : roster.isError ? (
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
            onPointerEnter={preload(loadLinkDialog)}
            onClick={() => {
              setDialog({ kind: 'link' })
            }}
          >
            Link the first contact
          </button>
        </div>
      ) : (
        <>
          <RosterFilters
            key={filterKey}
            filters={filters}
            groups={groups}
            onChange={onFiltersChange}
          />
          <p className="roster-summary" aria-live="polite">
            {filtered
              ? `Showing ${visibleCount} of ${total} contacts.`
              : `${total} contacts in ${groups.length} roles.`}
            {filtered && (
              <button
                type="button"
                className="button-link"
                onClick={() => {
                  setFilterKey((key) => key + 1)
                  onFiltersChange(NO_FILTERS)
                  // This button goes away with the filters: focus the first filter.
                  setTimeout(() => sectionRef.current?.querySelector('select')?.focus(), 0)
                }}
              >
                Clear filters
              </button>
            )}
          </p>
          {visibleCount === 0 ? (
            <div className="empty-state">
              <p>No contacts match these filters.</p>
            </div>
          ) : (
            <div className="roster-groups" aria-busy={roster.isFetching || shown < visibleCount}>
              {shownGroups.map((group) => {
                const headingId = `role-${group.key.replace(/[^a-z0-9]+/g, '-') || 'none'}`
                return (
                  <section key={group.key} className="role-group" aria-labelledby={headingId}>
                    <h3 id={headingId} className="role-heading">
                      {group.label} <span className="heading-count">({group.total})</span>
                    </h3>
                    <ul className="entries">
                      {group.links.map((link) => (
                        <RosterEntry
                          key={link.id}
                          link={link}
                          canEdit={!refused.has('update')}
                          canUnlink={!refused.has('delete')}
                          onEdit={openEdit}
                          onUnlink={openUnlink}
                        />
                      ))}
                    </ul>
                  </section>
                )
              })}
            </div>
          )}
        </>
      )}

      <Suspense fallback={null}>
        {dialog?.kind === 'link' && (
          <LinkContactDialog
            propertyId={propertyId}
            roster={allLinks ?? []}
            onClose={closeDialog}
            onLinked={(link, confirmed) => {
              setDialog(null)
              announce({
                text: confirmed
                  ? `Linked ${describe(link)}.`
                  : `Linked ${describe(link)}: the server did not confirm it, but the refreshed roster shows them.`,
                tone: 'success',
              })
            }}
          />
        )}
        {dialog?.kind === 'edit' && (
          <EditLinkDialog
            link={dialog.link}
            draft={dialog.draft}
            roster={allLinks ?? []}
            onClose={closeDialog}
            onSave={(values, patch) => {
              saveEdit(dialog.link, values, patch)
            }}
          />
        )}
        {dialog?.kind === 'unlink' && (
          <UnlinkDialog
            link={dialog.link}
            onClose={closeDialog}
            onConfirm={() => {
              confirmUnlink(dialog.link)
            }}
          />
        )}
      </Suspense>
    </section>
  )
}
