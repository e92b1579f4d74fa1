import { Link } from 'wouter'
import {
  countInPlace,
  failedItems,
  unconfirmedItems,
  type TransactionPlanItem,
} from '../../../api/transaction-setup'
import type { SetupStage } from '../setup-progress'
import { FocusedHeading } from './focused-heading'
import { PlanTable } from './plan-table'
import { paths } from '../../../config/paths'

interface ApplyStepProps {
  propertyId: number
  stage: Extract<SetupStage, { kind: 'apply' }>
  nameOf: (contactId: number) => string
  /** Resends these items (the failed ones that are safe to send again). */
  onRetry: (items: readonly TransactionPlanItem[]) => void
}

/** The apply step: per-row progress, then the outcome and a way to resend what failed. */
export function ApplyStep({ propertyId, stage, nameOf, onRetry }: ApplyStepProps) {
  const { plan, running } = stage
  const results = [...stage.results.values()]
  const failed = failedItems(results)
  const unconfirmed = unconfirmedItems(results)
  const finished = results.length
  // A demotion counts as done only once the promotion that causes it is.
  const done = countInPlace(plan.items, stage.results)
  const total = plan.items.length
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
          : failed.length === 0 && unconfirmed.length === 0
            ? `All ${total} done.`
            : `${done} of ${total} done${failed.length > 0 ? `, ${failed.length} failed` : ''}${unconfirmed.length > 0 ? `, ${unconfirmed.length} not confirmed` : ''}. What is done stays done.`}
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
