import { Suspense, useLayoutEffect, useRef } from 'react'
import { GROUP_PREVIEW, type ShownRoleGroup } from '../role-groups'
import { useRosterDialogs } from './roster-dialogs-provider'
import { RosterEntry } from './roster-entry'

interface RoleGroupListProps {
  groups: readonly ShownRoleGroup[]
  /** Still filling in (a long roster renders in steps) or being read again. */
  busy: boolean
  canEdit: boolean
  canUnlink: boolean
  registerEditButton: (contactId: number, button: HTMLButtonElement) => () => void
  /** Keys of the collapsed groups (from the URL). */
  folded: ReadonlySet<string>
  onToggleFold: (key: string) => void
  /** Keys of the groups shown in full although long. */
  expanded: ReadonlySet<string>
  onShowAll: (key: string) => void
  /** Keys of the roles (on the whole roster) that have no primary contact. */
  withoutPrimary: ReadonlySet<string>
}

function idFor(key: string): string {
  return `role-${key.replace(/[^a-z0-9]+/g, '-') || 'none'}`
}

const FOCUSABLE = 'a[href], button:not(:disabled)'

/**
 * The roster's role groups, each a region named by its heading's button, e.g.
 * "Buyers (2)", which collapses it. A long group shows its first entries and "Show all".
 */
export function RoleGroupList({
  groups,
  busy,
  canEdit,
  canUnlink,
  registerEditButton,
  folded,
  onToggleFold,
  expanded,
  onShowAll,
  withoutPrimary,
}: RoleGroupListProps) {
  // Stable openers, so that entries already on screen are not rendered again.
  const { openEdit, openUnlink, openEditContact } = useRosterDialogs()
  const listRef = useRef<HTMLDivElement>(null)
  // After "Show all": focus the first newly shown entry once it is on screen (a long
  // roster renders in steps), so the user carries on where the button was.
  const pendingFocus = useRef<{ key: string; index: number } | null>(null)
  useLayoutEffect(() => {
    const pending = pendingFocus.current
    if (!pending || !listRef.current) return
    const item = listRef.current.querySelector<HTMLElement>(
      `#${idFor(pending.key)}-entries > li:nth-child(${pending.index + 1})`,
    )
    if (!item) return
    pendingFocus.current = null
    const target = item.querySelector<HTMLElement>(FOCUSABLE)
    if (target) target.focus()
    else {
      item.tabIndex = -1
      item.focus()
    }
  })

  return (
    <div className="roster-groups" aria-busy={busy} ref={listRef}>
      {groups.map((group) => {
        const id = idFor(group.key)
        const collapsed = folded.has(group.key)
        const noPrimary = withoutPrimary.has(group.key)
        const previewing = !collapsed && !expanded.has(group.key) && group.total > GROUP_PREVIEW
        // Each group its own Suspense boundary: a server-rendered roster hydrates group by
        // group, in short tasks, and a tap on a group not hydrated yet hydrates that
        // group first (React's selective hydration). Nothing in it suspends in the
        // browser, so the fallback never shows.
        return (
          <Suspense key={group.key} fallback={null}>
            <section className="role-group" aria-labelledby={`${id}-toggle`}>
              <h3 id={id} className="role-heading">
                <button
                  id={`${id}-toggle`}
                  type="button"
                  className="role-toggle"
                  aria-expanded={!collapsed}
                  aria-controls={`${id}-entries`}
                  onClick={() => {
                    onToggleFold(group.key)
                  }}
                >
                  {group.label} <span className="heading-count">({group.total})</span>
                </button>
                {noPrimary && <span className="role-no-primary"> · no primary</span>}
              </h3>
              <ul id={`${id}-entries`} className="entries" hidden={collapsed}>
                {group.links.map((link) => (
                  <RosterEntry
                    key={link.id}
                    link={link}
                    canEdit={canEdit}
                    canUnlink={canUnlink}
                    onEdit={openEdit}
                    onEditContact={openEditContact}
                    onUnlink={openUnlink}
                    registerEditButton={registerEditButton}
                  />
                ))}
              </ul>
              {previewing && (
                <button
                  type="button"
                  className="button-link role-show-all"
                  onClick={() => {
                    pendingFocus.current = { key: group.key, index: GROUP_PREVIEW }
                    onShowAll(group.key)
                  }}
                >
                  Show all {group.total}
                </button>
              )}
            </section>
          </Suspense>
        )
      })}
    </div>
  )
}
