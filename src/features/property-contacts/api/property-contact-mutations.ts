import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import {
  ConflictError,
  linkVersion,
  writeOutcomeUnknown,
  type PropertyContact,
  type PropertyContactCreate,
  type PropertyContactUpdate,
} from '../../../api'
import type { ChangeLabel } from '../../../api'
import { apiClient } from '../../../lib/api-client'
import { applyLinkUpdate, removeLink } from '../roster-rules'
import { propertyContactQueries } from './property-contact-queries'

// Mutations own cache work (optimistic change, rollback, invalidation of only
// this property's links) and return the invalidation promise, so a caller's
// `await mutateAsync()` settles once the roster shows the server's truth.
// Components own what the user sees: closing dialogs, status messages.
//
// A write the server acknowledged without the record (204, empty body…) resolves
// with null: it is done, and the invalidation brings the record. A write whose
// outcome is unknown (no answer, 5xx, an unreadable 2xx: writeOutcomeUnknown) may
// have happened: the roster is read again before the promise rejects, so whatever
// the caller says next can be checked against it (useRefreshedRoster).
//
// No write overwrites a change it did not see: an edit and an unlink carry the version
// of the link the user started from (If-Match: linkVersion), and a link or an Undo is
// sent only if the contact is not linked yet; the server refuses otherwise (412, 409)
// and nothing is written. Every write names its property in `meta`, so the other tabs
// read that roster again once it settles (src/app/query-client.ts).

function invalidateRoster(queryClient: QueryClient, propertyId: number) {
  return queryClient.invalidateQueries({ queryKey: propertyContactQueries.all(propertyId) })
}

/**
 * Reads the roster again and settles once it is read (or could not be). Invalidation
 * refetches it where it is on screen; where it is not, or that refetch failed, it
 * is read once more here, without the read retries, so the user is not kept waiting.
 */
async function refreshRoster(queryClient: QueryClient, propertyId: number) {
  await invalidateRoster(queryClient, propertyId)
  const roster = propertyContactQueries.roster(propertyId)
  if (!isFresh(queryClient, propertyId)) {
    await queryClient.query({ ...roster, retry: false }).catch(() => undefined)
  }
}

function isFresh(queryClient: QueryClient, propertyId: number) {
  const state = queryClient.getQueryState(propertyContactQueries.roster(propertyId).queryKey)
  return state?.status === 'success' && !state.isInvalidated
}

/** After a write: refreshes the roster as its outcome asks (see above). */
function settleRoster(queryClient: QueryClient, propertyId: number, error: unknown) {
  return writeOutcomeUnknown(error)
    ? refreshRoster(queryClient, propertyId)
    : invalidateRoster(queryClient, propertyId)
}

/**
 * The roster as the server last sent it, or null when it could not be read again:
 * for a caller whose write failed with an unknown outcome, once its promise rejected.
 */
export function useRefreshedRoster(propertyId: number) {
  const queryClient = useQueryClient()
  return useCallback((): PropertyContact[] | null => {
    if (!isFresh(queryClient, propertyId)) return null
    return queryClient.getQueryData(propertyContactQueries.roster(propertyId).queryKey) ?? null
  }, [queryClient, propertyId])
}

/** Snapshot the roster, apply `change` to it, and hand back the snapshot for rollback. */
async function changeRosterOptimistically(
  queryClient: QueryClient,
  propertyId: number,
  change: (links: PropertyContact[]) => PropertyContact[],
) {
  const { queryKey } = propertyContactQueries.roster(propertyId)
  await queryClient.cancelQueries({ queryKey: propertyContactQueries.all(propertyId) })
  const previous = queryClient.getQueryData(queryKey)
  if (previous) queryClient.setQueryData(queryKey, change(previous))
  return { previous }
}

function rollback(
  queryClient: QueryClient,
  propertyId: number,
  snapshot: { previous: PropertyContact[] | undefined } | undefined,
) {
  if (snapshot?.previous) {
    queryClient.setQueryData(propertyContactQueries.roster(propertyId).queryKey, snapshot.previous)
  }
}

/**
 * `change` labels the hook's writes for Roster's history (an Undo's own hooks say
 * `undo`); none for an ordinary change.
 */
export function useLinkContact(propertyId: number, change?: ChangeLabel) {
  const queryClient = useQueryClient()
  return useMutation({
    meta: { changesRosterOf: propertyId },
    // Only if nobody linked them meanwhile: a 409 otherwise, with their role.
    mutationFn: (data: PropertyContactCreate) =>
      apiClient.propertyContacts.createPropertyContact(propertyId, data, {
        onlyIfUnlinked: true,
        change,
      }),
    onSuccess: () => invalidateRoster(queryClient, propertyId),
    // "Already linked": someone linked them meanwhile, so our roster is out of date.
    // No answer: the link may exist now, and the roster must show whether it does
    // before anyone is offered to link again.
    onError: (error) =>
      error instanceof ConflictError || writeOutcomeUnknown(error)
        ? settleRoster(queryClient, propertyId, error)
        : undefined,
  })
}

export interface UpdateLinkVariables {
  /** The link as the user started from it: the write is refused if it changed since. */
  base: PropertyContact
  patch: PropertyContactUpdate
}

export function useUpdateLink(propertyId: number, change?: ChangeLabel) {
  const queryClient = useQueryClient()
  return useMutation({
    meta: { changesRosterOf: propertyId },
    mutationFn: ({ base, patch }: UpdateLinkVariables) =>
      apiClient.propertyContacts.updatePropertyContact(propertyId, base.contact_id, patch, {
        ifMatch: linkVersion(base),
        change,
      }),
    onMutate: ({ base, patch }) =>
      changeRosterOptimistically(queryClient, propertyId, (links) =>
        applyLinkUpdate(links, base.contact_id, patch),
      ),
    onError: (_error, _variables, snapshot) => {
      rollback(queryClient, propertyId, snapshot)
    },
    onSettled: (_link, error) => settleRoster(queryClient, propertyId, error),
  })
}

export function useUnlinkContact(propertyId: number, change?: ChangeLabel) {
  const queryClient = useQueryClient()
  return useMutation({
    meta: { changesRosterOf: propertyId },
    /** `link`: as the user saw it when confirming; refused if it changed since. */
    mutationFn: (link: PropertyContact) =>
      apiClient.propertyContacts.deletePropertyContact(propertyId, link.contact_id, {
        ifMatch: linkVersion(link),
        change,
      }),
    onMutate: (link) =>
      changeRosterOptimistically(queryClient, propertyId, (links) =>
        removeLink(links, link.contact_id),
      ),
    onError: (_error, _link, snapshot) => {
      rollback(queryClient, propertyId, snapshot)
    },
    onSettled: (_result, error) => settleRoster(queryClient, propertyId, error),
  })
}
