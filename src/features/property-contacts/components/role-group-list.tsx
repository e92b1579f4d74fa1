import type { ShownRoleGroup } from '../role-groups'
import { useRosterDialogs } from './roster-dialogs-provider'
import { RosterEntry } from './roster-entry'

interface RoleGroupListProps {
  groups: readonly ShownRoleGroup[]
  /** Still filling in (a long roster renders in steps) or being read again. */
  busy: boolean
  canEdit: boolean
  canUnlink: boolean
  registerEditButton: (contactId: number, button: HTMLButtonElement) => () => void
}

/** The roster's role groups, each a region named by its heading, e.g. "Buyers (2)". */
export function RoleGroupList({
  groups,
  busy,
  canEdit,
  canUnlink,
  registerEditButton,
}: RoleGroupListProps) {
  // Stable openers, so that entries already on screen are not rendered again.
  const { openEdit, openUnlink } = useRosterDialogs()
  return (
    <div className="roster-groups" aria-busy={busy}>
      {groups.map((group) => {
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
                  canEdit={canEdit}
                  canUnlink={canUnlink}
                  onEdit={openEdit}
                  onUnlink={openUnlink}
                  registerEditButton={registerEditButton}
                />
              ))}
            </ul>
          </section>
        )
      })}
    </div>
  )
}
