import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import {
  ConflictError,
  type PropertyContact,
  type PropertyContactCreate,
  type PropertyContactUpdate,
} from '../../../api'
import { apiClient } from '../../../lib/api-client'
import { applyLinkUpdate, removeLink } from '../roster-rules'
import { propertyContactQueries } from './property-contact-queries'

// Mutations own cache work (optimistic change, rollback, invalidation of only
// this property's links) and return the invalidation promise, so a caller's
// `await mutateAsync()` settles once the roster shows the server's truth.
// Components own what the user sees: closing dialogs, status messages.

function invalidateRoster(queryClient: QueryClient, propertyId: number) {
  return queryClient.invalidateQueries({ queryKey: propertyContactQueries.all(propertyId) })
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

export function useLinkContact(propertyId: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (data: PropertyContactCreate) =>
      apiClient.propertyContacts.createPropertyContact(propertyId, data),
    onSuccess: () => invalidateRoster(queryClient, propertyId),
    // "Already linked": someone linked them meanwhile, so our roster is out of date.
    onError: (error) =>
      error instanceof ConflictError ? invalidateRoster(queryClient, propertyId) : undefined,
  })
}

export interface UpdateLinkVariables {
  contactId: number
  patch: PropertyContactUpdate
}

export function useUpdateLink(propertyId: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ contactId, patch }: UpdateLinkVariables) =>
      apiClient.propertyContacts.updatePropertyContact(propertyId, contactId, patch),
    onMutate: ({ contactId, patch }) =>
      changeRosterOptimistically(queryClient, propertyId, (links) =>
        applyLinkUpdate(links, contactId, patch),
      ),
    onError: (_error, _variables, snapshot) => {
      rollback(queryClient, propertyId, snapshot)
    },
    onSettled: () => invalidateRoster(queryClient, propertyId),
  })
}

export function useUnlinkContact(propertyId: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (link: PropertyContact) =>
      apiClient.propertyContacts.deletePropertyContact(propertyId, link.contact_id),
    onMutate: (link) =>
      changeRosterOptimistically(queryClient, propertyId, (links) =>
        removeLink(links, link.contact_id),
      ),
    onError: (_error, _link, snapshot) => {
      rollback(queryClient, propertyId, snapshot)
    },
    onSettled: () => invalidateRoster(queryClient, propertyId),
  })
}
