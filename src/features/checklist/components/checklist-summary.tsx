import { useId, useMemo } from 'react'
import type { ClientType, PropertyContact } from '../../../api'
import { listed } from '../../../api/roles'
import { fullName } from '../../../lib/format'
import { preloadLinkDialog } from '../../property-contacts/components/roster-dialogs'
import type { EditLinkValues } from '../../property-contacts/link-form-schema'
import { useRosterDialogs } from '../../property-contacts/components/roster-dialogs-provider'
import { useChecklistConfig } from '../checklist-context'
import { checkRoster, withArticle, type ChecklistIssue } from '../checklist-rules'

interface ChecklistSummaryProps {
  clientType: ClientType
  /** The whole roster, as the roster section has it (its query, so a new link shows at once). */
  links: readonly PropertyContact[]
}

/**
 * What the roster is missing against its deal type's checklist, above the roster:
 * "6 of 7 filled · missing: Lender", each gap and each flagged role with the button
 * that fixes it. It is given the roster the roster section shows, so a link made in a
 * dialog shows here at once. A complete roster gets one quiet line.
 */
export function ChecklistSummary({ clientType, links }: ChecklistSummaryProps) {
  const config = useChecklistConfig()
  const result = useMemo(() => checkRoster(config, clientType, links), [config, clientType, links])
  const headingId = useId()
  const { openLinkFor, openEdit } = useRosterDialogs()
  if (result.slots.length === 0) return null
  const expected = result.slots.length

  if (result.complete) {
    return (
      <p className="checklist checklist-complete">
        {`Checklist complete: all ${String(expected)} expected roles filled.`}
      </p>
    )
  }
  return (
    <section className="checklist" aria-labelledby={headingId}>
      <p id={headingId} className="checklist-heading">
        {`Checklist: ${String(result.filled)} of ${String(expected)} filled`}
        {result.missing.length > 0 &&
          ` · missing: ${listed(result.missing.map((slot) => slot.label))}`}
      </p>
      <ul className="checklist-fixes">
        {result.missing.map((slot) => (
          <li key={slot.label}>
            <button
              type="button"
              className="button"
              onPointerEnter={preloadLinkDialog}
              onFocus={preloadLinkDialog}
              onClick={() => {
                // Nobody holds the role yet: whoever is linked becomes its primary.
                openLinkFor({ role: slot.roles[0] ?? slot.label, primary: true })
              }}
            >
              {`Link ${withArticle(slot.label)}`}
            </button>
          </li>
        ))}
        {result.issues.map((issue) => (
          <IssueItem
            key={`${issue.kind}:${issue.role}`}
            issue={issue}
            onLink={(role) => {
              openLinkFor({ role, primary: true })
            }}
            onEdit={openEdit}
          />
        ))}
      </ul>
    </section>
  )
}

function IssueItem({
  issue,
  onLink,
  onEdit,
}: {
  issue: ChecklistIssue
  onLink: (role: string) => void
  onEdit: (link: PropertyContact, draft: EditLinkValues) => void
}) {
  // The edit dialog opens with the fix ticked (or unticked) already: Save makes it.
  const edit = (link: PropertyContact | undefined, primary: boolean, label: string) =>
    link && (
      <button
        type="button"
        className="button"
        onClick={() => {
          // The form's rules are code for the dialogs (loaded with them, not on first load).
          void import('../../property-contacts/link-form-schema').then(({ editValuesFor }) => {
            onEdit(link, { ...editValuesFor(link), primary })
          })
        }}
      >
        {label}
      </button>
    )
  switch (issue.kind) {
    case 'no-primary':
      return (
        <li>
          <span>{issue.role} has no primary.</span>{' '}
          {issue.links[0] &&
            edit(issue.links[0], true, `Make ${fullName(issue.links[0].contact)} primary`)}
        </li>
      )
    case 'two-primaries': {
      const names = issue.primaries.map((link) => fullName(link.contact))
      return (
        <li>
          <span>
            {issue.role} has {issue.primaries.length} primaries: {listed(names)}.
          </span>{' '}
          {issue.primaries[1] &&
            edit(issue.primaries[1], false, `Keep ${names[0] ?? ''} as the only primary`)}
        </li>
      )
    }
    case 'unreachable':
      return (
        <li>
          <span>
            {fullName(issue.primary.contact)}, the primary {issue.role}, can’t be reached: no email
            or phone.
          </span>{' '}
          <button
            type="button"
            className="button"
            onPointerEnter={preloadLinkDialog}
            onClick={() => {
              onLink(issue.role)
            }}
          >
            {`Link another ${issue.role}`}
          </button>
        </li>
      )
  }
}
