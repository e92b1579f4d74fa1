import type {
  ResultsByItem,
  TransactionItemResult,
  TransactionPlan,
  TransactionPlanItem,
} from '../../api/transaction-setup'

/** Where the setup is: editing the form, reviewing a plan, or applying it. */
export type SetupStage =
  | {
      kind: 'edit'
      /** Back from the review: focus goes to the form's first field, where editing starts. */
      returning: boolean
    }
  | {
      kind: 'review'
      plan: TransactionPlan
      /** Planned again after a run (Review again): some of the setup is applied already. */
      again: boolean
    }
  | {
      kind: 'apply'
      /** Counts the runs (the first apply, each Retry failed). */
      run: number
      plan: TransactionPlan
      results: ResultsByItem
      running: boolean
    }

export type SetupEvent =
  | { type: 'planned'; plan: TransactionPlan }
  /** Review again after a run: the same input planned against the roster as it is now. */
  | { type: 'planned-again'; plan: TransactionPlan }
  | { type: 'back-to-edit' }
  /** A run starts: the whole plan from the review, or the failed items on Retry failed. */
  | { type: 'run-started'; items: readonly TransactionPlanItem[] }
  | { type: 'item-finished'; result: TransactionItemResult }
  /** The run is over and the roster was read again. */
  | { type: 'run-finished' }

export const INITIAL_STAGE: SetupStage = { kind: 'edit', returning: false }

/** The setup's progress, in one place: each step, and each run's results as they come. */
export function setupProgress(stage: SetupStage, event: SetupEvent): SetupStage {
  switch (event.type) {
    case 'planned':
      return stage.kind === 'edit' ? { kind: 'review', plan: event.plan, again: false } : stage
    case 'planned-again':
      return stage.kind === 'apply' && !stage.running
        ? { kind: 'review', plan: event.plan, again: true }
        : stage
    case 'back-to-edit':
      return stage.kind === 'review' ? { kind: 'edit', returning: true } : stage
    case 'run-started': {
      if (stage.kind === 'review') {
        return { kind: 'apply', run: 1, plan: stage.plan, results: new Map(), running: true }
      }
      if (stage.kind !== 'apply') return stage
      // A retry starts its items afresh; the results of the others stay.
      const results = new Map(stage.results)
      for (const item of event.items) results.delete(item)
      return { ...stage, run: stage.run + 1, results, running: true }
    }
    case 'item-finished': {
      if (stage.kind !== 'apply') return stage
      const results = new Map(stage.results)
      results.set(event.result.item, event.result)
      return { ...stage, results }
    }
    case 'run-finished':
      return stage.kind === 'apply' ? { ...stage, running: false } : stage
  }
}
