// One measured figure, its budget (if any), and how it is shown in the table.
// KB means 1,000 bytes throughout (as the budgets do: 100 KB = 100,000 B).

export type Unit = 'bytes' | 'ms' | 'score' | 'count' | 'ratio'

export interface Budget {
  op: '<=' | '>=' | '='
  limit: number
}

export interface Figure {
  name: string
  /** null: could not be measured (see `error`); a budgeted figure then fails. */
  value: number | null
  unit: Unit
  budget?: Budget
  /** Every sample the value was taken from (the value is their median). */
  samples?: number[]
  /** What exactly is measured, or why it could not be. */
  note?: string
  error?: string
}

export type Verdict = 'pass' | 'FAIL' | 'ERROR' | 'info'

export function verdictOf(figure: Figure): Verdict {
  if (!figure.budget) return figure.value === null ? 'ERROR' : 'info'
  if (figure.value === null) return 'ERROR'
  const { op, limit } = figure.budget
  const ok =
    op === '<='
      ? figure.value <= limit
      : op === '>='
        ? figure.value >= limit
        : figure.value === limit
  return ok ? 'pass' : 'FAIL'
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values')
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2
}

/** A figure that is the median of its samples. */
export function medianFigure(
  name: string,
  unit: Unit,
  samples: readonly number[],
  extra: Pick<Figure, 'budget' | 'note'> = {},
): Figure {
  return { name, unit, value: median(samples), samples: [...samples], ...extra }
}

/** A figure that could not be measured, keeping its budget so that it counts. */
export function failedFigure(name: string, unit: Unit, error: unknown, budget?: Budget): Figure {
  const message = error instanceof Error ? error.message : String(error)
  return { name, unit, value: null, error: message.split('\n')[0] ?? message, budget }
}

export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'bytes':
      return `${(value / 1000).toFixed(2)} KB (${value.toLocaleString('en-US')} B)`
    case 'ms':
      return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`
    case 'score':
      return String(Math.round(value))
    case 'count':
      return String(value)
    case 'ratio':
      return value.toFixed(3)
  }
}

export function formatBudget(budget: Budget | undefined, unit: Unit): string {
  if (!budget) return '—'
  const op = budget.op === '<=' ? '≤' : budget.op === '>=' ? '≥' : '='
  const limit =
    unit === 'bytes' && budget.limit % 1000 === 0
      ? `${budget.limit / 1000} KB (${budget.limit.toLocaleString('en-US')} B)`
      : formatValue(budget.limit, unit)
  return `${op} ${limit}`
}
