// Is this someone already in the contacts? Duplicates are what users of these tools
// complain of most (merging after the fact is manual), so Roster checks before it
// creates: candidates come from the API's search (by email, phone digits and last name,
// see duplicateSearches), and are ranked here, on the client, by what they share.
import type { Contact } from '../../api'
import { editDistance, normalizeName } from '../../lib/closest-names'

/** What the user is about to create (the form's values, as typed). */
export interface ContactDraft {
  first_name: string
  last_name: string
  email: string
  phone: string
}

/** Strongest first: a shared email is almost certainly the same person. */
export type MatchReason = 'email' | 'phone' | 'name' | 'similar name'

export interface DuplicateMatch {
  contact: Contact
  reasons: MatchReason[]
}

/** Trimmed, lower case: "  Dana@Example.COM " → "dana@example.com". */
export function normalizeEmail(email: string | null | undefined): string {
  return (email ?? '').trim().toLowerCase()
}

/** Digits only, a leading US country code dropped: "+1 (480) 555-0101" → "4805550101". */
export function phoneDigits(phone: string | null | undefined): string {
  const digits = (phone ?? '').replace(/\D/g, '')
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits
}

/** Fewer digits than this say too little to call two phones the same. */
const MIN_PHONE_DIGITS = 7

// Common English nicknames, both ways: "Bob Smith" may be "Robert Smith".
const NICKNAMES: readonly (readonly string[])[] = [
  ['robert', 'rob', 'bob', 'bobby'],
  ['william', 'will', 'bill', 'billy', 'liam'],
  ['richard', 'rick', 'rich', 'dick'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['john', 'jon', 'johnny', 'jack'],
  ['jonathan', 'jon', 'jonny'],
  ['michael', 'mike', 'mikey'],
  ['elizabeth', 'liz', 'beth', 'betty', 'eliza'],
  ['katherine', 'catherine', 'kate', 'katie', 'kathy', 'cathy'],
  ['margaret', 'maggie', 'meg', 'peggy'],
  ['jennifer', 'jen', 'jenny'],
  ['daniel', 'dan', 'danny'],
  ['thomas', 'tom', 'tommy'],
  ['anthony', 'tony'],
  ['christopher', 'chris'],
  ['christina', 'christine', 'chris', 'tina'],
  ['alexander', 'alex'],
  ['alexandra', 'alex', 'sandra'],
  ['patricia', 'pat', 'patty', 'trish'],
  ['patrick', 'pat'],
  ['steven', 'stephen', 'steve'],
  ['joseph', 'joe', 'joey'],
  ['samuel', 'sam'],
  ['samantha', 'sam'],
  ['edward', 'ed', 'eddie', 'ted'],
  ['benjamin', 'ben'],
  ['matthew', 'matt'],
  ['nicholas', 'nick'],
  ['deborah', 'debra', 'deb', 'debbie'],
  ['susan', 'sue', 'suzy'],
]

function nicknames(a: string, b: string): boolean {
  return NICKNAMES.some((group) => group.includes(a) && group.includes(b))
}

/**
 * A near miss of one first name for another: one edit for names of up to five letters
 * ("Jon"/"John", "Dana"/"Dena"), two for longer ones, or a known nickname.
 */
export function similarFirstNames(a: string, b: string): boolean {
  const x = normalizeName(a)
  const y = normalizeName(b)
  if (x === '' || y === '') return false
  if (x === y) return true
  const allowed = Math.min(Array.from(x).length, Array.from(y).length) <= 5 ? 1 : 2
  return editDistance(x, y) <= allowed || nicknames(x, y)
}

/** Why `contact` may be the person in `draft`; empty when nothing points to it. */
export function matchReasons(draft: ContactDraft, contact: Contact): MatchReason[] {
  const reasons: MatchReason[] = []
  const email = normalizeEmail(draft.email)
  if (email !== '' && email === normalizeEmail(contact.email)) reasons.push('email')
  const phone = phoneDigits(draft.phone)
  if (phone.length >= MIN_PHONE_DIGITS && phone === phoneDigits(contact.phone)) {
    reasons.push('phone')
  }
  const last = normalizeName(draft.last_name)
  if (last !== '' && last === normalizeName(contact.last_name)) {
    const first = normalizeName(draft.first_name)
    const theirs = normalizeName(contact.first_name)
    if (first === theirs) reasons.push('name')
    else if (similarFirstNames(first, theirs)) reasons.push('similar name')
  }
  return reasons
}

const STRENGTH: Record<MatchReason, number> = { email: 8, phone: 4, name: 2, 'similar name': 1 }
const strength = (reasons: readonly MatchReason[]) =>
  reasons.reduce((sum, reason) => sum + STRENGTH[reason], 0)

/** The likely duplicates of `draft` among `candidates`, most likely first, at most `max`. */
export function findDuplicates(
  draft: ContactDraft,
  candidates: readonly Contact[],
  max = 5,
): DuplicateMatch[] {
  const seen = new Set<number>()
  const matches: DuplicateMatch[] = []
  for (const contact of candidates) {
    if (seen.has(contact.id)) continue
    seen.add(contact.id)
    const reasons = matchReasons(draft, contact)
    if (reasons.length > 0) matches.push({ contact, reasons })
  }
  return matches
    .sort((a, b) => strength(b.reasons) - strength(a.reasons) || a.contact.id - b.contact.id)
    .slice(0, max)
}

/**
 * What to ask the API's search for, to bring every candidate findDuplicates could
 * match: the email, the phone's digits (the search finds digits in a formatted phone),
 * and the last name (as typed and without accents, as the search compares text as is).
 */
export function duplicateSearches(draft: ContactDraft): string[] {
  const searches: string[] = []
  const email = normalizeEmail(draft.email)
  if (email.includes('@')) searches.push(email)
  const phone = phoneDigits(draft.phone)
  if (phone.length >= MIN_PHONE_DIGITS) searches.push(phone)
  const last = draft.last_name.trim().replace(/\s+/g, ' ').toLowerCase()
  if (last.length >= 2) searches.push(last, normalizeName(last))
  return [...new Set(searches)]
}

/** A key for the parts of a draft the check looks at: a confirmation holds for it alone. */
export function draftKey(draft: ContactDraft): string {
  return JSON.stringify([
    normalizeEmail(draft.email),
    phoneDigits(draft.phone),
    normalizeName(draft.first_name),
    normalizeName(draft.last_name),
  ])
}

/**
 * The create form's first values, from what was typed in the search: an email goes to
 * email, a run of digits to phone, the words to the names (the last word is the last name).
 */
export function prefillFromSearch(text: string): ContactDraft {
  let rest = text.trim()
  let email = ''
  const emailMatch = /\S+@\S+/.exec(rest)
  if (emailMatch) {
    email = emailMatch[0]
    rest = rest.replace(emailMatch[0], ' ')
  }
  let phone = ''
  const phoneMatch = /\+?\(?\d[\d\s().-]*\d/.exec(rest)
  if (phoneMatch && phoneMatch[0].replace(/\D/g, '').length >= 3) {
    phone = phoneMatch[0].trim()
    rest = rest.replace(phoneMatch[0], ' ')
  }
  const words = rest.split(/\s+/).filter((word) => word !== '')
  const [first = '', ...others] = words
  return { first_name: first, last_name: others.join(' '), email, phone }
}
