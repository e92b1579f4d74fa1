// Role rules, once: what counts as the same role, what a role is stored as, and which
// roles are refused. The client's schemas, the mock backend, the transaction planner
// and the UI all use these, so they cannot disagree about which contact is a role's
// primary. Framework-free like the rest of src/api.
import * as z from 'zod/mini'
// With its extension, like every import on the mock backend's path: Vite's config
// loader reaches this module through the mock (see src/mocks/vite-plugin.ts).
import { characterCount } from './text.ts'

// Before any schema is defined (this module may be evaluated before schemas.ts).
z.config({ jitless: true })

/** The roles coordinators pick from; anything else is entered as "Other". */
export const STANDARD_ROLES = [
  'Seller',
  'Buyer',
  'Listing Agent',
  'Buyer Agent',
  'Inspector',
  'Lender',
  'Escrow Officer',
  'Title Officer',
  'Appraiser',
  'Attorney',
  'Transaction Coordinator',
] as const

/** At most this many characters (code points) in a role, as stored. */
export const ROLE_MAX = 100

/** Format characters (zero-width space, ZWJ, BOM, bidi marks…) and the spaces around them. */
const FORMAT_RUN = /\s*\p{Cf}[\p{Cf}\s]*/gu

/**
 * A role as it is stored and sent: the user's text, trimmed, in NFC, with each run
 * of invisible format characters turned into one space. So "Buyer\u200b" is saved
 * as "Buyer", and "Buy\u200ber" as "Buy er" (the space it is compared as shows).
 */
export function roleText(role: string): string {
  return role.replace(FORMAT_RUN, ' ').normalize('NFC').trim()
}

/**
 * What roles are compared by: format characters as spaces, NFKC (fullwidth and other
 * compatibility forms become plain letters), case folded, runs of spaces as one,
 * trimmed. A missing role (null, undefined) is '' — the same group as a role that is
 * blank after all this, which no rule here lets anyone save: "no role".
 *
 * JavaScript has no case fold; upper- then lower-casing comes close to Unicode's full
 * folding (ß → ss, ﬁ → fi, final ς → σ) and is locale-independent. It also makes the
 * Turkish dotless ı one with i; the dotted İ lower-cases to i + U+0307, and that dot is
 * dropped, so İnspector, INSPECTOR and ınspector are one role.
 */
export function roleKey(role: string | null | undefined): string {
  if (role === null || role === undefined) return ''
  return role
    .replace(/\p{Cf}/gu, ' ')
    .normalize('NFKC')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKC')
    .replace(/i\u0307/g, 'i')
    .replace(/\s+/g, ' ')
    .trim()
}

export function sameRole(a: string | null | undefined, b: string | null | undefined): boolean {
  return roleKey(a) === roleKey(b)
}

/** The standard spelling of a standard role ("  BUYER " → "Buyer"); other roles as stored. */
export function canonicalRole(role: string): string {
  const key = roleKey(role)
  return STANDARD_ROLES.find((standard) => roleKey(standard) === key) ?? roleText(role)
}

// Alphabets whose letters look alike: a role mixing them is a typo or a paste from
// somewhere else, and would be a second role that looks like the first.
const LOOKALIKE_SCRIPTS = [
  ['Latin', /(?=\p{L})\p{Script=Latin}/u],
  ['Cyrillic', /(?=\p{L})\p{Script=Cyrillic}/u],
  ['Greek', /(?=\p{L})\p{Script=Greek}/u],
] as const

/** "a", "a and b", "a, b and c": names in a sentence. */
export function listed(names: readonly string[]): string {
  return names.length <= 2
    ? names.join(' and ')
    : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`
}

/**
 * Why a role cannot be saved, or null when it can: blank once format characters and
 * spaces are gone, longer than ROLE_MAX characters as stored, or letters from more
 * than one of Latin, Cyrillic and Greek ("Buуer" with a Cyrillic у). A role wholly in
 * one of them, or in any other script, is fine.
 */
export function roleProblem(role: string): string | null {
  if (roleKey(role) === '') return 'Role cannot be empty'
  const text = roleText(role)
  if (characterCount(text) > ROLE_MAX) return `Role must be at most ${ROLE_MAX} characters`
  const scripts = LOOKALIKE_SCRIPTS.filter(([, letters]) => letters.test(text)).map(
    ([name]) => name,
  )
  if (scripts.length > 1) {
    return `Role mixes letters from different alphabets (${listed(scripts)}); retype it`
  }
  return null
}

/** A role field: refused per roleProblem, parsed to its stored text (roleText). */
export function roleSchema(typeError?: string) {
  return z.string(typeError === undefined ? undefined : { error: typeError }).check(
    z.overwrite(roleText),
    z.superRefine((role: string, ctx) => {
      const problem = roleProblem(role)
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, input: role })
    }),
  )
}

/** Built on first use, as every schema the page's script would otherwise build at start. */
export const RoleSchema = z.lazy(() => roleSchema())

/** A role picker's value for "type another role" (the link form's and the setup rows'). */
export const OTHER_ROLE = '__other__'

/** The role a picker's choice means: the typed text (as stored) for OTHER_ROLE, else the choice. */
export function chosenRole(choice: string, otherText: string): string {
  return choice === OTHER_ROLE ? roleText(otherText) : choice
}

/**
 * Why a picker's choice is no role that can be saved, and which of its two fields
 * says so: nothing chosen, "Other…" with no text, or typed text roleProblem refuses.
 */
export function roleChoiceProblem(
  choice: string,
  otherText: string,
): { field: 'choice' | 'other'; message: string } | null {
  if (choice === '') return { field: 'choice', message: 'Choose a role' }
  if (choice !== OTHER_ROLE) return null
  if (roleKey(otherText) === '') return { field: 'other', message: 'Type the role' }
  const problem = roleProblem(otherText)
  return problem === null ? null : { field: 'other', message: problem }
}
