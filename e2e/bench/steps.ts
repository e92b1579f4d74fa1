// The bench's steps, in the order they run: what each measures, how long it may take,
// and which budgeted figures it stands for when it cannot run (reported as ERROR).
import type { Browser } from '@playwright/test'
import { BENCH_DIR } from './build'
import { measureBulkSetup } from './bulk-setup'
import { FIRST_PAGE_BUDGET_MS, FIRST_USE_BUDGET_MS, measureFirstUse } from './first-use'
import type { Budget, Figure, Unit } from './figure'
import { initialJsFigures, INITIAL_JS_BUDGET, measureInitialJs } from './initial-js'
import { measureLargeRoster } from './large-roster'
import { measureLighthouse, type Preset } from './lighthouse'
import type { MockServer } from './mock-server'
import { measureRequests } from './requests'
import { FIRST_TAP_BUDGET_MS, measureTaps, TAP_RUNS, TAP_TO_DIALOG_BUDGET_MS } from './taps'
import { measureWriteLatency } from './write-latency'

export const STEP_IDS = [
  'js',
  'setup',
  'requests',
  'roster',
  'writes',
  'first-use',
  'taps',
  'lighthouse',
] as const
export type StepId = (typeof STEP_IDS)[number]

export interface BenchContext {
  /** The build being measured. */
  dist: string
  /** Mock servers on that build, each started on first use: no latency, 2 s, 200 ms. */
  servers: Record<'fast' | 'slow' | 'setup', () => Promise<MockServer>>
  /** Facts for results.json (versions, the bundle's chunks…). */
  meta: Record<string, unknown>
}

export interface Fallback {
  name: string
  unit: Unit
  budget?: Budget
}

interface StepBase {
  id: StepId
  title: string
  timeoutMs: number
  fallbacks: Fallback[]
}

export type StepDefinition = StepBase &
  (
    | {
        /** Gets a Playwright Chromium of its own, closed when the step ends. */
        needs: 'browser'
        measure: (context: BenchContext, browser: Browser) => Promise<Figure[]>
      }
    | {
        /** 'quiet': wants the machine to itself (waits for a Playwright run to end). */
        needs?: 'quiet'
        measure: (context: BenchContext) => Promise<Figure[]>
      }
  )

const atMost = (limit: number): Budget => ({ op: '<=', limit })
const atLeast = (limit: number): Budget => ({ op: '>=', limit })

const PRESET_TITLES: Record<Preset, string> = {
  mobile: 'mobile',
  desktop: 'desktop',
  'mobile-applied': 'mobile with applied ("devtools") throttling, no budgets',
}

function lighthouseStep(preset: Preset): StepDefinition {
  return {
    id: 'lighthouse',
    title: `Lighthouse ${PRESET_TITLES[preset]} (/properties/1), median of 3`,
    timeoutMs: 300_000,
    needs: 'quiet',
    measure: async ({ servers, meta }) => {
      const url = `${(await servers.fast()).origin}/properties/1`
      const report = await measureLighthouse(url, preset, BENCH_DIR)
      meta.lighthouse = { version: report.lighthouseVersion, browser: report.browser }
      return report.figures
    },
    fallbacks:
      preset === 'mobile-applied'
        ? [{ name: `${preset}: performance`, unit: 'score' }]
        : [
            {
              name: `${preset}: performance`,
              unit: 'score',
              budget: atLeast(preset === 'mobile' ? 98 : 100),
            },
            { name: `${preset}: accessibility`, unit: 'score', budget: atLeast(100) },
            { name: `${preset}: best practices`, unit: 'score', budget: atLeast(100) },
          ],
  }
}

export const STEPS: StepDefinition[] = [
  {
    id: 'js',
    title: 'Bundle (gzip level 9)',
    timeoutMs: 60_000,
    measure: ({ dist, meta }) => {
      const report = measureInitialJs(dist)
      meta.bundle = report
      return Promise.resolve(initialJsFigures(report))
    },
    fallbacks: [{ name: 'Initial JS', unit: 'bytes', budget: atMost(INITIAL_JS_BUDGET) }],
  },
  {
    id: 'setup',
    title: 'Bulk setup (server answers after 200 ms), median of 3',
    timeoutMs: 120_000,
    measure: async ({ servers }) => measureBulkSetup(await servers.setup()),
    fallbacks: [{ name: 'Set up 20 links', unit: 'ms', budget: atMost(1500) }],
  },
  {
    id: 'requests',
    title: 'Requests to /api/v1',
    timeoutMs: 120_000,
    needs: 'browser',
    measure: async ({ servers, dist }, browser) =>
      measureRequests(browser, await servers.fast(), dist),
    fallbacks: [
      { name: 'Open /properties/1: API requests', unit: 'count', budget: atMost(2) },
      { name: 'Type "smi" in Contact: searches', unit: 'count', budget: atMost(1) },
      { name: 'Edit: requests', unit: 'count', budget: { op: '=', limit: 1 } },
    ],
  },
  {
    id: 'roster',
    title: 'Large roster (property 31, 1,000 links), median of 5',
    timeoutMs: 180_000,
    needs: 'browser',
    measure: async ({ servers }, browser) => measureLargeRoster(browser, await servers.fast()),
    fallbacks: [
      { name: 'roster response → painted', unit: 'ms', budget: atMost(200) },
      { name: 'filters respond', unit: 'ms', budget: atMost(50) },
    ],
  },
  {
    id: 'writes',
    title: 'Perceived write latency (server answers after 2 s), median of 5',
    timeoutMs: 240_000,
    needs: 'browser',
    measure: async ({ servers }, browser) => measureWriteLatency(browser, await servers.slow()),
    fallbacks: [
      { name: 'Edit shows', unit: 'ms', budget: atMost(50) },
      { name: 'Unlink shows', unit: 'ms', budget: atMost(50) },
    ],
  },
  {
    id: 'first-use',
    title: 'First use of what loads apart (fresh page, fast server), median of 5',
    timeoutMs: 240_000,
    needs: 'browser',
    measure: async ({ servers }, browser) => measureFirstUse(browser, await servers.fast()),
    fallbacks: [
      {
        name: '"?" → the keyboard shortcuts show',
        unit: 'ms',
        budget: atMost(FIRST_USE_BUDGET_MS),
      },
      { name: 'Email everyone → its panel shows', unit: 'ms', budget: atMost(FIRST_USE_BUDGET_MS) },
      {
        name: 'Set up transaction → the setup page shows',
        unit: 'ms',
        budget: atMost(FIRST_PAGE_BUDGET_MS),
      },
    ],
  },
  {
    id: 'taps',
    title: `No lost taps (applied mobile throttling, tap Edit as soon as painted), median of ${TAP_RUNS}`,
    timeoutMs: 240_000,
    needs: 'browser',
    measure: async ({ servers }, browser) => measureTaps(browser, await servers.fast()),
    fallbacks: [
      { name: 'FCP → first tap that opens Edit', unit: 'ms', budget: atMost(FIRST_TAP_BUDGET_MS) },
      {
        name: 'that tap → Edit dialog visible',
        unit: 'ms',
        budget: atMost(TAP_TO_DIALOG_BUDGET_MS),
      },
    ],
  },
  lighthouseStep('mobile'),
  lighthouseStep('desktop'),
  lighthouseStep('mobile-applied'),
]
