// Load: Lighthouse (its Node API) on the property page, mobile (the default config)
// and desktop presets, median of 3 runs each, in Debian's Chromium started here with a
// DevTools port. Lighthouse itself fetches nothing from the network for a localhost
// page (its error reporting is a CLI option, off in the Node API); Chromium's background
// calls are switched off.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import lighthouse, { type Result, type RunnerResult } from 'lighthouse'
import desktopConfig from 'lighthouse/core/config/desktop-config.js'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser'
import { median, type Budget, type Figure, type Unit } from './figure'
import { freePort, releasePort, spawnTracked, stopProcess, tail, withTimeout } from './processes'

export const RUNS = 3
const BENCH_REPORTS = '.bench/lighthouse-*.json'
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const

/**
 * `mobile-applied`: the mobile preset with Lighthouse's "devtools" throttling, which
 * really slows the network and CPU while the page loads, instead of simulating the
 * slow load from a fast one (the default, whose figures the budgets use). Reported for
 * comparison, without budgets.
 */
export type Preset = 'mobile' | 'desktop' | 'mobile-applied'

/** Figures an applied-throttling run adds: the load, not the audits already reported. */
const APPLIED_METRICS = new Set(['performance', 'LCP', 'FCP', 'TBT', 'CLS'])

/** chrome-launcher's usual quiet-profile flags, on top of the ones every bench browser gets. */
const LIGHTHOUSE_CHROMIUM_ARGS = [
  ...CHROMIUM_ARGS,
  '--headless',
  '--disable-extensions',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-hang-monitor',
  '--metrics-recording-only',
  '--password-store=basic',
  '--mute-audio',
  '--no-default-browser-check',
]

interface Chrome {
  port: number
  stop(): Promise<void>
}

const started = new Set<Chrome>()

/** Stops any Chromium a Lighthouse run left (one that timed out). */
export async function stopLighthouseChromium(): Promise<void> {
  await Promise.all([...started].map((chrome) => chrome.stop()))
}

async function launchChromium(): Promise<Chrome> {
  const profile = mkdtempSync(join(tmpdir(), 'roster-bench-chromium-'))
  // Within BENCH_PORTS when set (processes.ts); else Chromium's own pick (0).
  const devtoolsPort = process.env.BENCH_PORTS ? await freePort() : 0
  const child = spawnTracked(
    CHROMIUM_PATH,
    [
      ...LIGHTHOUSE_CHROMIUM_ARGS,
      `--remote-debugging-port=${devtoolsPort}`,
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  child.once('exit', () => releasePort(devtoolsPort))
  const output = tail(child)
  const chrome: Chrome = {
    port: 0,
    stop: async () => {
      started.delete(chrome)
      await stopProcess(child)
      rmSync(profile, { recursive: true, force: true })
    },
  }
  started.add(chrome)
  try {
    const port = await withTimeout(
      new Promise<number>((resolve, reject) => {
        let text = ''
        child.stderr?.on('data', (chunk: Buffer) => {
          text += chunk.toString()
          const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(text)
          if (match?.[1]) resolve(Number(match[1]))
        })
        child.once('exit', (code) => {
          reject(
            new Error(`Chromium exited (${code}) before its DevTools port opened: ${output()}`),
          )
        })
      }),
      20_000,
      'Chromium start',
    )
    chrome.port = port
    return chrome
  } catch (error) {
    await chrome.stop()
    throw error
  }
}

/** Lighthouse's own "run again" failures (e.g. NO_NAVSTART: the trace missed the navigation). */
class LighthouseRunError extends Error {}
const ATTEMPTS = 3

/** One Lighthouse run of `url` (retried on Lighthouse's own "run again" failures). */
export async function runLighthouse(url: string, preset: Preset): Promise<Result> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptOnce(url, preset)
    } catch (error) {
      if (!(error instanceof LighthouseRunError) || attempt === ATTEMPTS) throw error
      console.warn(`lighthouse ${preset}: ${error.message.split('\n')[0] ?? ''}; trying again`)
    }
  }
}

async function attemptOnce(url: string, preset: Preset): Promise<Result> {
  const chrome = await launchChromium()
  try {
    const result: RunnerResult | undefined = await lighthouse(
      url,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
        ...(preset === 'mobile-applied' ? { throttlingMethod: 'devtools' as const } : {}),
      },
      preset === 'desktop' ? desktopConfig : undefined,
    )
    if (!result) throw new Error('Lighthouse returned no result')
    const { runtimeError, runWarnings } = result.lhr
    if (runtimeError) {
      throw new LighthouseRunError(`Lighthouse: ${runtimeError.code}: ${runtimeError.message}`)
    }
    if (runWarnings.length > 0) console.warn(`lighthouse ${preset}: ${runWarnings.join('; ')}`)
    return result.lhr
  } finally {
    await chrome.stop()
  }
}

const score = (lhr: Result, id: string) => (lhr.categories[id]?.score ?? NaN) * 100
const numeric = (lhr: Result, id: string) => lhr.audits[id]?.numericValue ?? NaN

interface AuditItems {
  items?: { node?: { selector?: string } }[]
}

/** Audits that cost points: weighted ones below a full score in any run, with their values. */
function failingAudits(runs: readonly Result[], category: string): string {
  const seen = new Map<string, { values: Set<string>; nodes: Set<string> }>()
  for (const lhr of runs) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id]
      if (ref.weight === 0 || audit?.score === null || audit?.score === undefined) continue
      if (audit.score >= 1) continue
      const entry = seen.get(ref.id) ?? { values: new Set(), nodes: new Set() }
      entry.values.add(audit.displayValue ?? `score ${audit.score.toFixed(2)}`)
      for (const item of (audit.details as AuditItems | undefined)?.items ?? []) {
        if (item.node?.selector) entry.nodes.add(item.node.selector)
      }
      seen.set(ref.id, entry)
    }
  }
  return [...seen]
    .map(([id, { values, nodes }]) => {
      const where = nodes.size > 0 ? ` on ${[...nodes].slice(0, 3).join(', ')}` : ''
      return `${id} (${[...values].join(' / ')})${where}`
    })
    .join('; ')
}

interface NetworkItems {
  items?: { resourceType?: string; transferSize?: number; resourceSize?: number }[]
}

/** What the page's documents, scripts and styles cost on the wire, and under which throttling. */
function transferNote(lhr: Result): string {
  const items = (lhr.audits['network-requests']?.details as NetworkItems | undefined)?.items ?? []
  const code = items.filter((item) =>
    ['Document', 'Script', 'Stylesheet'].includes(item.resourceType ?? ''),
  )
  const sum = (key: 'transferSize' | 'resourceSize') =>
    code.reduce((total, item) => total + (item[key] ?? 0), 0)
  // KB = 1,000 B, as everywhere in the bench (figure.ts).
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(0)} KB`
  const sent = sum('transferSize')
  const size = sum('resourceSize')
  const compressed = sent < size * 0.9 ? 'compressed' : 'NOT compressed by the server'
  const { throttling, throttlingMethod } = lhr.configSettings
  return `HTML+JS+CSS sent as ${kb(sent)} for ${kb(size)} (${compressed}); ${throttlingMethod} throttling: ${throttling.rttMs} ms RTT, ${(throttling.throughputKbps / 1000).toFixed(1)} Mbps, CPU ×${throttling.cpuSlowdownMultiplier}`
}

/**
 * Audits Lighthouse could not compute, in any run (Lighthouse 12.2.3's trace engine does
 * not know every trace event of a much newer Chromium). Named so that a missing
 * diagnostic is not mistaken for a pass.
 */
function erroredAudits(runs: readonly Result[]): string {
  const ids = new Set<string>()
  for (const lhr of runs) {
    for (const audit of Object.values(lhr.audits)) {
      if (audit.scoreDisplayMode === 'error') ids.add(audit.id)
    }
  }
  return [...ids].join(', ')
}

interface Metric {
  name: string
  unit: Unit
  take: (lhr: Result) => number
  budget?: Partial<Record<Preset, Budget>>
  category?: string
  explain?: (lhr: Result) => string
}

const METRICS: Metric[] = [
  {
    name: 'performance',
    unit: 'score',
    take: (lhr) => score(lhr, 'performance'),
    budget: { mobile: { op: '>=', limit: 98 }, desktop: { op: '>=', limit: 100 } },
    category: 'performance',
  },
  {
    name: 'accessibility',
    unit: 'score',
    take: (lhr) => score(lhr, 'accessibility'),
    budget: { mobile: { op: '>=', limit: 100 }, desktop: { op: '>=', limit: 100 } },
    category: 'accessibility',
  },
  {
    name: 'best practices',
    unit: 'score',
    take: (lhr) => score(lhr, 'best-practices'),
    budget: { mobile: { op: '>=', limit: 100 }, desktop: { op: '>=', limit: 100 } },
    category: 'best-practices',
  },
  {
    name: 'CLS',
    unit: 'ratio',
    take: (lhr) => numeric(lhr, 'cumulative-layout-shift'),
    budget: { mobile: { op: '<=', limit: 0.02 }, desktop: { op: '<=', limit: 0.02 } },
    explain: (lhr) =>
      lhr.audits['layout-shifts']?.scoreDisplayMode === 'error'
        ? 'Lighthouse could not name the shifting elements (its layout-shifts audit errored)'
        : `see the layout-shifts audit in ${BENCH_REPORTS}`,
  },
  {
    name: 'LCP',
    unit: 'ms',
    take: (lhr) => numeric(lhr, 'largest-contentful-paint'),
    budget: { mobile: { op: '<=', limit: 1500 }, desktop: undefined },
    explain: transferNote,
  },
  { name: 'FCP', unit: 'ms', take: (lhr) => numeric(lhr, 'first-contentful-paint') },
  { name: 'TBT', unit: 'ms', take: (lhr) => numeric(lhr, 'total-blocking-time') },
]

export interface LighthouseReport {
  figures: Figure[]
  /** What actually ran, from the results. */
  lighthouseVersion: string
  browser: string
}

export async function measureLighthouse(
  url: string,
  preset: Preset,
  reportDir: string,
): Promise<LighthouseReport> {
  const runs: Result[] = []
  for (let run = 1; run <= RUNS; run++) {
    const lhr = await runLighthouse(url, preset)
    mkdirSync(reportDir, { recursive: true })
    writeFileSync(join(reportDir, `lighthouse-${preset}-${run}.json`), JSON.stringify(lhr))
    runs.push(lhr)
  }
  const metrics =
    preset === 'mobile-applied'
      ? METRICS.filter((metric) => APPLIED_METRICS.has(metric.name))
      : METRICS
  const figures = metrics.map((metric): Figure => {
    const samples = runs.map(metric.take)
    const failing = metric.category ? failingAudits(runs, metric.category) : ''
    const first = runs[0]
    const notes = [
      failing && `audits below 100 in some run: ${failing}`,
      first && metric.explain?.(first),
    ].filter(Boolean)
    return {
      name: `${preset}: ${metric.name}`,
      unit: metric.unit,
      value: median(samples),
      samples,
      budget: metric.budget?.[preset],
      note: notes.length > 0 ? notes.join('. ') : undefined,
    }
  })
  const errored = erroredAudits(runs)
  if (errored && figures[0]) {
    const note = `audits that errored (unscored diagnostics, not metrics): ${errored}`
    figures[0].note = figures[0].note ? `${figures[0].note}. ${note}` : note
  }
  const first = runs[0]
  return {
    figures,
    lighthouseVersion: first?.lighthouseVersion ?? '',
    browser: first?.environment.hostUserAgent ?? '',
  }
}
