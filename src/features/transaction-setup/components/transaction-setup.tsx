import { useQuery } from '@tanstack/react-query'
import { useReducer, useState } from 'react'
import { ValidationError } from '../../../api'
import type { TransactionPlan, TransactionPlanItem } from '../../../api/transaction-setup'
import { errorMessage } from '../../../lib/error-message'
import { fullName } from '../../../lib/format'
import { useLeaveWarning } from '../../../lib/use-leave-warning'
import { propertyContactQueries } from '../../property-contacts/api/property-contact-queries'
import { useApplySetup, usePlanSetup } from '../api/setup-mutations'
import { isEmptyForm, SECTIONS, toSetupInput, type SetupFormValues } from '../setup-form-schema'
import { clearDraft, draftTime, useSetupDraft } from '../setup-draft'
import { INITIAL_STAGE, setupProgress } from '../setup-progress'
import { useSetupForm } from '../use-setup-form'
import { ApplyStep } from './apply-step'
import { ReviewStep } from './review-step'
import { SetupForm } from './setup-form'

interface TransactionSetupProps {
  propertyId: number
  /** The rows the form starts with (setup-prefill.ts); a restored draft replaces them. */
  initialValues: SetupFormValues
}

/**
 * A deal's whole roster in one form: fill the sections, review what will be
 * linked, updated or left alone (planned against the roster read fresh from the
 * server), then apply with per-row progress. Failures stay listed with a way to
 * resend only them; links changed by someone else since the review are not written,
 * and Review again plans the same input against the roster as it is then.
 */
export function TransactionSetup({ propertyId, initialValues }: TransactionSetupProps) {
  const [stage, dispatch] = useReducer(setupProgress, INITIAL_STAGE)
  const [formError, setFormError] = useState<string | null>(null)
  const [replanError, setReplanError] = useState<string | null>(null)
  // Once a run started, part of the setup may be on the server: leaving loses only the rest.
  const [applied, setApplied] = useState(false)
  const form = useSetupForm(stage.kind === 'edit' && stage.returning, initialValues)
  // For the pickers only (they mark who is linked): the plan reads the roster itself.
  const roster = useQuery(propertyContactQueries.roster(propertyId))
  const planSetup = usePlanSetup(propertyId)
  const applySetup = useApplySetup(propertyId)
  // The unsent draft survives a reload (until applied): kept per property, offered back.
  const draft = useSetupDraft(propertyId, form, !applied, initialValues)

  const unsent = stage.kind !== 'apply' && form.formState.isDirty
  const running = stage.kind === 'apply' && stage.running
  useLeaveWarning(
    running
      ? 'The setup is still being applied. Leave anyway? What is done so far stays done.'
      : unsent
        ? applied
          ? 'Discard the rest of this transaction setup? What was applied stays applied; the rest has not been sent.'
          : 'Discard this transaction setup? Nothing in it has been sent yet.'
        : null,
  )

  const review = async (values: SetupFormValues) => {
    setFormError(null)
    if (isEmptyForm(values)) {
      setFormError('Add at least one contact before reviewing.')
      return
    }
    try {
      dispatch({ type: 'planned', plan: await planSetup.mutateAsync(toSetupInput(values)) })
    } catch (error) {
      setFormError(
        error instanceof ValidationError && error.status === 0
          ? `Check the form: ${error.message}`
          : `Could not read the current roster to plan the setup. ${errorMessage(error)}`,
      )
    }
  }

  // The same input, planned against the roster as it is now: after a run whose
  // changed items were not written, the review shows what still needs writing.
  const reviewAgain = async () => {
    setReplanError(null)
    try {
      dispatch({
        type: 'planned-again',
        plan: await planSetup.mutateAsync(toSetupInput(form.getValues())),
      })
    } catch (error) {
      setReplanError(`Could not read the current roster to plan again. ${errorMessage(error)}`)
    }
  }

  const apply = async (items: readonly TransactionPlanItem[]) => {
    setApplied(true)
    clearDraft(propertyId)
    setReplanError(null)
    dispatch({ type: 'run-started', items })
    try {
      await applySetup.mutateAsync({
        items,
        onProgress: (result) => {
          dispatch({ type: 'item-finished', result })
        },
      })
    } finally {
      // The mutation settles once the roster was read again (some writes may have
      // landed without an answer): only then are the outcome and Retry failed shown.
      dispatch({ type: 'run-finished' })
    }
  }

  if (stage.kind === 'edit') {
    return (
      <>
        {draft.offer && (
          <section className="callout callout-info setup-draft-offer" aria-label="Unsaved setup">
            <p>Restore your unsaved setup from {draftTime(draft.offer.savedAt)}?</p>
            <div className="setup-draft-actions">
              <button type="button" className="button button-primary" onClick={draft.restore}>
                Restore
              </button>
              <button type="button" className="button" onClick={draft.discard}>
                Discard
              </button>
            </div>
          </section>
        )}
        <SetupForm
          propertyId={propertyId}
          form={form}
          roster={roster.data}
          // Not formState.isSubmitting: that is also true while the form validates, and a
          // disabled field cannot take the focus React Hook Form gives the first error.
          planning={planSetup.isPending}
          error={formError}
          onReview={review}
        />
      </>
    )
  }

  const nameOf = contactNames(form.getValues(), stage.plan.roster)
  if (stage.kind === 'review') {
    return (
      <ReviewStep
        plan={stage.plan}
        again={stage.again}
        nameOf={nameOf}
        onBack={() => {
          dispatch({ type: 'back-to-edit' })
        }}
        onApply={() => void apply(stage.plan.items)}
      />
    )
  }
  return (
    <ApplyStep
      propertyId={propertyId}
      stage={stage}
      nameOf={nameOf}
      onRetry={(items) => void apply(items)}
      onReviewAgain={() => void reviewAgain()}
      replanning={planSetup.isPending}
      replanError={replanError}
    />
  )
}

/** A contact's name: as picked in the form, else as on the plan's roster. */
function contactNames(values: SetupFormValues, roster: TransactionPlan['roster']) {
  const names = new Map<number, string>()
  const add = (contactId: number, contact: Parameters<typeof fullName>[0]) => {
    if (!names.has(contactId)) names.set(contactId, fullName(contact))
  }
  for (const section of SECTIONS) {
    for (const row of values[section.name]) if (row.contact) add(row.contact.id, row.contact)
  }
  for (const link of roster) add(link.contact_id, link.contact)
  return (contactId: number) => names.get(contactId) ?? `Contact ${contactId}`
}
