// Which roles each kind of deal is expected to have: the defaults, and the schema of a
// team's own list (a JSON file named by ROSTER_CHECKLIST, read by the server at start:
// src/server/checklist-config.ts). The server checks the file with this schema and
// sends the result with the page; the browser checks it again, as any input, and keeps
// the defaults when there is none. Framework-free, with extensions on its imports: the
// servers and Vite's config loader reach it too.
import * as z from 'zod/mini'
import { roleKey, RoleSchema } from '../../api/roles.ts'
import type { ClientType } from '../../api/schemas.ts'

/** One place on a deal: filled by a contact in any of these roles ("A or B"). */
export type ChecklistSlot = readonly string[]

/** The expected places of each deal type (a property's client_type). */
export type ChecklistConfig = Readonly<Record<ClientType, readonly ChecklistSlot[]>>

const SELLER_SIDE: ChecklistSlot[] = [
  ['Seller'],
  ['Listing Agent'],
  ['Title Officer', 'Escrow Officer'],
]
const BUYER_SIDE: ChecklistSlot[] = [
  ['Buyer'],
  ['Buyer Agent'],
  ['Lender'],
  ['Inspector'],
  ['Title Officer', 'Escrow Officer'],
]

/** A slot's identity: its roles' keys, in any order. */
function slotKey(slot: ChecklistSlot): string {
  return slot.map(roleKey).sort().join('\n')
}

/** Both sides of a deal: the seller's places, then the buyer's it does not have already. */
export function bothSides(
  seller: readonly ChecklistSlot[],
  buyer: readonly ChecklistSlot[],
): ChecklistSlot[] {
  const seen = new Set(seller.map(slotKey))
  const buyerOnly = buyer.filter((slot) => !seen.has(slotKey(slot)))
  // The parties and their agents first, as the roster orders them.
  return [
    ...seller.slice(0, 2),
    ...buyerOnly.slice(0, 2),
    ...seller.slice(2),
    ...buyerOnly.slice(2),
  ]
}

export const DEFAULT_CHECKLIST: ChecklistConfig = {
  Seller: SELLER_SIDE,
  Buyer: BUYER_SIDE,
  Dual: bothSides(SELLER_SIDE, BUYER_SIDE),
}

// A slot is one role ("Lender") or a list of roles any of which fills it.
const SlotSchema = z.pipe(
  z.union([RoleSchema, z.array(RoleSchema).check(z.minLength(1, 'List at least one role'))], {
    error: 'Expected a role, or a list of roles any of which fills the place',
  }),
  z.transform((slot): string[] => (typeof slot === 'string' ? [slot] : slot)),
)

/** A deal type's slots; no role may be expected twice (it would fill two places at once). */
const SlotsSchema = z.array(SlotSchema, { error: 'Expected a list of roles' }).check(
  z.superRefine((slots: string[][], ctx) => {
    const seen = new Set<string>()
    slots.forEach((slot, index) => {
      // A slot that failed its own checks is not an array of roles yet.
      if (!Array.isArray(slot)) return
      slot.forEach((role, position) => {
        const key = roleKey(role)
        if (seen.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, position],
            message: `${role} is listed more than once`,
            input: role,
          })
        }
        seen.add(key)
      })
    })
  }),
)

/**
 * A team's checklist: Buyer and Seller required, Dual optional (both sides, by default).
 * Unknown keys are refused, so a typo ("buyer") is not silently ignored.
 */
export const ChecklistConfigSchema = z.pipe(
  z.strictObject(
    { Buyer: SlotsSchema, Seller: SlotsSchema, Dual: z.optional(SlotsSchema) },
    { error: 'Expected an object of role lists: Buyer, Seller and (optionally) Dual' },
  ),
  z.transform(({ Buyer, Seller, Dual }): ChecklistConfig => ({
    Buyer,
    Seller,
    Dual: Dual ?? bothSides(Seller, Buyer),
  })),
)

/** One line for the first problem of a parse: where in the file, and what is wrong. */
export function describeChecklistProblem(error: z.core.$ZodError): string {
  const [first] = error.issues
  if (!first) return 'not a checklist'
  const where = first.path.length === 0 ? 'the file' : first.path.map(String).join('.')
  // zod/mini carries no wording of its own for an unknown key.
  const message =
    first.code === 'unrecognized_keys'
      ? `unknown ${first.keys.length === 1 ? 'key' : 'keys'} ${first.keys.join(', ')} (expected Buyer, Seller, Dual)`
      : first.message
  const more = error.issues.length > 1 ? ` (and ${String(error.issues.length - 1)} more)` : ''
  return `${where}: ${message}${more}`
}

/** The id of the `<script type="application/json">` element that carries a team's checklist. */
export const CHECKLIST_ELEMENT_ID = 'roster-checklist'

/**
 * The element the servers add to the page for a team's checklist: JSON with every `<`
 * escaped, so no role can end the element early. A data block, not a script: the CSP
 * does not run it and needs no hash for it.
 */
export function checklistElement(config: ChecklistConfig): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c')
  return `<script type="application/json" id="${CHECKLIST_ELEMENT_ID}">${json}</script>`
}

/** The checklist the server sent with `document`, checked; the defaults without one. */
export function readChecklistConfig(document: Document): ChecklistConfig {
  const text = document.getElementById(CHECKLIST_ELEMENT_ID)?.textContent
  if (!text) return DEFAULT_CHECKLIST
  try {
    return ChecklistConfigSchema.safeParse(JSON.parse(text)).data ?? DEFAULT_CHECKLIST
  } catch {
    return DEFAULT_CHECKLIST
  }
}
