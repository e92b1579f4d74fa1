import type { TransactionItemResult, TransactionPlanItem } from '../../../api/transaction-setup'
import { errorMessage } from '../../../lib/error-message'

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

function outcome(
  item: TransactionPlanItem,
  result: TransactionItemResult | undefined,
  running: boolean,
): { text: string; tone: 'done' | 'failed' | 'pending' | 'skipped' } {
  if (!result) return { text: running ? 'Working…' : 'Not started', tone: 'pending' }
  if (result.status === 'failed') {
    return { text: `Failed: ${errorMessage(result.error)}`, tone: 'failed' }
  }
  if (result.status === 'skipped') {
    return { text: item.demotedBy !== undefined ? 'Done' : 'Left alone', tone: 'skipped' }
  }
  return { text: 'Done', tone: 'done' }
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
            const result = outcome(item, results?.get(item), running)
            return (
              <tr key={`${item.at}-${item.contactId}`} data-action={item.action}>
                <th scope="row">{nameOf(item.contactId)}</th>
                <td>{item.role}</td>
                <td>{item.primary ? 'Primary' : '—'}</td>
                <td>{plannedAction(item, nameOf)}</td>
                {results && <td className={`result result-${result.tone}`}>{result.text}</td>}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
