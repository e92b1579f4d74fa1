// What a transaction setup asks for, validated before anything is read or written:
// a mistake in the input is reported per row, so a form can show it in place.
import * as z from 'zod/mini'
import { ValidationError } from '../errors'
import { roleKey, roleSchema, roleText } from '../roles'
import {
  primaryCollisionMessage,
  primaryCollisions,
  repeatedContactMessage,
  repeatedContacts,
} from '../roster-rules'
import { fieldErrorsOf } from '../schemas'

/** A seller or buyer: a contact id, or one with an explicit primary flag. */
export type PartyRow = number | { id: number; primary?: boolean }

/** An agent or other participant: a contact in a named role. */
export interface RoleRow {
  id: number
  role: string
  primary?: boolean
}

export interface TransactionSetupInput {
  /** Linked as "Seller"; the first is primary unless a row says `primary` itself. */
  sellers: readonly PartyRow[]
  /** Linked as "Buyer"; the first is primary unless a row says `primary` itself. */
  buyers: readonly PartyRow[]
  /** Primary by default, as the documented Python `setup_property_transaction` does. */
  agents: readonly RoleRow[]
  /** Anyone else (lender, inspector…); not primary unless said. */
  others?: readonly RoleRow[]
}

/** One link the input asks for, with `at` naming its row (`sellers.1`) for messages. */
export interface DesiredLink {
  at: string
  contactId: number
  /** As it is stored and sent (roleText): trimmed, format characters gone. */
  role: string
  primary: boolean
}

const ContactIdSchema = z
  .int({
    error: (issue) =>
      issue.input === undefined || issue.input === null || issue.input === ''
        ? 'This row has no contact: pick one or remove the row'
        : 'Contact id must be a positive whole number',
  })
  .check(z.positive({ error: 'Contact id must be a positive whole number' }))

const PrimarySchema = z.optional(z.boolean({ error: 'primary must be true or false' }))

const RoleNameSchema = roleSchema('Give this row a role')

/** A bare id is a row with only an id; so a missing id always reports at the same place. */
const asRow = z.transform((value: unknown) =>
  value !== null && typeof value === 'object' ? value : { id: value },
)

const PartyRowSchema = z.pipe(asRow, z.object({ id: ContactIdSchema, primary: PrimarySchema }))
const RoleRowSchema = z.pipe(
  asRow,
  z.object({ id: ContactIdSchema, role: RoleNameSchema, primary: PrimarySchema }),
)

const listOf = <T extends z.ZodMiniType>(row: T, name: string) =>
  z.array(row, { error: `${name} must be a list (it may be empty)` })

type Issues = z.core.ParsePayload['issues']

const LISTS = [
  ['sellers', 'Seller'],
  ['buyers', 'Buyer'],
  ['agents', true],
  ['others', false],
] as const

function field(value: unknown, name: string): unknown {
  return value !== null && typeof value === 'object'
    ? (value as Record<string, unknown>)[name]
    : undefined
}

/**
 * The links the rows ask for, defaults applied: a party list's first row is primary
 * unless any row claims it; agents are primary, others not, unless said. Lenient on
 * purpose: it also runs over input that failed row checks (skipping unusable rows),
 * so duplicates and double primaries are reported along with the row errors.
 */
function desiredOf(input: unknown): DesiredLink[] {
  const links: DesiredLink[] = []
  for (const [list, roleOrDefault] of LISTS) {
    const rows: unknown = field(input, list)
    if (!Array.isArray(rows)) continue
    const claimed = rows.some((row) => field(row, 'primary') === true)
    rows.forEach((row: unknown, i) => {
      const id = z.safeParse(ContactIdSchema, typeof row === 'object' ? field(row, 'id') : row)
      const role = typeof roleOrDefault === 'string' ? roleOrDefault : field(row, 'role')
      if (!id.success || typeof role !== 'string' || roleKey(role) === '') return
      const primary = field(row, 'primary')
      const byDefault = typeof roleOrDefault === 'string' ? i === 0 && !claimed : roleOrDefault
      links.push({
        at: `${list}.${i}`,
        contactId: id.data,
        role: roleText(role),
        primary: typeof primary === 'boolean' ? primary : byDefault,
      })
    })
  }
  return links
}

function issueAt(issues: Issues, at: string, message: string, input: unknown): void {
  const path = at.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))
  issues.push({ code: 'custom', message, input, path })
}

/** A property has one link per contact, and at most one primary per role. */
function checkAcrossRows(links: readonly DesiredLink[], issues: Issues): void {
  for (const { first, again } of repeatedContacts(links, (link) => link.contactId)) {
    const message = repeatedContactMessage(`Contact ${again.contactId}`, first.at, again.at)
    issueAt(issues, first.at, message, first.contactId)
    issueAt(issues, again.at, message, again.contactId)
  }
  const collisions = primaryCollisions(
    links,
    (link) => link.role,
    (link) => link.primary,
  )
  for (const group of collisions) {
    const message = primaryCollisionMessage(
      group[0]?.role ?? '',
      group.map((link) => link.at),
      'Set primary: false on all but one (agents are primary unless said).',
    )
    for (const link of group) issueAt(issues, link.at, message, link.primary)
  }
}

/** The input schema (for a form resolver too): rows in, the links to set up out. */
export const TransactionSetupInputSchema = z.pipe(
  z
    .object(
      {
        sellers: listOf(PartyRowSchema, 'sellers'),
        buyers: listOf(PartyRowSchema, 'buyers'),
        agents: listOf(RoleRowSchema, 'agents'),
        others: z.optional(listOf(RoleRowSchema, 'others')),
      },
      { error: 'Give sellers, buyers and agents (others is optional)' },
    )
    .check(
      z.superRefine(
        (input: unknown, ctx) => {
          checkAcrossRows(desiredOf(input), ctx.issues)
        },
        // Also when some rows failed, so that every problem shows at once.
        { when: (payload) => payload.value !== null && typeof payload.value === 'object' },
      ),
    ),
  z.transform((input) => desiredOf(input)),
)

/**
 * The links the input asks for, or a ValidationError (status 0: nothing was sent)
 * whose `errors` are keyed by row (`sellers.1`): an id problem, a duplicate or a
 * second primary belongs to the row; a role or primary type problem to its field
 * (`agents.0.role`). `_` is the input as a whole.
 */
export function parseTransactionSetup(input: TransactionSetupInput): DesiredLink[] {
  const result = z.safeParse(TransactionSetupInputSchema, input)
  if (result.success) return result.data
  const errors: Record<string, string[]> = {}
  for (const [field, messages] of Object.entries(fieldErrorsOf(result.error.issues))) {
    const key = field.replace(/\.id$/, '')
    for (const message of messages) {
      const list = (errors[key] ??= [])
      if (!list.includes(message)) list.push(message)
    }
  }
  const fields = Object.entries(errors)
  const summary = fields
    .slice(0, 2)
    .map(([field, messages]) => `${field}: ${messages.join(', ')}`)
    .join('; ')
  const more = fields.length > 2 ? ` (and ${fields.length - 2} more)` : ''
  throw new ValidationError(`Not sent: ${summary}${more}`, errors, { status: 0 })
}
