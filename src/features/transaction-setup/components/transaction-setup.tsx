import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useForm } from 'react-hook-form'
import { Link } from 'wouter'
import { ValidationError, sameRole, type PropertyContact } from '../../../api'
// Imported from its own module, not the client's index: only this lazy page needs it.
import {
  applyTransactionPlan,
  failedItems,
  setupPropertyTransaction,
  unconfirmedItems,
  type TransactionItemResult,
  type TransactionPlan,
  type TransactionPlanItem,
} from '../../../api/transaction-setup'
import { apiClient } from '../../../lib/api-client'
import { errorMessage } from '../../../lib/error-message'
import { fullName } from '../../../lib/roles'
import { useLeaveWarning } from '../../../lib/use-leave-warning'
import {
  DEFAULT_SETUP,
  fieldsToRecheck,
  isEmptyForm,
  SECTIONS,
  SetupFormSchema,
  toSetupInput,
  type SetupFormValues,
} from '../setup-form-schema'
import { PartySection } from './party-section'
import { itemState, PlanTable } from './plan-table'

interface TransactionSetupProps {
  propertyId: number
  roster: readonly PropertyContact[]
  /**
   * Refreshes what the rest of the app shows once writes happened; settles once the
   * roster is read again, before the outcome (and Retry failed) is shown.
   */
  onApplied: () => Promise<unknown>
}

type Stage =
  | { kind: 'edit' }
  | { kind: 'review'; plan: TransactionPlan }
  | {
      kind: 'apply'
      /** Counts the runs (the first apply, each Retry failed). */
      run: number
      plan: TransactionPlan
      results: ReadonlyMap<TransactionPlanItem, TransactionItemResult>
      running: boolean
    }

/**
 * A deal's whole roster in one form: fill the sections, review what will be
 * linked, updated or left alone (read fresh from the server), then apply with
 * per-row progress. Failures stay listed with a way to resend only them.
 */
export function TransactionSetup({ propertyId, roster, onApplied }: TransactionSetupProps) {
  const [stage, setStage] = useState<Stage>({ kind: 'edit' })
  const [formError, setFormError] = useState<string | null>(null)
  // Not formState.isSubmitting: that is also true while the form validates, and a
  // disabled field cannot take the focus React Hook Form gives the first error.
  const [planning, setPlanning] = useState(false)
  const form = useForm<SetupFormValues>({
    resolver: zodResolver(SetupFormSchema),
    defaultValues: DEFAULT_SETUP,
  })
  const resultsRef = useRef(new Map<TransactionPlanItem, TransactionItemResult>())
  const runRef = useRef(0)
  // Back from the review: focus goes to the form's first field, where editing starts.
  const focusFormRef = useRef(false)
  useEffect(() => {
    if (stage.kind !== 'edit' || !focusFormRef.current) return
    focusFormRef.current = false
    const first = SECTIONS.find((section) => form.getValues(section.name).length > 0)
    if (first) form.setFocus(`${first.name}.0.contact`)
  }, [stage.kind, form])

  // Once the form was submitted, every change re-checks the messages it may have
  // made stale on other rows ("Seller 1 and Seller 2 are both marked primary").
  const { isSubmitted } = form.formState
  useEffect(() => {
    if (!isSubmitted) return
    return form.subscribe({
      formState: { values: true },
      callback: () => {
        const paths = fieldsToRecheck(form.getValues(), (path) => form.getFieldState(path).invalid)
        if (paths.length > 0) void form.trigger(paths)
      },
    })
  }, [form, isSubmitted])

  const names = useMemo(() => {
    const map = new Map<number, string>()
    for (const link of roster) map.set(link.contact_id, fullName(link.contact))
    return map
  }, [roster])
  const nameOf = (contactId: number) => {
    const values = form.getValues()
    for (const section of SECTIONS) {
      const row = values[section.name].find((candidate) => candidate.contact?.id === contactId)
      if (row?.contact) return fullName(row.contact)
    }
    return names.get(contactId) ?? `Contact ${contactId}`
  }

  const unsent = stage.kind !== 'apply' && form.formState.isDirty
  const running = stage.kind === 'apply' && stage.running
  useLeaveWarning(
    running
      ? 'The setup is still being applied. Leave anyway? What is done so far stays done.'
      : unsent
        ? 'Discard this transaction setup? Nothing in it has been sent yet.'
        : null,
  )

  const review = async (values: SetupFormValues) => {
    setFormError(null)
    if (isEmptyForm(values)) {
      setFormError('Add at least one contact before reviewing.')
      return
    }
    setPlanning(true)
    try {
      const plan = await setupPropertyTransaction(apiClient, propertyId, toSetupInput(values), {
        dryRun: true,
      })
      setStage({ kind: 'review', plan })
    } catch (error) {
      setFormError(
        error instanceof ValidationError && error.status === 0
          ? `Check the form: ${error.message}`
          : `Could not read the current roster to plan the setup. ${errorMessage(error)}`,
      )
    }
    setPlanning(false)
  }

  const apply = async (plan: TransactionPlan, items: readonly TransactionPlanItem[]) => {
    const results = resultsRef.current
    for (const item of items) results.delete(item)
    runRef.current += 1
    const run = runRef.current
    const show = (isRunning: boolean) => {
      setStage({ kind: 'apply', run, plan, results: new Map(results), running: isRunning })
    }
    show(true)
    try {
      await applyTransactionPlan(apiClient, propertyId, items, {
        onProgress: (result) => {
          results.set(result.item, result)
          show(true)
        },
      })
    } finally {
      // Some writes may have landed without an answer: the roster is read again
      // before the outcome, and a way to resend, is shown.
      await onApplied().catch(() => undefined)
      show(false)
    }
  }

  if (stage.kind === 'edit') {
    return (
      <form
        noValidate
        className="setup-form"
        aria-label="Transaction setup"
        onSubmit={(event) => void form.handleSubmit(review)(event)}
      >
        {formError && (
          <div role="alert" className="callout callout-error">
            <p>{formError}</p>
          </div>
        )}
        {SECTIONS.map((section) => (
          <PartySection
            key={section.name}
            section={section}
            form={form}
            roster={roster}
            disabled={planning}
          />
        ))}
        <div className="setup-actions">
          <Link href={`/properties/${propertyId}`} className="button">
            Cancel
          </Link>
          <button type="submit" className="button button-primary" disabled={planning}>
            {planning ? 'Reading the roster…' : 'Review plan'}
          </button>
        </div>
      </form>
    )
  }

  const { plan } = stage
  if (stage.kind === 'review') {
    const { create, update, skip } = plan.counts
    const writes = create + update
    return (
      <section className="setup-review" aria-labelledby="review-heading">
        <FocusedHeading id="review-heading">Review the plan</FocusedHeading>
        <p className="setup-summary">
          {create} to link, {update} to update, {skip} already in place. Nobody is unlinked.
        </p>
        {replacedPrimaries(plan, roster, nameOf).map((line) => (
          <p key={line} className="field-hint field-warning">
            {line}
          </p>
        ))}
        <PlanTable items={plan.items} nameOf={nameOf} />
        <div className="setup-actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              focusFormRef.current = true
              setStage({ kind: 'edit' })
            }}
          >
            Back to edit
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={writes === 0}
            onClick={() => void apply(plan, plan.items)}
          >
            {writes === 0
              ? 'Nothing to apply'
              : `Apply ${writes} ${writes === 1 ? 'change' : 'changes'}`}
          </button>
        </div>
      </section>
    )
  }

  const results = [...stage.results.values()]
  const failed = failedItems(results)
  const unconfirmed = unconfirmedItems(results)
  const finished = results.length
  // A demotion counts as done only once the promotion that causes it is.
  const done = plan.items.filter((item) => {
    const state = itemState(item, plan.items, stage.results)
    return state === 'done' || state === 'skipped'
  }).length
  return (
    <section className="setup-review" aria-labelledby="apply-heading">
      {/* A new key per run: the heading takes focus when applying starts and again
          on Retry failed, whose button goes away while it runs. */}
      <FocusedHeading key={stage.run} id="apply-heading">
        {stage.running ? 'Applying the setup…' : 'Setup applied'}
      </FocusedHeading>
      <p className="setup-summary" role="status">
        {stage.running
          ? `${finished} of ${plan.items.length} finished.`
          : failed.length === 0 && unconfirmed.length === 0
            ? `All ${plan.items.length} done.`
            : `${done} of ${plan.items.length} done${failed.length > 0 ? `, ${failed.length} failed` : ''}${unconfirmed.length > 0 ? `, ${unconfirmed.length} not confirmed` : ''}. What is done stays done.`}
      </p>
      {!stage.running && unconfirmed.length > 0 && (
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
      {!stage.running && failed.length > 0 && (
        <div role="alert" className="callout callout-error">
          <p>
            {failed.length === 1 ? 'One change' : `${failed.length} changes`} could not be applied:{' '}
            {failed.map((item) => nameOf(item.contactId)).join(', ')}. See the reasons below.
          </p>
          <button type="button" className="button" onClick={() => void apply(plan, failed)}>
            Retry failed
          </button>
        </div>
      )}
      <PlanTable
        items={plan.items}
        nameOf={nameOf}
        results={stage.results}
        running={stage.running}
      />
      {!stage.running && (
        <div className="setup-actions">
          <Link href={`/properties/${propertyId}`} className="button button-primary">
            Back to the property
          </Link>
        </div>
      )}
    </section>
  )
}

/** A heading that takes focus when it appears, so keyboard users land on the new step. */
function FocusedHeading({ id, children }: { id: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [])
  return (
    <h2 id={id} ref={ref} tabIndex={-1} className="focus-heading">
      {children}
    </h2>
  )
}

/**
 * Current primaries outside the form that a new primary replaces: the server
 * demotes them in the same request, so say so before anything is sent.
 */
function replacedPrimaries(
  plan: TransactionPlan,
  roster: readonly PropertyContact[],
  nameOf: (contactId: number) => string,
): string[] {
  const inPlan = new Set(plan.items.map((item) => item.contactId))
  const lines: string[] = []
  for (const item of plan.items) {
    if (!item.primary || item.action === 'skip') continue
    const previous = roster.find(
      (link) => link.primary && sameRole(link.role, item.role) && !inPlan.has(link.contact_id),
    )
    if (previous) {
      lines.push(
        `${fullName(previous.contact)} will no longer be the primary ${item.role} (${nameOf(item.contactId)} takes over).`,
      )
    }
  }
  return lines
}
