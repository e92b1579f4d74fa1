// Which way of starting the entry script costs Chromium least: the same build served
// with four different hints, measured side by side.
//
//   BENCH_PORTS=4617-4629 npx tsx e2e/bench/preload-variants.ts [--rounds 3]
//     [--variants modulepreload,none] [--latency 200]
//
// --latency: MOCK_LATENCY_MS of the mock servers, which the server's own reads for the
// page it renders wait too: a slow upstream, during which only a header can start the
// script. --rounds 0: no Lighthouse runs, only the trace and the taps.
//
// - preload:       `Link: <entry>; rel=preload; as=script; crossorigin` (the header
//                  Roster sent until 2026-12-01), and the same for the modulepreloaded chunk
// - modulepreload: `Link: <entry>; rel=modulepreload; crossorigin`, the same for the chunk
//                  (what src/server/preload-hints.ts sends since)
// - none:          no Link header for scripts; index.html as built (its
//                  <script type=module> and <link rel=modulepreload>)
// - plain:         no Link header and only the <script type=module> in the page (its
//                  <link rel=modulepreload> tags taken out), as the bare stack's page is
//
// For each: whether V8 compiled the entry while it streamed in (a Chromium trace's
// v8.compileModule: streamed, notStreamedReason, and its time on the main thread,
// unthrottled), Lighthouse mobile's figures (interleaved rounds; simulated throttling,
// then applied), and the taps step (with its FCP, under applied throttling). Variants are copies of one build whose manifest (entryLinks) and page are
// edited, served by the mock server as `npm run bench` serves the build.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import type { Result } from 'lighthouse'
import { launchBrowser } from './browser'
import { BENCH_DIR, buildApp } from './build'
import { formatValue, median, type Unit } from './figure'
import { runLighthouse, stopLighthouseChromium } from './lighthouse'
import { startMockServer, type MockServer } from './mock-server'
import { stopAll, stopChildrenOnSignals, waitForPlaywrightRuns } from './processes'
import { renderColumns } from './table'
import { measureTaps } from './taps'

const ALL_VARIANTS = ['preload', 'modulepreload', 'none', 'plain'] as const
type Variant = (typeof ALL_VARIANTS)[number]

const ROOT = `${BENCH_DIR}/variants`
const MANIFEST = '.roster/manifest.json'

interface Manifest {
  page: { file: string; entryLinks: string[] }
}

function makeVariant(base: string, variant: Variant): string {
  const dist = join(ROOT, variant)
  rmSync(dist, { recursive: true, force: true })
  cpSync(base, dist, { recursive: true })
  const manifest = JSON.parse(readFileSync(join(dist, MANIFEST), 'utf8')) as Manifest
  const SCRIPT_HINT = /; rel=(?:modulepreload|preload; as=script)\b/
  const scripts = manifest.page.entryLinks.filter((link) => SCRIPT_HINT.test(link))
  const others = manifest.page.entryLinks.filter((link) => !scripts.includes(link))
  const as = (rel: string) => scripts.map((link) => link.replace(SCRIPT_HINT, `; rel=${rel}`))
  manifest.page.entryLinks =
    variant === 'preload'
      ? [...as('preload; as=script'), ...others]
      : variant === 'modulepreload'
        ? [...as('modulepreload'), ...others]
        : others
  writeFileSync(join(dist, MANIFEST), JSON.stringify(manifest, null, 2))
  if (variant === 'plain') {
    const page = join(dist, manifest.page.file)
    const html = readFileSync(page, 'utf8').replace(/<link rel="modulepreload"[^>]*>\s*/g, '')
    writeFileSync(page, html)
    writeFileSync(`${page}.br`, brotliCompressSync(html))
    writeFileSync(`${page}.gz`, gzipSync(html, { level: 9 }))
  }
  return dist
}

interface TraceEvent {
  name: string
  dur?: number
  args?: { data?: { url?: string; streamed?: boolean; notStreamedReason?: string } }
}

/** The entry's v8.compileModule in a trace of one unthrottled load: streamed or not, main-thread ms. */
async function compileOfEntry(url: string, entry: string) {
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage()
    await browser.startTracing(page, { categories: ['devtools.timeline', 'v8'] })
    await page.goto(url, { waitUntil: 'networkidle' })
    const trace = JSON.parse((await browser.stopTracing()).toString()) as {
      traceEvents: TraceEvent[]
    }
    const compile = trace.traceEvents.find(
      (event) =>
        event.name === 'v8.compileModule' && event.args?.data?.url?.endsWith(entry) === true,
    )
    if (!compile) throw new Error(`no v8.compileModule for ${entry} in the trace`)
    return {
      streamed: compile.args?.data?.streamed === true,
      reason: compile.args?.data?.notStreamedReason ?? '',
      ms: (compile.dur ?? 0) / 1000,
    }
  } finally {
    await browser.close()
  }
}

const breakdown = (lhr: Result, group: string) =>
  (
    (
      lhr.audits['mainthread-work-breakdown']?.details as
        { items?: { group?: string; duration?: number }[] } | undefined
    )?.items ?? []
  ).find((item) => item.group === group)?.duration ?? 0

const LIGHTHOUSE: { name: string; unit: Unit; take: (lhr: Result) => number }[] = [
  {
    name: 'performance',
    unit: 'score',
    take: (lhr) => (lhr.categories.performance?.score ?? NaN) * 100,
  },
  {
    name: 'TBT',
    unit: 'ms',
    take: (lhr) => lhr.audits['total-blocking-time']?.numericValue ?? NaN,
  },
  {
    name: 'FCP',
    unit: 'ms',
    take: (lhr) => lhr.audits['first-contentful-paint']?.numericValue ?? NaN,
  },
  {
    name: 'LCP',
    unit: 'ms',
    take: (lhr) => lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
  },
  { name: 'script parse/compile', unit: 'ms', take: (lhr) => breakdown(lhr, 'scriptParseCompile') },
  { name: 'script evaluation', unit: 'ms', take: (lhr) => breakdown(lhr, 'scriptEvaluation') },
  {
    name: 'bootup time',
    unit: 'ms',
    take: (lhr) => lhr.audits['bootup-time']?.numericValue ?? NaN,
  },
]

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '3' },
      variants: { type: 'string', default: ALL_VARIANTS.join(',') },
      latency: { type: 'string', default: '0' },
    },
  })
  const rounds = Number(values.rounds)
  const latencyMs = Number(values.latency)
  const variants = values.variants.split(',').map((name) => {
    const variant = ALL_VARIANTS.find((known) => known === name.trim())
    if (!variant) throw new Error(`Unknown variant ${name}; they are ${ALL_VARIANTS.join(', ')}`)
    return variant
  })
  stopChildrenOnSignals()
  const base = join(ROOT, 'base')
  console.log(`variants: building into ${base}`)
  await buildApp(base)
  const html = readFileSync(join(base, 'index.html'), 'utf8')
  const entry = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1]
  if (!entry) throw new Error('no module script in index.html')

  const servers = new Map<Variant, MockServer>()
  for (const variant of variants) {
    servers.set(variant, await startMockServer({ dist: makeVariant(base, variant), latencyMs }))
  }
  const url = (variant: Variant) => `${servers.get(variant)?.origin ?? ''}/properties/1`

  const compiles = new Map<Variant, Awaited<ReturnType<typeof compileOfEntry>>[]>()
  for (let round = 0; round < 3; round++) {
    for (const variant of variants) {
      const list = compiles.get(variant) ?? []
      list.push(await compileOfEntry(url(variant), entry))
      compiles.set(variant, list)
    }
  }

  await waitForPlaywrightRuns()
  const runs = new Map<Variant, Result[]>()
  for (let round = 1; round <= rounds; round++) {
    for (const variant of variants) {
      console.log(`variants: Lighthouse mobile, round ${round} of ${rounds}: ${variant}`)
      const list = runs.get(variant) ?? []
      list.push(await runLighthouse(url(variant), 'mobile'))
      runs.set(variant, list)
    }
  }
  await stopLighthouseChromium()

  const applied = new Map<Variant, Result[]>()
  for (let round = 1; round <= rounds; round++) {
    for (const variant of variants) {
      console.log(
        `variants: Lighthouse mobile, applied throttling, round ${round} of ${rounds}: ${variant}`,
      )
      const list = applied.get(variant) ?? []
      list.push(await runLighthouse(url(variant), 'mobile-applied'))
      applied.set(variant, list)
    }
  }
  await stopLighthouseChromium()

  const taps = new Map<
    Variant,
    { first: number | null; dialog: number | null; fcp: number | null }
  >()
  const browser = await launchBrowser()
  try {
    for (const variant of variants) {
      console.log(`variants: taps: ${variant}`)
      const server = servers.get(variant)
      if (!server) continue
      const [first, dialog, , fcp] = await measureTaps(browser, server)
      taps.set(variant, {
        first: first?.value ?? null,
        dialog: dialog?.value ?? null,
        fcp: fcp?.value ?? null,
      })
    }
  } finally {
    await browser.close()
  }
  await stopAll()

  const rows: string[][] = []
  rows.push([
    'entry compiled while streaming (trace, 3 loads)',
    ...variants.map((variant) =>
      (compiles.get(variant) ?? [])
        .map((compile) => (compile.streamed ? 'yes' : `no (${compile.reason})`))
        .join(', '),
    ),
  ])
  rows.push([
    'entry compile on the main thread, unthrottled',
    ...variants.map((variant) =>
      formatValue(median((compiles.get(variant) ?? []).map((compile) => compile.ms)), 'ms'),
    ),
  ])
  for (const metric of rounds > 0 ? LIGHTHOUSE : []) {
    rows.push([
      `Lighthouse mobile: ${metric.name}${metric.unit === 'score' ? ' (each run)' : ' (median)'}`,
      ...variants.map((variant) => {
        const samples = (runs.get(variant) ?? []).map(metric.take)
        return metric.unit === 'score'
          ? samples.map((sample) => formatValue(sample, 'score')).join(', ')
          : formatValue(median(samples), metric.unit)
      }),
    ])
  }
  for (const metric of LIGHTHOUSE.filter(
    (m) => rounds > 0 && ['performance', 'TBT', 'FCP', 'LCP'].includes(m.name),
  )) {
    rows.push([
      `Lighthouse mobile, applied throttling: ${metric.name}${metric.unit === 'score' ? ' (each run)' : ' (median)'}`,
      ...variants.map((variant) => {
        const samples = (applied.get(variant) ?? []).map(metric.take)
        return metric.unit === 'score'
          ? samples.map((sample) => formatValue(sample, 'score')).join(', ')
          : formatValue(median(samples), metric.unit)
      }),
    ])
  }
  const tapCell = (value: number | null | undefined) =>
    value == null ? '—' : formatValue(value, 'ms')
  rows.push([
    'taps: FCP → first tap that opens Edit',
    ...variants.map((variant) => tapCell(taps.get(variant)?.first)),
  ])
  rows.push([
    'taps: that tap → Edit dialog visible',
    ...variants.map((variant) => tapCell(taps.get(variant)?.dialog)),
  ])
  console.log(`\n${renderColumns(['figure', ...variants], rows)}\n`)
  const samples = Object.fromEntries(
    variants.map((variant) => [
      variant,
      Object.fromEntries(
        LIGHTHOUSE.flatMap((metric) => [
          [metric.name, (runs.get(variant) ?? []).map(metric.take)],
          [`applied ${metric.name}`, (applied.get(variant) ?? []).map(metric.take)],
        ]),
      ),
    ]),
  )
  writeFileSync(
    join(BENCH_DIR, 'preload-variants.json'),
    `${JSON.stringify({ startedAt: new Date().toISOString(), latencyMs, rows, samples }, null, 2)}\n`,
  )
}

main()
  .then(() => process.exit(0))
  .catch(async (error: unknown) => {
    console.error('variants:', error)
    await stopAll()
    process.exit(1)
  })
