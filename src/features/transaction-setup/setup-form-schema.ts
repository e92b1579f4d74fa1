import * as z from 'zod/mini'
import {
  OTHER_ROLE,
  chosenRole,
  primaryCollisionMessage,
  primaryCollisions,
  repeatedContactMessage,
  repeatedContacts,
  roleChoiceProblem,
  type Contact,
} from '../../api'
import type { TransactionSetupInput } from '../../api/transaction-setup'
import { fullName } from '../../lib/format'

export type SectionName = 'sellers' | 'buyers' | 'agents' | 'others'

// The role picker's "Other…" value, from the role rules (re-exported for the form's callers).
export { OTHER_ROLE }
export const AGENT_ROLES = ['Listing Agent', 'Buyer Agent'] as const

export interface SectionInfo {
  name: SectionName
  title: string
  /** How one row is called: "Seller 2". */
  rowLabel: string
  /** The role every row has, or null when each row picks one. */
  fixedRole: string | null
  addLabel: string
}

export const SECTIONS: readonly SectionInfo[] = [
  {
    name: 'sellers',
    title: 'Sellers',
    rowLabel: 'Seller',
    fixedRole: 'Seller',
    addLabel: 'Add seller',
  },
  { name: 'buyers', title: 'Buyers', rowLabel: 'Buyer', fixedRole: 'Buyer', addLabel: 'Add buyer' },
  { name: 'agents', title: 'Agents', rowLabel: 'Agent', fixedRole: null, addLabel: 'Add agent' },
  {
    name: 'others',
    title: 'Other parties',
    rowLabel: 'Party',
    fixedRole: null,
    addLabel: 'Add another party',
  },
]

// A picked contact is one the client already parsed; the form only carries it.
const PickedContactSchema = z.custom<Contact>(
  (value: unknown) => typeof value === 'object' && value !== null && 'id' in value,
)

const SetupRowSchema = z.object({
  contact: z.nullable(PickedContactSchema),
  roleChoice: z.string(),
  otherRole: z.string(),
  primary: z.boolean(),
})
export type SetupRow = z.output<typeof SetupRowSchema>

const rows = z.array(SetupRowSchema)

export function rowRole(section: SectionInfo, row: SetupRow): string {
  if (section.fixedRole) return section.fixedRole
  return chosenRole(row.roleChoice, row.otherRole)
}

export const emptyRow = (roleChoice = '', primary = false): SetupRow => ({
  contact: null,
  roleChoice,
  otherRole: '',
  primary,
})

const roleKey = (role: string) => role.trim().toLowerCase()

/**
 * Whether `row` of `section` would be the only row of its role in the form
 * (`index`: where it is now, left out of the count; absent for a row not yet added).
 * A row without a role yet is not: it has no role to be the primary of.
 */
export function isOnlyRowOfRole(
  values: Record<SectionName, readonly SetupRow[]>,
  section: SectionInfo,
  row: SetupRow,
  index?: number,
): boolean {
  const key = roleKey(rowRole(section, row))
  if (key === '') return false
  return SECTIONS.every((other) =>
    values[other.name].every(
      (entry, at) =>
        (other.name === section.name && at === index) || roleKey(rowRole(other, entry)) !== key,
    ),
  )
}

/** Marks a rule about two rows: changing one row can make or clear it on another. */
const CROSS_ROW = { crossRow: true }

/** One row of the form, where its messages go. */
interface PlacedRow {
  row: SetupRow
  section: SectionInfo
  index: number
  /** How the user sees it: "Seller 2". */
  label: string
  role: string
}

function placedRows(values: Record<SectionName, readonly SetupRow[]>): PlacedRow[] {
  return SECTIONS.flatMap((section) =>
    values[section.name].map((row, index) => ({
      row,
      section,
      index,
      label: `${section.rowLabel} ${index + 1}`,
      role: rowRole(section, row),
    })),
  )
}

const pathOf = (placed: PlacedRow, field: keyof SetupRow) => [
  placed.section.name,
  placed.index,
  field,
]

/**
 * The form's rules, on the row where the user can fix them: a row without a
 * contact, a row without a role, one contact twice (on the row repeating it), two
 * primaries in one role (on each of them).
 */
export const SetupFormSchema = z
  .object({ sellers: rows, buyers: rows, agents: rows, others: rows })
  .check(
    z.superRefine((values, ctx) => {
      const placed = placedRows(values)
      const repeats = new Map(
        repeatedContacts(placed, (entry) => entry.row.contact?.id).map(
          ({ first, again }) => [again, first] as const,
        ),
      )
      for (const entry of placed) {
        const { row, section } = entry
        const first = repeats.get(entry)
        if (!row.contact) {
          ctx.addIssue({
            code: 'custom',
            path: pathOf(entry, 'contact'),
            message: 'Pick a contact or remove this row',
          })
        } else if (first) {
          ctx.addIssue({
            code: 'custom',
            path: pathOf(entry, 'contact'),
            message: repeatedContactMessage(fullName(row.contact), first.label, entry.label),
            params: CROSS_ROW,
          })
        }
        const problem = section.fixedRole ? null : roleChoiceProblem(row.roleChoice, row.otherRole)
        if (problem !== null) {
          ctx.addIssue({
            code: 'custom',
            path: pathOf(entry, problem.field === 'choice' ? 'roleChoice' : 'otherRole'),
            message: problem.message,
          })
        }
      }
      const collisions = primaryCollisions(
        placed,
        (entry) => entry.role,
        (entry) => entry.row.primary,
      )
      for (const group of collisions) {
        const message = primaryCollisionMessage(
          group[0]?.role ?? '',
          group.map((entry) => entry.label),
        )
        for (const entry of group) {
          ctx.addIssue({
            code: 'custom',
            path: pathOf(entry, 'primary'),
            message,
            params: CROSS_ROW,
          })
        }
      }
    }),
  )
export type SetupFormValues = z.output<typeof SetupFormSchema>

const ROW_FIELDS = ['contact', 'roleChoice', 'otherRole', 'primary'] as const
type RowFieldPath = `${SectionName}.${number}.${(typeof ROW_FIELDS)[number]}`

/**
 * The fields whose message may be out of date after a change: those showing one
 * now, and those a rule about two rows (a duplicate, two primaries) now flags.
 * React Hook Form re-checks only the field that changed; these are the rest.
 */
export function fieldsToRecheck(
  values: SetupFormValues,
  hasMessage: (path: RowFieldPath) => boolean,
): RowFieldPath[] {
  const paths = new Set<RowFieldPath>()
  for (const section of SECTIONS) {
    values[section.name].forEach((_row, index) => {
      for (const field of ROW_FIELDS) {
        const path: RowFieldPath = `${section.name}.${index}.${field}`
        if (hasMessage(path)) paths.add(path)
      }
    })
  }
  const result = SetupFormSchema.safeParse(values)
  for (const issue of result.error?.issues ?? []) {
    if (issue.code !== 'custom' || issue.params?.crossRow !== true) continue
    const [section, index, field] = issue.path
    if (typeof section === 'string' && typeof index === 'number' && typeof field === 'string') {
      paths.add(`${section}.${index}.${field}` as RowFieldPath)
    }
  }
  return [...paths]
}

export const DEFAULT_SETUP: SetupFormValues = {
  sellers: [emptyRow('', true)],
  buyers: [emptyRow('', true)],
  agents: [emptyRow('Listing Agent', true), emptyRow('Buyer Agent', true)],
  others: [],
}

/** The client's setup input; every row says its primary flag, so no default applies. */
export function toSetupInput(values: SetupFormValues): TransactionSetupInput {
  // Validated before: every row has a contact here (0 would be refused, never sent).
  const idOf = (row: SetupRow) => row.contact?.id ?? 0
  const roleRows = (section: SectionInfo) =>
    values[section.name].map((row) => ({
      id: idOf(row),
      role: rowRole(section, row),
      primary: row.primary,
    }))
  const [, , agents, others] = SECTIONS as [SectionInfo, SectionInfo, SectionInfo, SectionInfo]
  return {
    sellers: values.sellers.map((row) => ({ id: idOf(row), primary: row.primary })),
    buyers: values.buyers.map((row) => ({ id: idOf(row), primary: row.primary })),
    agents: roleRows(agents),
    others: roleRows(others),
  }
}

export function isEmptyForm(values: SetupFormValues): boolean {
  return SECTIONS.every((section) => values[section.name].every((row) => row.contact === null))
}
