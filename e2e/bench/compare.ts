// `npm run bench -- --compare`: Roster's property page against the bare stack
// (bare-stack.ts), measured side by side in one run. Lighthouse mobile (simulated
// throttling, the preset the budgets use), three rounds, alternating Roster and the
// bare stack run by run so that whatever else the machine does falls on both; then the
// initial JS of both builds and Roster's "no lost taps" figures. Prints each figure for
// both with the ratio Roster/bare, checks the goals as budgets, and writes
// .bench/compare.json plus every Lighthouse report (.bench/compare-*.json).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Result } from 'lighthouse'
import { buildBareStack, serveStatic, type BareStackBuild, type StaticServer } from './bare-stack'
import { launchBrowser } from './browser'
import { BENCH_DIR } from './build'
import {
  formatBudget,
  formatValue,
  median,
  verdictOf,
  type Budget,
  type Figure,
  type Unit,
} from './figure'
import { INITIAL_JS_BUDGET, measureInitialJs } from './initial-js'
import { runLighthouse, stopLighthouseChromium } from './lighthouse'
import type { MockServer } from './mock-server'
import { sleep, waitForPlaywrightRuns } from './processes'
import { renderColumns } from './table'
import { measureTaps } from './taps'

export const COMPARE_ROUNDS = 3
export const COMPARE_FILE = `${BENCH_DIR}/compare.json`

/** The goals for Roster's page (issue 17). */
const GOALS = {
  performance: 100,
  accessibility: 100,
  bestPractices: 100,
  tbtMs: 50,
  lcpRatio: 0.9,
  cls: 0.02,
  initialJs: INITIAL_JS_BUDGET,
}

type SideName = 'roster' | 'bare'

interface Side {
  name: SideName
  label: string
  url: string
}

interface BreakdownItem {
  group?: string
  duration?: number
}
interface LongTaskItem {
  duration?: number
}

const score = (lhr: Result, id: string) => (lhr.categories[id]?.score ?? NaN) * 100
const numeric = (lhr: Result, id: string) => lhr.audits[id]?.numericValue ?? NaN
const items = <T>(lhr: Result, id: string): T[] =>
  (lhr.audits[id]?.details as { items?: T[] } | undefined)?.items ?? []

/** Main-thread time of one group of `mainthread-work-breakdown`, ms (0 when absent). */
function mainThread(lhr: Result, group: string): number {
  const item = items<BreakdownItem>(lhr, 'mainthread-work-breakdown').find(
    (entry) => entry.group === group,
  )
  return item?.duration ?? 0
}

interface Metric {
  name: string
  unit: Unit
  take: (lhr: Result) => number
  /** Shows every run rather than the median. */
  perRun?: boolean
  /** The budget on Roster's figure: its median or, for perRun, its worst run. */
  budget?: Budget
  /** Lower is better (times, bytes) unless false (scores). */
  lowerIsBetter?: boolean
}

const METRICS: Metric[] = [
  {
    name: 'performance (each run)',
    unit: 'score',
    take: (lhr) => score(lhr, 'performance'),
    perRun: true,
    budget: { op: '>=', limit: GOALS.performance },
    lowerIsBetter: false,
  },
  {
    name: 'accessibility (each run)',
    unit: 'score',
    take: (lhr) => score(lhr, 'accessibility'),
    perRun: true,
    budget: { op: '>=', limit: GOALS.accessibility },
    lowerIsBetter: false,
  },
  {
    name: 'best practices (each run)',
    unit: 'score',
    take: (lhr) => score(lhr, 'best-practices'),
    perRun: true,
    budget: { op: '>=', limit: GOALS.bestPractices },
    lowerIsBetter: false,
  },
  { name: 'LCP', unit: 'ms', take: (lhr) => numeric(lhr, 'largest-contentful-paint') },
  {
    name: 'TBT',
    unit: 'ms',
    take: (lhr) => numeric(lhr, 'total-blocking-time'),
    budget: { op: '<=', limit: GOALS.tbtMs },
  },
  { name: 'FCP', unit: 'ms', take: (lhr) => numeric(lhr, 'first-contentful-paint') },
  {
    name: 'CLS',
    unit: 'ratio',
    take: (lhr) => numeric(lhr, 'cumulative-layout-shift'),
    budget: { op: '<=', limit: GOALS.cls },
  },
  {
    name: 'main thread: script parse/compile',
    unit: 'ms',
    take: (lhr) => mainThread(lhr, 'scriptParseCompile'),
  },
  {
    name: 'main thread: script evaluation',
    unit: 'ms',
    take: (lhr) => mainThread(lhr, 'scriptEvaluation'),
  },
  { name: 'main thread: HTML parse', unit: 'ms', take: (lhr) => mainThread(lhr, 'parseHTML') },
  {
    name: 'main thread: all',
    unit: 'ms',
    take: (lhr) => numeric(lhr, 'mainthread-work-breakdown'),
  },
  { name: 'bootup time (JS)', unit: 'ms', take: (lhr) => numeric(lhr, 'bootup-time') },
  {
    name: 'long tasks (count)',
    unit: 'count',
    take: (lhr) => items<LongTaskItem>(lhr, 'long-tasks').length,
  },
  {
    name: 'longest task',
    unit: 'ms',
    take: (lhr) =>
      Math.max(0, ...items<LongTaskItem>(lhr, 'long-tasks').map((task) => task.duration ?? 0)),
  },
]

export interface CompareRow {
  name: string
  unit: Unit
  roster: number[] | null
  bare: number[] | null
  /** Roster/bare of the medians (or of the figure). */
  ratio: number | null
  /** Roster's figure the budget is checked on. */
  budgetFigure?: Figure
  budgetText?: string
  note?: string
}

export interface ComparisonReport {
  rows: CompareRow[]
  budgets: Figure[]
  meta: Record<string, unknown>
}

function ratioOf(roster: number, bare: number): number | null {
  if (!Number.isFinite(roster) || !Number.isFinite(bare) || bare === 0) return null
  return roster / bare
}

/** One GET of `url`, tried again if a pooled connection the server had closed fails it. */
async function warmUp(url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(url)
      await response.arrayBuffer()
      return
    } catch (error) {
      if (attempt === 3) throw error
      await sleep(200)
    }
  }
}

async function lighthouseRounds(sides: readonly Side[]): Promise<Record<SideName, Result[]>> {
  const runs: Record<SideName, Result[]> = { roster: [], bare: [] }
  mkdirSync(BENCH_DIR, { recursive: true })
  // One request to each page first: a server that has just started renders its first
  // page in about a second (its code still being compiled), which a server in use never
  // does again; without this, the first round alone measured it.
  for (const side of sides) await warmUp(side.url)
  for (let round = 1; round <= COMPARE_ROUNDS; round++) {
    for (const side of sides) {
      console.log(`bench: Lighthouse mobile, round ${round} of ${COMPARE_ROUNDS}: ${side.label}`)
      const lhr = await runLighthouse(side.url, 'mobile')
      writeFileSync(join(BENCH_DIR, `compare-${side.name}-${round}.json`), JSON.stringify(lhr))
      runs[side.name].push(lhr)
    }
  }
  return runs
}

function lighthouseRows(runs: Record<SideName, Result[]>): {
  rows: CompareRow[]
  budgets: Figure[]
} {
  const rows: CompareRow[] = []
  const budgets: Figure[] = []
  for (const metric of METRICS) {
    const roster = runs.roster.map(metric.take)
    const bare = runs.bare.map(metric.take)
    const row: CompareRow = {
      name: metric.name,
      unit: metric.unit,
      roster,
      bare,
      ratio: ratioOf(median(roster), median(bare)),
    }
    if (metric.budget) {
      const worst = metric.lowerIsBetter === false ? Math.min(...roster) : Math.max(...roster)
      const figure: Figure = {
        name: `Roster: ${metric.name.replace(' (each run)', '')}${metric.perRun ? ', every run' : ''}`,
        unit: metric.unit,
        value: metric.perRun ? worst : median(roster),
        samples: roster,
        budget: metric.budget,
      }
      budgets.push(figure)
      row.budgetFigure = figure
      row.budgetText = metric.perRun
        ? `${formatBudget(metric.budget, metric.unit)}, every run`
        : formatBudget(metric.budget, metric.unit)
    }
    rows.push(row)
    if (metric.name === 'LCP' && row.ratio !== null) {
      const figure: Figure = {
        name: 'Roster: LCP / bare stack LCP (medians)',
        unit: 'ratio',
        value: row.ratio,
        budget: { op: '<=', limit: GOALS.lcpRatio },
      }
      budgets.push(figure)
      row.budgetFigure = figure
      row.budgetText = `≤ ${GOALS.lcpRatio}× bare`
    }
  }
  return { rows, budgets }
}

export async function runComparison(
  rosterDist: string,
  roster: MockServer,
): Promise<ComparisonReport> {
  let bare: BareStackBuild | undefined
  let bareServer: StaticServer | undefined
  try {
    console.log('bench: building the bare stack (its dist-mini) in a temporary copy')
    bare = buildBareStack()
    bareServer = await serveStatic(bare.dist)
    const sides: Side[] = [
      { name: 'roster', label: 'Roster /properties/1', url: `${roster.origin}/properties/1` },
      { name: 'bare', label: 'bare stack /?property=1', url: `${bareServer.origin}/?property=1` },
    ]
    await waitForPlaywrightRuns()
    const runs = await lighthouseRounds(sides)
    await stopLighthouseChromium()
    const { rows, budgets } = lighthouseRows(runs)

    const rosterJs = measureInitialJs(rosterDist)
    const bareJs = measureInitialJs(bare.dist)
    const jsFigure: Figure = {
      name: 'Roster: initial JS, gzip -9',
      unit: 'bytes',
      value: rosterJs.initialGzip,
      budget: { op: '<=', limit: GOALS.initialJs },
    }
    budgets.push(jsFigure)
    rows.push({
      name: 'initial JS, gzip -9',
      unit: 'bytes',
      roster: [rosterJs.initialGzip],
      bare: [bareJs.initialGzip],
      ratio: ratioOf(rosterJs.initialGzip, bareJs.initialGzip),
      budgetFigure: jsFigure,
      budgetText: formatBudget(jsFigure.budget, 'bytes'),
    })

    console.log('bench: no lost taps (Roster)')
    const browser = await launchBrowser()
    let taps: Figure[]
    try {
      taps = await measureTaps(browser, roster)
    } finally {
      await browser.close()
    }
    for (const figure of taps) {
      if (figure.budget) budgets.push({ ...figure, name: `Roster: ${figure.name}` })
      rows.push({
        name: `taps: ${figure.name}`,
        unit: figure.unit,
        roster: figure.samples ?? (figure.value === null ? null : [figure.value]),
        bare: null,
        ratio: null,
        budgetFigure: figure.budget ? figure : undefined,
        budgetText: figure.budget ? formatBudget(figure.budget, figure.unit) : undefined,
        note: figure.note,
      })
    }
    const first = runs.roster[0]
    return {
      rows,
      budgets,
      meta: {
        bareStack: {
          dependencies: bare.dependencies,
          served: 'e2e/bench/static-server.ts (brotli 11 / gzip 9, like Roster)',
        },
        lighthouse: {
          version: first?.lighthouseVersion,
          browser: first?.environment.hostUserAgent,
        },
        initialJs: {
          roster: rosterJs.initial.map(({ file, gzip }) => ({ file, gzip })),
          bare: bareJs.initial.map(({ file, gzip }) => ({ file, gzip })),
        },
        transferred: {
          roster: transferred(runs.roster[0]),
          bare: transferred(runs.bare[0]),
        },
      },
    }
  } finally {
    await bareServer?.stop()
    bare?.remove()
  }
}

interface NetworkItem {
  url?: string
  resourceType?: string
  transferSize?: number
  resourceSize?: number
}

/** What each side's page fetched (documents, scripts, styles) in its first run. */
function transferred(lhr: Result | undefined) {
  if (!lhr) return []
  return items<NetworkItem>(lhr, 'network-requests')
    .filter((item) => ['Document', 'Script', 'Stylesheet'].includes(item.resourceType ?? ''))
    .map(({ url, resourceType, transferSize, resourceSize }) => ({
      url: url?.replace(/^https?:\/\/[^/]+/, ''),
      resourceType,
      transferSize,
      resourceSize,
    }))
}

function show(values: number[] | null, row: CompareRow, perRun: boolean): string {
  if (values === null || values.length === 0) return '—'
  if (perRun) return values.map((value) => formatValue(value, row.unit)).join(', ')
  return formatValue(median(values), row.unit)
}

const PER_RUN = new Set(METRICS.filter((metric) => metric.perRun).map((metric) => metric.name))

export function renderComparison(report: ComparisonReport): string {
  const header = [
    'figure (median unless each run)',
    'Roster',
    'bare stack',
    'Roster/bare',
    'budget',
    'result',
  ]
  const rows = report.rows.map((row) => {
    const perRun = PER_RUN.has(row.name)
    return [
      row.name,
      show(row.roster, row, perRun),
      show(row.bare, row, perRun),
      row.ratio === null ? '—' : `${row.ratio.toFixed(2)}×`,
      row.budgetText ?? '—',
      row.budgetFigure ? verdictOf(row.budgetFigure) : 'info',
    ]
  })
  return renderColumns(header, rows)
}

export function writeComparison(report: ComparisonReport, started: Date): void {
  mkdirSync(BENCH_DIR, { recursive: true })
  const results = {
    startedAt: started.toISOString(),
    seconds: Math.round((Date.now() - started.getTime()) / 1000),
    node: process.version,
    ...report.meta,
    rows: report.rows.map(({ budgetFigure, ...row }) => ({
      ...row,
      result: budgetFigure ? verdictOf(budgetFigure) : 'info',
    })),
    budgets: report.budgets.map((figure) => ({ ...figure, result: verdictOf(figure) })),
    failed: report.budgets
      .filter((figure) => ['FAIL', 'ERROR'].includes(verdictOf(figure)))
      .map((figure) => figure.name),
  }
  writeFileSync(COMPARE_FILE, `${JSON.stringify(results, null, 2)}\n`)
}
