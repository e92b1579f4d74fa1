// Timing helpers installed in the page before its own scripts (page.addInitScript), so
// that times are taken in the page's clock (performance.now()), not across the
// Playwright protocol. `installProbes` is serialized into the page: it must not use
// anything from this module's scope.
import type { Page } from '@playwright/test'

export interface Change {
  /** performance.now() when the condition first held (checked on every DOM mutation and input event). */
  changed: number
  /** performance.now() once the frame after that was painted (rAF, then a task). */
  painted: number
}

export interface BenchProbes {
  /** event.timeStamp of the next (or, skipping `skip`, a later) trusted `type` event (capture phase, on window). */
  nextEvent(type: string, skip?: number): Promise<number>
  /** Resolves once `condition()` holds after a DOM mutation or an input event. */
  when(condition: () => boolean): Promise<Change>
  /** Keeps a promise under a name, for a later page.evaluate to await. */
  keep(name: string, promise: Promise<unknown>): void
  take(name: string): Promise<unknown>
  /** The longest Event Timing entry (≥ 16 ms) starting at `startTime`; null if none. */
  eventDuration(startTime: number): number | null
  /** Long animation frames (≥ 50 ms) that overlap [from, to]. */
  longFrames(from: number, to: number): LongFrame[]
}

export interface LongFrame {
  start: number
  duration: number
  /** Style, layout and paint at the end of the frame, ms. */
  rendering: number
  scripts: { invoker: string; duration: number }[]
}

declare global {
  interface Window {
    __bench: BenchProbes
  }
}

export function installProbes(): void {
  const afterNextPaint = () =>
    new Promise<number>((resolve) => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => {
          resolve(performance.now())
        }
        channel.port2.postMessage(null)
      })
    })

  const eventEntries: { startTime: number; duration: number }[] = []
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        eventEntries.push({ startTime: entry.startTime, duration: entry.duration })
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit)
  } catch {
    // No Event Timing: eventDuration() answers null.
  }

  const frames: LongFrame[] = []
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const frame = entry as PerformanceEntry & {
          renderStart: number
          scripts: { invoker: string; invokerType: string; duration: number }[]
        }
        const end = frame.startTime + frame.duration
        frames.push({
          start: frame.startTime,
          duration: frame.duration,
          rendering: frame.renderStart > 0 ? end - frame.renderStart : 0,
          scripts: frame.scripts.map((script) => ({
            invoker: script.invoker.replace(/^https?:\/\/[^/]+/, ''),
            duration: script.duration,
          })),
        })
      }
    }).observe({ type: 'long-animation-frame', buffered: true })
  } catch {
    // No Long Animation Frames API: longFrames() answers [].
  }

  const pending = new Map<string, Promise<unknown>>()
  window.__bench = {
    nextEvent(type, skip = 0) {
      let left = skip
      return new Promise((resolve) => {
        const listener = (event: Event) => {
          if (!event.isTrusted || left-- > 0) return
          window.removeEventListener(type, listener, true)
          resolve(event.timeStamp)
        }
        window.addEventListener(type, listener, true)
      })
    },
    when(condition) {
      return new Promise((resolve) => {
        const check = () => {
          if (!condition()) return
          const changed = performance.now()
          observer.disconnect()
          window.removeEventListener('input', check)
          void afterNextPaint().then((painted) => {
            resolve({ changed, painted })
          })
        }
        const observer = new MutationObserver(check)
        observer.observe(document, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        })
        // Bubble phase on window: after React's handler on the root has run.
        window.addEventListener('input', check)
      })
    },
    keep(name, promise) {
      pending.set(name, promise)
    },
    take(name) {
      const promise = pending.get(name)
      if (!promise) return Promise.reject(new Error(`No probe named ${name}`))
      pending.delete(name)
      return promise
    },
    eventDuration(startTime) {
      const durations = eventEntries
        .filter((entry) => Math.abs(entry.startTime - startTime) < 1)
        .map((entry) => entry.duration)
      return durations.length === 0 ? null : Math.max(...durations)
    },
    longFrames(from, to) {
      return frames.filter((frame) => frame.start <= to && frame.start + frame.duration >= from)
    },
  }
}

/**
 * The probes as an init script. tsx (esbuild's keepNames) wraps named functions in
 * `__name(fn, "name")`, a helper that does not exist in the page, so the page gets a
 * no-op one; it also serves the functions handed to page.evaluate below.
 */
export const PROBES_SCRIPT = `globalThis.__name ??= (fn) => fn;\n(${installProbes.toString()})();`

export async function installProbesIn(page: Page): Promise<void> {
  await page.addInitScript({ content: PROBES_SCRIPT })
}

export interface Interaction {
  /** event.timeStamp of the trusted event that started it. */
  start: number
  changed: number
  painted: number
  /** Event Timing's duration for the same event, when it was at least 16 ms. */
  eventDuration: number | null
  /** Long animation frames between the event and the paint: where the time went. */
  frames: LongFrame[]
}

/** "script 66 ms (Response.text.then) + rendering 40 ms; …", one part per long frame. */
export function describeFrames(frames: readonly LongFrame[]): string {
  if (frames.length === 0) return 'no long animation frame (≥ 50 ms)'
  return frames
    .map((frame) => {
      const parts = frame.scripts.map(
        (script) => `script ${script.duration.toFixed(0)} ms (${script.invoker})`,
      )
      parts.push(`style/layout/paint ${frame.rendering.toFixed(0)} ms`)
      return `frame of ${frame.duration.toFixed(0)} ms: ${parts.join(' + ')}`
    })
    .join('; ')
}

/** The long frames of the run whose time is the median, to tell where the time goes. */
export function framesOfMedian<T extends { frames: LongFrame[] }>(
  runs: readonly T[],
  time: (run: T) => number,
): string {
  const sorted = [...runs].sort((a, b) => time(a) - time(b))
  const middle = sorted[Math.floor(sorted.length / 2)]
  return middle ? describeFrames(middle.frames) : ''
}

/** Long animation frames overlapping [from, to], once the browser has reported them. */
export async function longFramesIn(page: Page, from: number, to: number): Promise<LongFrame[]> {
  await page.waitForTimeout(150)
  return page.evaluate(({ from, to }) => window.__bench.longFrames(from, to), { from, to })
}

let armed = 0

/** A condition run in the page; serialized, so it may use only its argument and the page's globals. */
export type PageCondition<A> = (arg: A) => boolean

function conditionSource<A>(condition: PageCondition<A>, arg: A): string {
  return `() => (${condition.toString()})(${JSON.stringify(arg)})`
}

async function read<T>(page: Page, name: string, timeoutMs: number): Promise<T> {
  return (await page.evaluate(
    async ({ name, timeoutMs }) =>
      Promise.race([
        window.__bench.take(name),
        new Promise((_, reject) =>
          setTimeout(() => {
            reject(new Error(`the change did not show within ${timeoutMs} ms`))
          }, timeoutMs),
        ),
      ]),
    { name, timeoutMs },
  )) as T
}

/**
 * Arms a probe: the next trusted `event` (or the one after `skip` others) starts the
 * clock; `condition`, run in the page after each DOM mutation and input event, stops it
 * once it holds. Call before the action, `read()` after. (The probe is set up through the DevTools
 * protocol, which the page's Content Security Policy does not govern.)
 */
export async function armInteraction<A>(
  page: Page,
  event: string | { type: string; skip: number },
  condition: PageCondition<A>,
  arg: A,
): Promise<{ read: (timeoutMs?: number) => Promise<Interaction> }> {
  const name = `interaction-${++armed}`
  const { type, skip } = typeof event === 'string' ? { type: event, skip: 0 } : event
  await page.evaluate(`(() => {
    const probes = window.__bench
    probes.keep(${JSON.stringify(name)}, Promise.all([
      probes.nextEvent(${JSON.stringify(type)}, ${skip}),
      probes.when(${conditionSource(condition, arg)}),
    ]).then(([start, change]) => ({ start, ...change })))
  })()`)
  return {
    read: async (timeoutMs = 10_000) => {
      const result = await read<Pick<Interaction, 'start' | 'changed' | 'painted'>>(
        page,
        name,
        timeoutMs,
      )
      // Event Timing and long-frame entries are queued after the paint: longFramesIn waits.
      const frames = await longFramesIn(page, result.start, result.painted)
      const eventDuration = await page.evaluate(
        (start) => window.__bench.eventDuration(start),
        result.start,
      )
      return { ...result, eventDuration, frames }
    },
  }
}

/**
 * Watches for `condition` from now on, in the page as it is: `read()` gives the first
 * change after which it holds, and the frame that painted it.
 */
export async function watchNow<A>(
  page: Page,
  condition: PageCondition<A>,
  arg: A,
): Promise<{ read: (timeoutMs?: number) => Promise<Change> }> {
  const name = `watch-${++armed}`
  await page.evaluate(
    `window.__bench.keep(${JSON.stringify(name)}, window.__bench.when(${conditionSource(condition, arg)}))`,
  )
  return { read: (timeoutMs = 15_000) => read<Change>(page, name, timeoutMs) }
}
