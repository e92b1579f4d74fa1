// The file a team writes for ROSTER_CHECKLIST, checked by the server when it starts
// (src/server/checklist-config.ts): what each deal type expects, a place being one role
// or a list of roles any of which fills it. Only the servers and the tests use this;
// the page carries the checked result (checklist-config.ts).
import * as z from 'zod/mini'
import { roleKey, RoleSchema } from '../../api/roles.ts'
import { bothSides, type ChecklistConfig } from './checklist-config.ts'

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
