// Which roles each kind of deal is expected to have: the defaults, and how a team's own
// list (a JSON file named by ROSTER_CHECKLIST, checked by the server at start with
// checklist-file.ts) travels with the page; the browser checks it again, like every input,
// and keeps the defaults when there is none. Framework-free, with extensions on its
// imports: the servers and Vite's config loader reach it too.
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

/**
 * The checklist as the page carries it: checked and completed by the server already
 * (checklist-file.ts), so the browser only checks its shape, with the schemas the first
 * load has anyway.
 */
const SentChecklistSchema = z.lazy(() =>
  z.object({
    Buyer: z.array(z.array(RoleSchema)),
    Seller: z.array(z.array(RoleSchema)),
    Dual: z.array(z.array(RoleSchema)),
  }),
)

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
    return SentChecklistSchema.safeParse(JSON.parse(text)).data ?? DEFAULT_CHECKLIST
  } catch {
    return DEFAULT_CHECKLIST
  }
}
