// `npm run bench`: builds the app into .bench/dist, serves it with the mock backend on
// 127.0.0.1, measures bundle size, bulk setup, API requests, the large roster,
// perceived write latency and load (Lighthouse), prints one table and writes
// .bench/results.json. Exits 1 when a budget fails or a figure could not be measured.
// No network: everything runs against local servers and Debian's Chromium.
//
//   npm run bench                        every step
//   npm run bench -- --only js,requests  some (js, setup, requests, roster, writes, first-use, taps, lighthouse)
//   npm run bench -- --compare           Roster against the bare stack of ../shared/baselines,
//                                        side by side (compare.ts); writes .bench/compare.json
//
// BENCH_PORTS=4617-4629 keeps every server and Chromium DevTools port the bench opens
// within that range (processes.ts).
import { mkdirSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { Browser } from '@playwright/test'
import { launchBrowser } from './browser'
import { BENCH_DIR, BENCH_DIST, buildApp } from './build'
import {
  COMPARE_FILE,
  renderComparison,
  runComparison,
  writeComparison,
  type ComparisonReport,
} from './compare'
import { failedFigure, formatBudget, formatValue, verdictOf, type Figure } from './figure'
import { stopLighthouseChromium } from './lighthouse'
import { startMockServer, type MockServer } from './mock-server'
import { stopAll, stopChildrenOnSignals, waitForPlaywrightRuns, withTimeout } from './processes'
import { STEP_IDS, STEPS, type BenchContext, type StepDefinition, type StepId } from './steps'
import { renderTable, type Section } from './table'

const WHOLE_RUN_TIMEOUT_MS = 25 * 60_000
const RESULTS_FILE = `${BENCH_DIR}/results.json`
const COMPARE_TIMEOUT_MS = 20 * 60_000

function chosenMode(): { compare: true } | { compare: false; steps: Set<StepId> } {
  const { values } = parseArgs({
    options: { only: { type: 'string' }, compare: { type: 'boolean' } },
  })
  if (values.compare === true) {
    if (values.only !== undefined) throw new Error('--compare runs on its own: drop --only')
    return { compare: true }
  }
  return { compare: false, steps: chosenSteps(values.only) }
}

function chosenSteps(only: string | undefined): Set<StepId> {
  if (only === undefined) return new Set(STEP_IDS)
  const wanted = only.split(',').map((id) => id.trim())
  const unknown = wanted.filter((id) => !(STEP_IDS as readonly string[]).includes(id))
  if (unknown.length > 0) {
    throw new Error(`Unknown step ${unknown.join(', ')}; the steps are ${STEP_IDS.join(', ')}`)
  }
  return new Set(wanted as StepId[])
}

/**
 * Runs one step within its time limit. Whatever a step started is closed when it ends,
 * however it ends: after a timeout, a measurement still running fails fast instead of
 * disturbing the next step.
 */
async function runStep(definition: StepDefinition, context: BenchContext): Promise<Section> {
  const { title, timeoutMs } = definition
  const started = performance.now()
  console.log(`bench: ${title}…`)
  const browsers: Browser[] = []
  let ended = false
  let figures: Figure[]
  try {
    let measuring: Promise<Figure[]>
    if (definition.needs === 'browser') {
      measuring = launchBrowser().then(async (browser) => {
        browsers.push(browser)
        if (ended) await browser.close() // The step timed out while Chromium started.
        context.meta.chromium = browser.version()
        return definition.measure(context, browser)
      })
    } else {
      if (definition.needs === 'quiet') await waitForPlaywrightRuns()
      measuring = definition.measure(context)
    }
    figures = await withTimeout(measuring, timeoutMs, title)
  } catch (error) {
    console.error(`bench: ${title} could not be measured: ${String(error)}`)
    figures = definition.fallbacks.map((fallback) =>
      failedFigure(fallback.name, fallback.unit, error, fallback.budget),
    )
  } finally {
    ended = true
    await Promise.all(browsers.map((browser) => browser.close()))
    await stopLighthouseChromium()
  }
  console.log(`bench: ${title} took ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return { title, figures }
}

function writeResults(sections: readonly Section[], context: BenchContext, started: Date) {
  const figures = sections.flatMap((section) => section.figures)
  mkdirSync(BENCH_DIR, { recursive: true })
  const results = {
    startedAt: started.toISOString(),
    seconds: Math.round((Date.now() - started.getTime()) / 1000),
    node: process.version,
    ...context.meta,
    sections: sections.map((section) => ({
      title: section.title,
      figures: section.figures.map((figure) => ({ ...figure, result: verdictOf(figure) })),
    })),
    failed: figures
      .filter((figure) => ['FAIL', 'ERROR'].includes(verdictOf(figure)))
      .map((figure) => figure.name.trim()),
  }
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`)
}

/** The verdict under the table; 1 when any budget failed or could not be checked. */
function summarize(sections: readonly Section[]): number {
  const figures = sections.flatMap((section) => section.figures)
  const failed = figures.filter((figure) => ['FAIL', 'ERROR'].includes(verdictOf(figure)))
  const budgeted = figures.filter((figure) => figure.budget).length
  if (failed.length === 0) {
    console.log(`bench: PASS, all ${budgeted} budgets met. Details: ${RESULTS_FILE}`)
    return 0
  }
  console.log(`bench: FAIL, ${failed.length} of ${budgeted} budgets not met:`)
  for (const figure of failed) {
    const why = figure.error ?? figure.note
    console.log(`  ✗ ${figure.name.trim()} (${verdictOf(figure)})${why ? `: ${why}` : ''}`)
  }
  console.log(`Details: ${RESULTS_FILE}`)
  return 1
}

/** The comparison's table and verdict; 1 when a goal is not met or could not be checked. */
async function compare(started: Date): Promise<number> {
  const roster = await startMockServer({ dist: BENCH_DIST, latencyMs: 0 })
  let report: ComparisonReport
  try {
    report = await withTimeout(
      runComparison(BENCH_DIST, roster),
      COMPARE_TIMEOUT_MS,
      'the comparison',
    )
  } finally {
    await stopLighthouseChromium()
    await stopAll()
  }
  console.log(`\n${renderComparison(report)}\n`)
  for (const row of report.rows) if (row.note) console.log(`${row.name}: ${row.note}`)
  writeComparison(report, started)
  const failed = report.budgets.filter((figure) => ['FAIL', 'ERROR'].includes(verdictOf(figure)))
  if (failed.length === 0) {
    console.log(`\nbench: PASS, all ${report.budgets.length} goals met. Details: ${COMPARE_FILE}`)
    return 0
  }
  console.log(`\nbench: FAIL, ${failed.length} of ${report.budgets.length} goals not met:`)
  for (const figure of failed) {
    const value = figure.value === null ? 'not measured' : formatValue(figure.value, figure.unit)
    console.log(`  ✗ ${figure.name}: ${value} (${formatBudget(figure.budget, figure.unit)})`)
  }
  console.log(`Details: ${COMPARE_FILE}`)
  return 1
}

async function main(): Promise<number> {
  const mode = chosenMode()
  stopChildrenOnSignals()
  const started = new Date()
  console.log(`bench: building the app into ${BENCH_DIST}`)
  await buildApp(BENCH_DIST)
  if (mode.compare) return compare(started)

  const chosen = mode.steps
  const once = (latencyMs: number) => {
    let server: Promise<MockServer> | undefined
    return () => (server ??= startMockServer({ dist: BENCH_DIST, latencyMs }))
  }
  const context: BenchContext = {
    dist: BENCH_DIST,
    servers: { fast: once(0), slow: once(2000), setup: once(200) },
    meta: {},
  }
  const sections: Section[] = []
  for (const definition of STEPS.filter((step) => chosen.has(step.id))) {
    sections.push(await runStep(definition, context))
  }
  await stopAll()

  console.log(`\n${renderTable(sections)}\n`)
  writeResults(sections, context, started)
  return summarize(sections)
}

const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${WHOLE_RUN_TIMEOUT_MS / 60_000} min; giving up`)
  void stopAll().finally(() => process.exit(1))
}, WHOLE_RUN_TIMEOUT_MS)
watchdog.unref()

// Exits explicitly: a library's stray keep-alive socket must not keep the bench hanging.
main()
  .then((code) => process.exit(code))
  .catch(async (error: unknown) => {
    console.error('bench:', error)
    await stopAll()
    process.exit(1)
  })
