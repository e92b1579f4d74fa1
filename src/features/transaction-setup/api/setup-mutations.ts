import { useMutation, useQueryClient } from '@tanstack/react-query'
// Imported from its own module, not the client's index: only this lazy page needs it.
import {
  applyTransactionPlan,
  setupPropertyTransaction,
  type TransactionItemResult,
  type TransactionPlanItem,
  type TransactionSetupInput,
} from '../../../api/transaction-setup'
import { apiClient } from '../../../lib/api-client'
import { propertyContactQueries } from '../../property-contacts/api/property-contact-queries'

// The setup's two steps as mutations: both are started by the user and neither is
// a cached read. Components own what the user sees (steps, messages, focus).

/**
 * Plans the setup against the roster as the server has it now (a dry run: it reads,
 * writes nothing, so there is nothing to invalidate). The plan carries that roster,
 * so what the review says is decided against the same links as the plan itself.
 * Rejects with ValidationError (status 0) for input the client refuses, before any
 * request, or with the read's error.
 */
export function usePlanSetup(propertyId: number) {
  return useMutation({
    mutationFn: (input: TransactionSetupInput) =>
      setupPropertyTransaction(apiClient, propertyId, input, { dryRun: true }),
  })
}

export interface ApplySetupVariables {
  /** The whole plan's items, or only the failed ones of an earlier run. */
  items: readonly TransactionPlanItem[]
  /** Each item's result as it finishes (see applyTransactionPlan). */
  onProgress: (result: TransactionItemResult) => void
}

/**
 * Applies plan items. Whatever happened (some writes may have landed without an
 * answer), the property's roster is read again, and the promise settles only once
 * it is: so the outcome, and a way to resend, are shown against the server's truth.
 * `meta.changesRosterOf` says whose roster the writes change, for whoever listens to
 * the mutation cache (other tabs are told from it).
 */
export function useApplySetup(propertyId: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ items, onProgress }: ApplySetupVariables) =>
      applyTransactionPlan(apiClient, propertyId, items, { onProgress }),
    meta: { changesRosterOf: propertyId },
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: propertyContactQueries.all(propertyId) }),
  })
}
