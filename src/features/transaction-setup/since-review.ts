// What happened to a link since the review, in a coordinator's words: the apply
// step's list of changed items and its results table say it the same way.
import type { LinkChange, PropertyContact } from '../../api'
import type { SinceReview } from '../../api/transaction-setup'
import { formatCalendarDate } from '../../lib/format'

function text(value: LinkChange['from']): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

function changeText(change: LinkChange): string {
  switch (change.field) {
    case 'role':
      return `role ${text(change.from) ?? 'none'} → ${text(change.to) ?? 'none'}`
    case 'primary':
      return change.to === true ? 'made primary' : 'no longer primary'
    case 'start_date': {
      const date = (value: LinkChange['from']) => {
        const day = text(value)
        return day === null ? 'none' : formatCalendarDate(day)
      }
      return `start date ${date(change.from)} → ${date(change.to)}`
    }
    case 'notes':
      if (text(change.to) === null) return 'notes removed'
      return text(change.from) === null ? 'notes added' : 'notes edited'
  }
}

function linkedAs(link: Pick<PropertyContact, 'role' | 'primary'>): string {
  const role = link.role === null ? 'with no role' : `as ${link.role}`
  return link.primary ? `${role}, primary` : role
}

/** What changed, as it follows a contact's name: "changed since review: role Buyer → Seller". */
export function sinceReviewPhrase(since: SinceReview): string {
  switch (since.kind) {
    case 'edited': {
      const what = since.changes.map(changeText).join(', ')
      return what === '' ? 'changed since review' : `changed since review: ${what}`
    }
    case 'unlinked':
      return 'was removed from this deal since review'
    case 'linked':
      return `was linked since review ${linkedAs(since.now)}`
  }
}

/** One line of the list: "Rosa Smith — changed since review: role Buyer → Seller; not written". */
export function changedLine(name: string, since: SinceReview): string {
  return `${name} — ${sinceReviewPhrase(since)}; not written`
}

/** The result cell of a changed item, whose row already names the contact. */
export function changedResultText(since: SinceReview): string {
  const phrase = sinceReviewPhrase(since).replace(/^was /, '')
  return `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}; not written`
}
