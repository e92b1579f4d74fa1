// Reverting an Activity entry: a new change that restores the state before it, written
// through the typed client with the same conditional check as any edit (If-Match on
// the entry's after-state, or "only if not linked"), so a change made since is never
// overwritten. Labelled as a revert of that entry, so the history records it in turn.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import {
  ConflictError,
  NotFoundError,
  PreconditionFailedError,
  linkVersion,
  type ChangeLabel,
  type PropertyContact,
} from '../../../api'
import { apiClient } from '../../../lib/api-client'
import { errorMessage } from '../../../lib/error-message'
import { propertyContactQueries } from '../../property-contacts/api/property-contact-queries'
import { describeLinkChanges } from '../../property-contacts/write-conflicts'
import { linkState, standing } from '../describe-entry'
import type { ActivityEntry } from './activity-schema'
import { activityQueries } from './activity-queries'

export type RevertPlan =
  | { kind: 'restore'; before: PropertyContact; after: PropertyContact }
  | { kind: 'relink'; before: PropertyContact }
  | { kind: 'unlink'; after: PropertyContact }

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
    case 'contact_create':
    case 'contact_edit':
      return null
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
  }
}

/** Why a revert wrote nothing, in words. */
export function revertFailure(entry: ActivityEntry, plan: RevertPlan, error: unknown): string {
  const name = entry.contactName ?? 'The contact'
  if (error instanceof PreconditionFailedError && plan.kind !== 'relink') {
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
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({
          queryKey: propertyContactQueries.roster(propertyId).queryKey,
        }),
        queryClient.invalidateQueries({ queryKey: activityQueries.all(propertyId) }),
      ]),
  })
}
