// Prints the figures as one plain-text table (figure, value, budget, result).
import { formatBudget, formatValue, verdictOf, type Figure } from './figure'

export interface Section {
  title: string
  figures: Figure[]
}

/** Columns padded to their widest cell; a plain string is a section title on its own line. */
export function renderColumns(
  header: readonly string[],
  rows: readonly (readonly string[] | string)[],
): string {
  const cells = rows.filter((row): row is readonly string[] => typeof row !== 'string')
  const widths = header.map((title, i) =>
    Math.max(title.length, ...cells.map((row) => (row[i] ?? '').length)),
  )
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join(' │ ')
      .trimEnd()
  const rule = widths.map((width) => '─'.repeat(width)).join('─┼─')
  return [
    line(header),
    rule,
    ...rows.map((row) => (typeof row === 'string' ? row : line(row))),
  ].join('\n')
}

export function renderTable(sections: readonly Section[]): string {
  const rows: (string[] | string)[] = []
  for (const section of sections) {
    rows.push(section.title)
    for (const figure of section.figures) {
      rows.push([
        `  ${figure.name}`,
        figure.value === null ? 'not measured' : formatValue(figure.value, figure.unit),
        formatBudget(figure.budget, figure.unit),
        verdictOf(figure),
      ])
    }
  }
  return renderColumns(['figure', 'value', 'budget', 'result'], rows)
}
