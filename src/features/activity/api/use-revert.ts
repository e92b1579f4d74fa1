// Reverting an Activity entry: a new change that restores the state before it, written
// through the typed client with the conditional check every edit makes (If-Match on
// the entry's after-state, or "only if not linked"), so a change made since is never
// overwritten. Labelled as a revert of that entry, so the history records it in turn.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import {
  ConflictError,
  NotFoundError,
  PreconditionFailedError,
  linkVersion,
  type ChangeLabel,
  type Contact,
  type PropertyContact,
} from '../../../api'
import { apiClient } from '../../../lib/api-client'
import { contactQueries } from '../../../lib/contact-queries'
import { errorMessage } from '../../../lib/error-message'
import { propertyContactQueries } from '../../property-contacts/api/property-contact-queries'
import { describeLinkChanges } from '../../property-contacts/write-conflicts'
import { contactChanges, contactState, linkState, standing } from '../describe-entry'
import type { ActivityEntry } from './activity-schema'
import { activityQueries } from './activity-queries'

export type RevertPlan =
  | { kind: 'restore'; before: PropertyContact; after: PropertyContact }
  | { kind: 'relink'; before: PropertyContact }
  | { kind: 'unlink'; after: PropertyContact }
  | { kind: 'contact'; before: Contact; after: Contact }

/** The contact's own details a revert restores (those PUT /contacts/{id} takes). */
const CONTACT_FIELDS = ['first_name', 'last_name', 'email', 'phone', 'company'] as const

function sameDetails(a: Contact, b: Contact): boolean {
  return CONTACT_FIELDS.every((field) => (a[field] ?? null) === (b[field] ?? null))
}

/** The contact changed since the entry: a revert would overwrite someone's change. */
export class ContactChangedError extends Error {
  constructor(readonly current: Contact) {
    super('The contact changed since.')
    this.name = 'ContactChangedError'
  }
}

/** How an entry can be reverted, or why it cannot (null: no revert to offer at all). */
export function revertPlan(
  entry: ActivityEntry,
): RevertPlan | { kind: 'none'; why: string } | null {
  if (entry.outcome !== 'accepted') return null
  if (entry.revertedBy !== null) return null
  const before = linkState(entry.before)
  const after = linkState(entry.after)
  switch (entry.action) {
    case 'edit':
      return before && after
        ? { kind: 'restore', before, after }
        : { kind: 'none', why: 'Its state before or after was not recorded.' }
    case 'unlink':
      return before
        ? { kind: 'relink', before }
        : { kind: 'none', why: 'Its state before was not recorded.' }
    case 'link':
      return after
        ? { kind: 'unlink', after }
        : { kind: 'none', why: 'The new link was not recorded.' }
    case 'contact_edit': {
      const was = contactState(entry.before)
      const now = contactState(entry.after)
      return was && now
        ? { kind: 'contact', before: was, after: now }
        : { kind: 'none', why: 'The contact’s details before or after were not recorded.' }
    }
    case 'contact_create':
      return { kind: 'none', why: 'The API cannot delete a contact, so a creation stays.' }
  }
}

/** What the confirmation says will happen. */
export function revertSentence(entry: ActivityEntry, plan: RevertPlan): string {
  const name = entry.contactName ?? 'this contact'
  switch (plan.kind) {
    case 'restore':
      return `This makes ${name} ${standing(plan.before)} again, with the start date and notes as they were, if the entry has not changed since.`
    case 'relink':
      return `This links ${name} to this deal again as ${standing(plan.before)}, if they have not been linked since.`
    case 'unlink':
      return `This removes ${name} from this deal, if the entry has not changed since.`
    case 'contact':
      return `This puts ${name}’s own details (name, email, phone, company) back as they were, on every deal, if they have not changed since.`
  }
}

async function write(propertyId: number, entry: ActivityEntry, plan: RevertPlan): Promise<void> {
  const change: ChangeLabel = { reason: 'revert', reverts: entry.id }
  const links = apiClient.propertyContacts
  switch (plan.kind) {
    case 'restore': {
      const { role, primary, start_date, notes } = plan.before
      await links.updatePropertyContact(
        propertyId,
        plan.before.contact_id,
        { role, primary, start_date, notes },
        { ifMatch: linkVersion(plan.after), change },
      )
      return
    }
    case 'relink': {
      const { contact_id, role, primary, start_date, notes } = plan.before
      await links.createPropertyContact(
        propertyId,
        { contact_id, role, primary, start_date, notes },
        { onlyIfUnlinked: true, change },
      )
      return
    }
    case 'unlink':
      await links.deletePropertyContact(propertyId, plan.after.contact_id, {
        ifMatch: linkVersion(plan.after),
        change,
      })
      return
    case 'contact': {
      // Contacts carry no version: read them first, and write only over the state the
      // entry left (the read-then-write window is one round trip).
      const current = await apiClient.contacts.retrieveContact(plan.after.id)
      if (!sameDetails(current, plan.after)) throw new ContactChangedError(current)
      const { first_name, last_name, email, phone, company } = plan.before
      await apiClient.contacts.updateContact(
        plan.after.id,
        { first_name, last_name, email, phone, company },
        { change },
      )
    }
  }
}

/** Why a revert wrote nothing, in words. */
export function revertFailure(entry: ActivityEntry, plan: RevertPlan, error: unknown): string {
  const name = entry.contactName ?? 'The contact'
  if (error instanceof ContactChangedError && plan.kind === 'contact') {
    const since = contactChanges(plan.after, error.current)
    return since
      ? `Not reverted: ${name}’s details changed since (${since}). Nothing was written.`
      : `Not reverted: ${name}’s details changed since. Nothing was written.`
  }
  if (
    error instanceof PreconditionFailedError &&
    plan.kind !== 'relink' &&
    plan.kind !== 'contact'
  ) {
    const since = error.current ? describeLinkChanges(plan.after, error.current) : null
    return since
      ? `Not reverted: ${name}’s entry changed since (${since}). Nothing was written.`
      : `Not reverted: ${name}’s entry changed since. Nothing was written.`
  }
  if (error instanceof NotFoundError) {
    return `Not reverted: ${name} is no longer on this deal. Nothing was written.`
  }
  if (error instanceof ConflictError) {
    return `Not reverted: ${name} is on this deal again already. Nothing was written.`
  }
  return `Not reverted. ${errorMessage(error)}`
}

export function useRevert(propertyId: number) {
  const queryClient = useQueryClient()
  return useMutation({
    meta: { changesRosterOf: propertyId },
    mutationFn: ({ entry, plan }: { entry: ActivityEntry; plan: RevertPlan }) =>
      write(propertyId, entry, plan),
    onSettled: (_data, _error, { plan }) =>
      Promise.all([
        plan.kind === 'contact'
          ? // A contact's details show on every deal they are on, and in every search.
            Promise.all([
              queryClient.invalidateQueries({
                predicate: (query) =>
                  query.queryKey[0] === 'properties' && query.queryKey[2] === 'contacts',
              }),
              queryClient.invalidateQueries({ queryKey: contactQueries.all() }),
            ])
          : queryClient.invalidateQueries({
              queryKey: propertyContactQueries.roster(propertyId).queryKey,
            }),
        queryClient.invalidateQueries({ queryKey: activityQueries.all(propertyId) }),
      ]),
  })
}
