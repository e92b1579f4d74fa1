import { replacedPrimaries, type TransactionPlan } from '../../../api/transaction-setup'
import { fullName } from '../../../lib/format'
import { FocusedHeading } from './focused-heading'
import { PlanTable } from './plan-table'

interface ReviewStepProps {
  plan: TransactionPlan
  /** Planned again after a run: what that run wrote now shows as in place. */
  again: boolean
  nameOf: (contactId: number) => string
  onBack: () => void
  onApply: () => void
}

/** The review step: what the plan will do, before anything is sent. */
export function ReviewStep({ plan, again, nameOf, onBack, onApply }: ReviewStepProps) {
  const { create, update, skip } = plan.counts
  const writes = create + update
  // Against the roster the plan was made from: the server demotes these in the same
  // request, so say so before anything is sent.
  const warnings = replacedPrimaries(plan).map(
    ({ previous, by }) =>
      `${fullName(previous.contact)} will no longer be the primary ${by.role} (${nameOf(by.contactId)} takes over).`,
  )
  return (
    <section className="setup-review" aria-labelledby="review-heading">
      <FocusedHeading id="review-heading">Review the plan</FocusedHeading>
      {again && (
        <p className="setup-summary">
          Planned again against the roster as it is now: what is already applied shows as in place,
          and the links changed since your last review as they are now.
        </p>
      )}
      <p className="setup-summary">
        {create} to link, {update} to update, {skip} already in place. Nobody is unlinked.
      </p>
      {warnings.map((line) => (
        <p key={line} className="field-hint field-warning">
          {line}
        </p>
      ))}
      <PlanTable items={plan.items} nameOf={nameOf} />
      <div className="setup-actions">
        <button type="button" className="button" onClick={onBack}>
          Back to edit
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={writes === 0}
          onClick={onApply}
        >
          {writes === 0
            ? 'Nothing to apply'
            : `Apply ${writes} ${writes === 1 ? 'change' : 'changes'}`}
        </button>
      </div>
    </section>
  )
}
