import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

/** The WCAG levels Roster promises: 2.0 A/AA, 2.1 AA and 2.2 AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>
type Violation = AxeResults['violations'][number]

/** One line per rule, then one per offending element: what a reader needs to fix it. */
export function formatViolations(violations: readonly Violation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => `    - ${node.target.join(' ')}\n      ${node.html.replace(/\s+/g, ' ')}`)
        .join('\n')
      return `  ${violation.id} [${violation.impact ?? 'n/a'}]: ${violation.help}\n    ${violation.helpUrl}\n${nodes}`
    })
    .join('\n')
}

/**
 * Runs axe over the whole page as it is now (an open dialog included) and fails
 * with a readable list of rule ids and targets if anything is reported.
 */
export async function expectNoA11yViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  const { violations } = results
  if (violations.length > 0) {
    await test.info().attach(`axe violations: ${where}`, {
      body: JSON.stringify(violations, null, 2),
      contentType: 'application/json',
    })
  }
  // The summary is what the diff shows: rule id and targets per violation.
  const summary = violations.map(
    (violation) =>
      `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`,
  )
  expect(
    summary,
    `axe found ${violations.length} violation(s) on ${where}:\n${formatViolations(violations)}`,
  ).toEqual([])
}
