import { writeOutcomeUnknown } from '../../../api'
import {
  itemState,
  promotionOf,
  type ItemState,
  type ResultsByItem,
  type TransactionPlanItem,
} from '../../../api/transaction-setup'
import { errorMessage } from '../../../lib/error-message'
import { changedResultText } from '../since-review'

interface PlanTableProps {
  items: readonly TransactionPlanItem[]
  nameOf: (contactId: number) => string
  /** Per-item outcome once applying started; absent while reviewing. */
  results?: ResultsByItem
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
  items: readonly TransactionPlanItem[],
  results: ResultsByItem,
  running: boolean,
  nameOf: (id: number) => string,
): { text: string; tone: ItemState } {
  const tone = itemState(item, items, results)
  switch (tone) {
    case 'pending':
      return { text: running ? 'Working…' : 'Not started', tone }
    case 'failed': {
      const error = results.get(item)?.error
      // No answer, but the link was read back and is not as planned: not saved.
      const checked = writeOutcomeUnknown(error) ? ' Checked on the server: not saved.' : ''
      return { text: `Failed: ${errorMessage(error)}${checked}`, tone }
    }
    case 'unconfirmed':
      return {
        text: 'May have been saved: the server did not confirm it, and it could not be checked. Check the roster before setting it up again.',
        tone,
      }
    case 'blocked': {
      const promoter = nameOf(item.demotedBy ?? item.contactId)
      const promotion = promotionOf(item, items)
      // The promotion was not written, so it demoted no one: say why.
      if (promotion && results.get(promotion)?.status === 'changed') {
        return { text: `Not demoted: ${promoter} changed since review`, tone }
      }
      return { text: `Still primary: ${promoter} could not take over`, tone }
    }
    case 'changed': {
      const since = results.get(item)?.sinceReview
      return {
        text: since ? changedResultText(since) : 'Changed since review; not written',
        tone,
      }
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
