// No lost taps: on a throttled phone, a tap on a roster entry's Edit as soon as the
// entry is painted must open the dialog, soon. Under applied throttling (the figures of
// Lighthouse's mobile preset, really applied through the DevTools protocol: 150 ms
// latency a request, 1.6 Mbps down, 750 Kbps up, CPU ×4), on a phone-sized touch
// screen, the bench loads /properties/1 in a fresh context, waits for the first roster
// entry's "Edit <name>" button to be visible, and taps it every ~50 ms until the Edit
// dialog shows. A tap that comes before the page's script can answer it is lost: the
// server-rendered button does nothing yet.
//
// Which tap opened the dialog is told in the page, from its own clock: every trusted
// click is noted when it is dispatched; the click that worked is the last one
// dispatched before the page acted on it, which the app marks ("roster:open-edit", a
// User Timing mark its Edit handler sets). Builds without the mark fall back on the
// first script requested after the first click (the dialog's code loading on demand)
// or, if none, the dialog itself. Once
// the dialog is in the page, later taps are stopped at the window (capture phase) so
// that none can land on the backdrop and close it.
import type { Browser, CDPSession, Page } from '@playwright/test'
import { throttling, userAgents } from 'lighthouse/core/config/constants.js'
import { medianFigure, type Figure } from './figure'
import type { MockServer } from './mock-server'
import { describeFrames, PROBES_SCRIPT, type LongFrame } from './page-probes'
import { sleep, withTimeout } from './processes'

export const TAP_RUNS = 5
export const FIRST_TAP_BUDGET_MS = 1000
export const TAP_TO_DIALOG_BUDGET_MS = 300
const TAP_INTERVAL_MS = 50
const GIVE_UP_MS = 20_000

/** Lighthouse's mobile screen (its moto g power emulation: constants.js, screenEmulationMetrics). */
const PHONE = { width: 412, height: 823, deviceScaleFactor: 1.75 }

/** Lighthouse's mobile figures (its "1.6 Mbps" is 1,638.4 Kbps), applied for real. */
const NETWORK = throttling.mobileSlow4G
export const APPLIED_THROTTLING = {
  latencyMs: NETWORK.rttMs,
  downloadBytesPerSecond: (NETWORK.throughputKbps * 1000) / 8,
  uploadBytesPerSecond: (750 * 1000) / 8,
  cpu: NETWORK.cpuSlowdownMultiplier,
}

/** What the page's probe knows of one run, in the page's clock (performance.now()). */
interface TapTimeline {
  fcp: number | null
  /** The first Edit button of the roster: in the DOM, then the frame after that painted. */
  buttonSeen: number | null
  buttonPainted: number | null
  /** Trusted clicks: when the tap was (the click's timeStamp) and when the click was dispatched. */
  clicks: { tapped: number; dispatched: number }[]
  /** Scripts requested after the first click, in order: the page reacting. */
  scripts: { url: string; start: number }[]
  /** The app's own User Timing mark when it acted on a tap ("roster:open-edit"). */
  opened: number | null
  dialogSeen: number | null
  dialogPainted: number | null
  blocked: number
}

interface ButtonBox {
  left: number
  top: number
  width: number
  height: number
  bottom: number
}

declare global {
  interface Window {
    __taps: { timeline: TapTimeline; dialogName: string | null }
    /** Playwright bindings (page.exposeBinding): calls reach the bench. */
    __tapsButtonPainted: (box: ButtonBox) => Promise<void>
    __tapsDialogShown: () => Promise<void>
  }
}

/** Serialized into the page before its own scripts (see page-probes.ts). */
function installTapProbe(): void {
  const timeline: TapTimeline = {
    fcp: null,
    buttonSeen: null,
    buttonPainted: null,
    clicks: [],
    scripts: [],
    dialogSeen: null,
    dialogPainted: null,
    blocked: 0,
    opened: null,
  }
  const state = { timeline, dialogName: null as string | null }
  window.__taps = state
  const afterNextPaint = (done: (at: number) => void) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        done(performance.now())
      }
      channel.port2.postMessage(null)
    })
  }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'first-contentful-paint') timeline.fcp = entry.startTime
    }
  }).observe({ type: 'paint', buffered: true })
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'roster:open-edit') timeline.opened ??= entry.startTime
    }
  }).observe({ type: 'mark', buffered: true })
  new PerformanceObserver((list) => {
    const first = timeline.clicks[0]
    if (!first) return
    for (const entry of list.getEntries()) {
      const url = new URL(entry.name)
      if (url.pathname.endsWith('.js') && entry.startTime >= first.dispatched) {
        timeline.scripts.push({ url: url.pathname, start: entry.startTime })
      }
    }
  }).observe({ type: 'resource' })

  const stopWhenDone = (event: Event) => {
    if (!event.isTrusted) return
    if (timeline.dialogSeen !== null) {
      timeline.blocked++
      event.stopImmediatePropagation()
      if (event.cancelable) event.preventDefault()
      return
    }
    // A tap's click carries the tap's time (the touch's end) as its timeStamp, however
    // long it then waited for the main thread.
    if (event.type === 'click') {
      timeline.clicks.push({ tapped: event.timeStamp, dispatched: performance.now() })
    }
  }
  for (const type of [
    'pointerdown',
    'pointerup',
    'touchstart',
    'touchend',
    'mousedown',
    'mouseup',
    'click',
  ]) {
    window.addEventListener(type, stopWhenDone, { capture: true, passive: false })
  }

  const check = () => {
    if (timeline.buttonSeen === null) {
      const button = document.querySelector<HTMLButtonElement>(
        'section[aria-labelledby="roster-heading"] li .entry-actions button[aria-label^="Edit "]',
      )
      if (button) {
        timeline.buttonSeen = performance.now()
        state.dialogName = button.getAttribute('aria-label')
        afterNextPaint((at) => {
          timeline.buttonPainted = at
          const { left, top, width, height, bottom } = button.getBoundingClientRect()
          void window.__tapsButtonPainted({ left, top, width, height, bottom })
        })
      }
    }
    if (timeline.dialogSeen === null && state.dialogName !== null) {
      const titles = [...document.querySelectorAll('dialog[open] h2, [role="dialog"] h2')]
      if (titles.some((title) => title.textContent === state.dialogName)) {
        timeline.dialogSeen = performance.now()
        afterNextPaint((at) => {
          timeline.dialogPainted = at
          void window.__tapsDialogShown()
        })
      }
    }
  }
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
  })
}

const TAP_PROBE_SCRIPT = `globalThis.__name ??= (fn) => fn;\n(${installTapProbe.toString()})();`

export interface TapRun {
  fcp: number
  /** FCP → the tap that opened the dialog. */
  firstWorkingTap: number
  /** That tap → the frame after the dialog showed. */
  tapToDialog: number
  /** That tap → its click dispatched: the wait for the main thread. */
  inputDelay: number
  /** Taps before it that did nothing. */
  lost: number
  /** The button painted → the first tap (the bench's own reaction time). */
  firstTapDelay: number
  frames: LongFrame[]
}

async function throttle(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: APPLIED_THROTTLING.latencyMs,
    downloadThroughput: APPLIED_THROTTLING.downloadBytesPerSecond,
    uploadThroughput: APPLIED_THROTTLING.uploadBytesPerSecond,
  })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: APPLIED_THROTTLING.cpu })
  return cdp
}

function readRun(timeline: TapTimeline, frames: LongFrame[]): TapRun {
  const { fcp, buttonPainted, dialogSeen, dialogPainted, clicks, scripts } = timeline
  if (fcp === null) throw new Error('no first-contentful-paint entry')
  if (buttonPainted === null) throw new Error('the Edit button was never painted')
  if (dialogSeen === null || dialogPainted === null) throw new Error('the Edit dialog never showed')
  // The app marks when it acted on a tap (its Edit handler ran): the click that worked
  // is the last one dispatched before that. Without the mark (an older build), the
  // first script requested after the first click stands for the page reacting, which
  // modules fetched ahead of time would blur.
  const reacted = timeline.opened ?? Math.min(scripts[0]?.start ?? Infinity, dialogSeen)
  const before = clicks.filter((click) => click.dispatched <= reacted)
  const working = before.at(-1)
  if (!working) throw new Error('the dialog showed with no click before it')
  return {
    fcp,
    firstWorkingTap: working.tapped - fcp,
    tapToDialog: dialogPainted - working.tapped,
    inputDelay: working.dispatched - working.tapped,
    lost: before.length - 1,
    firstTapDelay: (clicks[0]?.tapped ?? NaN) - buttonPainted,
    frames,
  }
}

/** Taps at (x, y) through the DevTools protocol, without waiting for the page to answer. */
function tapper(
  send: (touch: 'touchStart' | 'touchEnd', x: number, y: number) => Promise<unknown>,
) {
  const failures: unknown[] = []
  return {
    failures,
    tap(x: number, y: number) {
      // Sent in order on one connection; not awaited, so that taps queue up while the
      // page's main thread is busy, as a person's would.
      send('touchStart', x, y).catch((error: unknown) => failures.push(error))
      send('touchEnd', x, y).catch((error: unknown) => failures.push(error))
    },
  }
}

async function oneRun(browser: Browser, url: string): Promise<TapRun> {
  const { width, height, deviceScaleFactor } = PHONE
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor,
    isMobile: true,
    hasTouch: true,
    userAgent: userAgents.mobile,
  })
  try {
    context.setDefaultTimeout(GIVE_UP_MS)
    const page = await context.newPage()
    // The probe tells the bench when the button painted (and where it is) and when the
    // dialog showed, through bindings: the bench never waits on the page's main thread.
    let painted: (box: ButtonBox) => void = () => undefined
    const buttonPainted = new Promise<ButtonBox>((resolve) => (painted = resolve))
    const seen = { dialog: false }
    await page.exposeBinding('__tapsButtonPainted', (_source, box: ButtonBox) => {
      painted(box)
    })
    await page.exposeBinding('__tapsDialogShown', () => {
      seen.dialog = true
    })
    await page.addInitScript({ content: PROBES_SCRIPT })
    await page.addInitScript({ content: TAP_PROBE_SCRIPT })
    // A page of the same origin first, so that the throttled renderer is the one the
    // property page loads in; then the page itself, with an empty cache.
    await page.goto(new URL('/__mock/health', url).href)
    const cdp = await throttle(page)
    const taps = tapper((type, x, y) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x, y }],
      }),
    )
    await page.goto(url, { waitUntil: 'commit' })
    const box = await withTimeout(buttonPainted, GIVE_UP_MS, 'the first Edit button to paint')
    if (box.bottom > height || box.width === 0) {
      throw new Error(`the first Edit button is not on the first screen (${JSON.stringify(box)})`)
    }
    const x = box.left + box.width / 2
    const y = box.top + box.height / 2
    const deadline = Date.now() + GIVE_UP_MS
    while (!seen.dialog) {
      if (Date.now() > deadline) {
        throw new Error(`no tap opened the dialog within ${GIVE_UP_MS / 1000} s`)
      }
      if (taps.failures.length > 0) throw new Error(`a tap failed: ${String(taps.failures[0])}`)
      taps.tap(x, y)
      await sleep(TAP_INTERVAL_MS)
    }
    const timeline = await page.evaluate(() => window.__taps.timeline)
    const frames = await page.evaluate(({ from, to }) => window.__bench.longFrames(from, to), {
      from: timeline.fcp ?? 0,
      to: timeline.dialogPainted ?? 0,
    })
    return readRun(timeline, frames)
  } finally {
    await context.close()
  }
}

export async function measureTaps(browser: Browser, server: MockServer): Promise<Figure[]> {
  const url = `${server.origin}/properties/1`
  const runs: TapRun[] = []
  for (let run = 0; run < TAP_RUNS; run++) {
    await server.reset()
    runs.push(await oneRun(browser, url))
  }
  const list = (take: (run: TapRun) => number) => runs.map((run) => take(run).toFixed(0)).join(', ')
  const { latencyMs, downloadBytesPerSecond, cpu } = APPLIED_THROTTLING
  const how = `applied throttling (CDP): ${latencyMs} ms latency, ${((downloadBytesPerSecond * 8) / 1e6).toFixed(2)} Mbps down, CPU ×${cpu}; ${PHONE.width}×${PHONE.height} touch screen, a tap every ~${TAP_INTERVAL_MS} ms`
  const sorted = [...runs].sort((a, b) => a.firstWorkingTap - b.firstWorkingTap)
  const middle = sorted[Math.floor(sorted.length / 2)]
  return [
    medianFigure(
      'FCP → first tap that opens Edit',
      'ms',
      runs.map((run) => run.firstWorkingTap),
      {
        budget: { op: '<=', limit: FIRST_TAP_BUDGET_MS },
        note: `${how}. Taps lost before it: ${list((run) => run.lost)}; FCP at ${list((run) => run.fcp)} ms; the first tap came ${list((run) => run.firstTapDelay)} ms after the button painted. Median run, long frames until the dialog: ${middle ? describeFrames(middle.frames) : ''}`,
      },
    ),
    medianFigure(
      'that tap → Edit dialog visible',
      'ms',
      runs.map((run) => run.tapToDialog),
      {
        budget: { op: '<=', limit: TAP_TO_DIALOG_BUDGET_MS },
        note: `the working tap (its click's timeStamp, i.e. when the finger lifted) → the frame after the dialog's title showed (rAF + task); of which the wait for the main thread to dispatch its click: ${list((run) => run.inputDelay)} ms. ${how}`,
      },
    ),
    medianFigure(
      'taps lost before the first that works',
      'count',
      runs.map((run) => run.lost),
    ),
  ]
}
