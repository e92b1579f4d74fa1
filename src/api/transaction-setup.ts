// Setting up everyone on a transaction in one call, as the documented Python
// `setup_property_transaction` does, but safe to run again: it reads the roster
// first and writes only what differs. Framework-free, so Node scripts can use it.
import type { IdLike } from './validate'
import { applyTransactionPlan } from './transaction-setup/apply'
import { parseTransactionSetup, type TransactionSetupInput } from './transaction-setup/input'
import { planLinks, type TransactionPlan } from './transaction-setup/plan'
import type { TransactionApplyResult } from './transaction-setup/progress'
import {
  settingsOf,
  withRateLimitRetry,
  type ApplyTransactionOptions,
  type TransactionClient,
} from './transaction-setup/requests'

export { applyTransactionPlan } from './transaction-setup/apply'
export {
  TransactionSetupInputSchema,
  parseTransactionSetup,
  type DesiredLink,
  type PartyRow,
  type RoleRow,
  type TransactionSetupInput,
} from './transaction-setup/input'
export {
  isLinkedAsWanted,
  planTransactionSetup,
  replacedPrimaries,
  type PlanAction,
  type ReplacedPrimary,
  type TransactionPlan,
  type TransactionPlanItem,
} from './transaction-setup/plan'
export {
  changedResults,
  countInPlace,
  failedItems,
  itemState,
  promotionOf,
  unconfirmedItems,
  type ItemState,
  type ItemStatus,
  type ResultsByItem,
  type SinceReview,
  type TransactionApplyResult,
  type TransactionItemResult,
} from './transaction-setup/progress'
export type { ApplyTransactionOptions, TransactionClient } from './transaction-setup/requests'

export interface SetupTransactionOptions extends ApplyTransactionOptions {
  /** Plan only: read the roster, write nothing, return the plan (which carries that roster). */
  dryRun?: boolean
}

export interface TransactionSetupResult extends TransactionApplyResult {
  plan: TransactionPlan
}

/**
 * Links the sellers, buyers, agents and others to the property: creates the missing
 * links, updates those with another role or primary flag, skips those already right,
 * and never unlinks anyone. Each write is conditional on the link as read: one whose
 * link changed meanwhile is not written, and its result is `changed` (plan again).
 * Rejects with ValidationError (keyed by row, before any request) for invalid input,
 * and with the read's error when the roster cannot be read; after that every item
 * gets a result instead.
 */
export function setupPropertyTransaction(
  client: TransactionClient,
  propertyId: IdLike,
  input: TransactionSetupInput,
  options: SetupTransactionOptions & { dryRun: true },
): Promise<TransactionPlan>
export function setupPropertyTransaction(
  client: TransactionClient,
  propertyId: IdLike,
  input: TransactionSetupInput,
  options?: SetupTransactionOptions & { dryRun?: false },
): Promise<TransactionSetupResult>
export function setupPropertyTransaction(
  client: TransactionClient,
  propertyId: IdLike,
  input: TransactionSetupInput,
  options?: SetupTransactionOptions,
): Promise<TransactionPlan | TransactionSetupResult>
export async function setupPropertyTransaction(
  client: TransactionClient,
  propertyId: IdLike,
  input: TransactionSetupInput,
  options: SetupTransactionOptions = {},
): Promise<TransactionPlan | TransactionSetupResult> {
  const wanted = parseTransactionSetup(input)
  const settings = settingsOf(options)
  const roster = await withRateLimitRetry(
    () => client.propertyContacts.listPropertyContacts(propertyId, {}, { signal: settings.signal }),
    settings,
  )
  const plan = planLinks(roster, wanted)
  if (options.dryRun) return plan
  return { plan, ...(await applyTransactionPlan(client, propertyId, plan.items, options)) }
}
