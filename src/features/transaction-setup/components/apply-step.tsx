import { Link } from 'wouter'
import {
  changedResults,
  countInPlace,
  failedItems,
  unconfirmedItems,
  type TransactionPlanItem,
} from '../../../api/transaction-setup'
import type { SetupStage } from '../setup-progress'
import { changedLine } from '../since-review'
import { FocusedHeading } from './focused-heading'
import { PlanTable } from './plan-table'
import { paths } from '../../../config/paths'

interface ApplyStepProps {
  propertyId: number
  stage: Extract<SetupStage, { kind: 'apply' }>
  nameOf: (contactId: number) => string
  /** Resends these items (the failed ones that are safe to send again). */
  onRetry: (items: readonly TransactionPlanItem[]) => void
  /** Plans the same input again against the roster as it is now (Review again). */
  onReviewAgain: () => void
  /** The new plan is being made. */
  replanning: boolean
  /** Why the last Review again did not happen (the roster could not be read). */
  replanError: string | null
}

/**
 * The apply step: per-row progress, then the outcome, a way to resend what failed and,
 * for what was not written because it changed since the review, a fresh plan.
 */
export function ApplyStep({
  propertyId,
  stage,
  nameOf,
  onRetry,
  onReviewAgain,
  replanning,
  replanError,
}: ApplyStepProps) {
  const { plan, running } = stage
  // In the plan's order (as the table), not the order they finished in.
  const results = plan.items.flatMap((item) => stage.results.get(item) ?? [])
  const failed = failedItems(results)
  const unconfirmed = unconfirmedItems(results)
  const changed = changedResults(results)
  const finished = results.length
  // A demotion counts as done only once the promotion that causes it is.
  const done = countInPlace(plan.items, stage.results)
  const total = plan.items.length
  const outcome = [
    changed.length > 0 && `${changed.length} changed since review`,
    failed.length > 0 && `${failed.length} failed`,
    unconfirmed.length > 0 && `${unconfirmed.length} not confirmed`,
  ].filter((part) => part !== false)
  return (
    <section className="setup-review" aria-labelledby="apply-heading">
      {/* A new key per run: the heading takes focus when applying starts and again
          on Retry failed, whose button goes away while it runs. */}
      <FocusedHeading key={stage.run} id="apply-heading">
        {running ? 'Applying the setup…' : 'Setup applied'}
      </FocusedHeading>
      <p className="setup-summary" role="status">
        {running
          ? `${finished} of ${total} finished.`
          : outcome.length === 0
            ? `All ${total} done.`
            : `${[`${done} of ${total} done`, ...outcome].join(', ')}. What is done stays done.`}
      </p>
      {!running && unconfirmed.length > 0 && (
        <div role="alert" className="callout callout-info">
          <p>
            {unconfirmed.length === 1 ? 'One change' : `${unconfirmed.length} changes`} may have
            been saved: {unconfirmed.map((item) => nameOf(item.contactId)).join(', ')}. The server
            did not confirm {unconfirmed.length === 1 ? 'it' : 'them'}, and Roster could not check.
            Check the roster on the property page before setting{' '}
            {unconfirmed.length === 1 ? 'it' : 'them'} up again.
          </p>
        </div>
      )}
      {!running && failed.length > 0 && (
        <div role="alert" className="callout callout-error">
          <p>
            {failed.length === 1 ? 'One change' : `${failed.length} changes`} could not be applied:{' '}
            {failed.map((item) => nameOf(item.contactId)).join(', ')}. See the reasons below.
          </p>
          <button
            type="button"
            className="button"
            onClick={() => {
              onRetry(failed)
            }}
          >
            Retry failed
          </button>
        </div>
      )}
      {!running && changed.length > 0 && (
        <div role="alert" className="callout callout-warning setup-changed">
          <div className="setup-changed-body">
            <p>
              {changed.length === 1 ? 'One change was' : `${changed.length} changes were`} not
              written: {changed.length === 1 ? 'this link' : 'these links'} changed on the server
              since your review, and Roster does not write over someone else’s change.
            </p>
            <ul className="setup-changed-list">
              {changed.map(({ item, sinceReview }) => (
                <li key={`${item.at}-${item.contactId}`}>
                  {changedLine(nameOf(item.contactId), sinceReview)}
                </li>
              ))}
            </ul>
            <p>Review again to plan the same setup against the roster as it is now.</p>
          </div>
          <button type="button" className="button" disabled={replanning} onClick={onReviewAgain}>
            {replanning ? 'Reading the roster…' : 'Review again'}
          </button>
        </div>
      )}
      {!running && replanError && (
        <div role="alert" className="callout callout-error">
          <p>{replanError}</p>
        </div>
      )}
      <PlanTable items={plan.items} nameOf={nameOf} results={stage.results} running={running} />
      {!running && (
        <div className="setup-actions">
          <Link href={paths.property.href(propertyId)} className="button button-primary">
            Back to the property
          </Link>
        </div>
      )}
    </section>
  )
}
