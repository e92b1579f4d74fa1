import { replacedPrimaries, type TransactionPlan } from '../../../api/transaction-setup'
import { fullName } from '../../../lib/format'
import { FocusedHeading } from './focused-heading'
import { PlanTable } from './plan-table'

interface ReviewStepProps {
  plan: TransactionPlan
  nameOf: (contactId: number) => string
  onBack: () => void
  onApply: () => void
}

/** The review step: what the plan will do, before anything is sent. */
export function ReviewStep({ plan, nameOf, onBack, onApply }: ReviewStepProps) {
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
