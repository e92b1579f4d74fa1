import type { TransactionItemResult, TransactionPlanItem } from '../../../api/transaction-setup'
import { errorMessage } from '../../../lib/error-message'
import { sameRole } from '../../../lib/roles'

interface PlanTableProps {
  items: readonly TransactionPlanItem[]
  nameOf: (contactId: number) => string
  /** Per-item outcome once applying started; absent while reviewing. */
  results?: ReadonlyMap<TransactionPlanItem, TransactionItemResult>
  running?: boolean
}

function plannedAction(item: TransactionPlanItem, nameOf: (id: number) => string): string {
  if (item.demotedBy !== undefined) {
    return `No longer primary (${nameOf(item.demotedBy)} takes over)`
  }
  switch (item.action) {
    case 'create':
      return 'Link'
    case 'update': {
      const current = item.current
      const was = current
        ? `${current.role ?? 'no role'}${current.primary ? ', primary' : ''}`
        : 'linked differently'
      return `Update (now ${was})`
    }
    case 'skip':
      return 'Already linked this way: left alone'
  }
}

type Tone = 'done' | 'failed' | 'pending' | 'skipped' | 'blocked'

/**
 * Where an item stands. A demotion has no request of its own: it happens with
 * the promotion that replaces it, so it is done exactly when that promotion is
 * (and stays undone, "blocked", while the promotion failed — also after a retry
 * that only resent the promotion).
 */
export function itemState(
  item: TransactionPlanItem,
  items: readonly TransactionPlanItem[],
  results: ReadonlyMap<TransactionPlanItem, TransactionItemResult>,
): Tone {
  if (item.demotedBy !== undefined) {
    const promoter = items.find(
      (candidate) =>
        candidate.contactId === item.demotedBy &&
        candidate.primary &&
        sameRole(candidate.role, item.role),
    )
    const promoted = promoter ? results.get(promoter) : undefined
    if (!promoted) return 'pending'
    return promoted.status === 'failed' ? 'blocked' : 'done'
  }
  const result = results.get(item)
  if (!result) return 'pending'
  return result.status === 'failed' ? 'failed' : result.status === 'skipped' ? 'skipped' : 'done'
}

function outcome(
  item: TransactionPlanItem,
  items: readonly TransactionPlanItem[],
  results: ReadonlyMap<TransactionPlanItem, TransactionItemResult>,
  running: boolean,
  nameOf: (id: number) => string,
): { text: string; tone: Tone } {
  const tone = itemState(item, items, results)
  switch (tone) {
    case 'pending':
      return { text: running ? 'Working…' : 'Not started', tone }
    case 'failed': {
      const result = results.get(item)
      return {
        text: `Failed: ${errorMessage(result?.error)}`,
        tone,
      }
    }
    case 'blocked':
      return {
        text: `Still primary: ${nameOf(item.demotedBy ?? item.contactId)} could not take over`,
        tone,
      }
    case 'skipped':
      return { text: 'Left alone', tone }
    case 'done':
      return { text: 'Done', tone }
  }
}

/** The plan as a table: who, in which role, and what will happen (or happened). */
export function PlanTable({ items, nameOf, results, running = false }: PlanTableProps) {
  return (
    <div className="table-wrap">
      <table className="table plan-table">
        <caption className="visually-hidden">
          {results ? 'Progress of the transaction setup' : 'What the setup will do'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Contact</th>
            <th scope="col">Role</th>
            <th scope="col">Primary</th>
            <th scope="col">{results ? 'Planned' : 'What will happen'}</th>
            {results && <th scope="col">Result</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const result = results ? outcome(item, items, results, running, nameOf) : undefined
            return (
              <tr key={`${item.at}-${item.contactId}`} data-action={item.action}>
                <th scope="row">{nameOf(item.contactId)}</th>
                <td>{item.role}</td>
                <td>{item.primary ? 'Primary' : '—'}</td>
                <td>{plannedAction(item, nameOf)}</td>
                {result && <td className={`result result-${result.tone}`}>{result.text}</td>}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
