// Large roster: property 31 has 1,000 links. How long the page takes to show them once
// they have arrived, and how quickly the filters respond. Every time is taken in the
// page's own clock (see page-probes.ts).
import type { Browser, Page } from '@playwright/test'
import { newPage } from './browser'
import { medianFigure, type Figure } from './figure'
import type { MockServer } from './mock-server'
import {
  armInteraction,
  framesOfMedian,
  installProbesIn,
  longFramesIn,
  watchNow,
  type Interaction,
} from './page-probes'
import { openRoster } from './requests'

const PROPERTY = 31
const LINKS = 1000
const RUNS = 5
/** The "Find by name" input applies its text after this pause (roster-filters.tsx). */
const SEARCH_DEBOUNCE_MS = 150
const SEARCH = 'smi'

/**
 * Measures one arrival of the roster in the running app: from the properties list, the
 * app navigates to property 31 (what following a link does) and fetches its roster;
 * timed from the response received → the first entries painted. A property opened
 * from its address is rendered on the server instead (src/server/prerender.tsx): its
 * first entries are in the HTML, which this does not time.
 */
async function renderOnce(browser: Browser, server: MockServer) {
  const page = await newPage(browser)
  await installProbesIn(page)
  // When the app's own fetch() of the roster resolves: the data "arrives" for the app.
  await page.addInitScript((path: string) => {
    const original = window.fetch.bind(window)
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      const response = await original(...args)
      const url = new URL(args[0] instanceof Request ? args[0].url : String(args[0]), location.href)
      if (url.pathname === path) {
        ;(window as unknown as { __rosterFetched?: number }).__rosterFetched ??= performance.now()
      }
      return response
    }
  }, `/api/v1/properties/${PROPERTY}/contacts`)
  await page.goto(`${server.origin}/`)
  await page.getByRole('heading', { level: 1, name: 'Properties' }).waitFor()
  const shown = await watchNow(
    page,
    (links: number) =>
      document.getElementById('roster-heading')?.textContent ===
        `Contacts on this deal (${links})` &&
      (document.querySelector('section[aria-labelledby="roster-heading"]')?.querySelectorAll('li')
        .length ?? 0) > 0,
    LINKS,
  )
  await page.evaluate((path) => {
    history.pushState(null, '', path)
  }, `/properties/${PROPERTY}`)
  const { changed, painted } = await shown.read()
  const arrived = await page.evaluate((path) => {
    const entries = performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname === path) as PerformanceResourceTiming[]
    const last = entries.at(-1)
    const fetched = (window as unknown as { __rosterFetched?: number }).__rosterFetched
    return last && fetched !== undefined ? Math.max(last.responseEnd, fetched) : null
  }, `/api/v1/properties/${PROPERTY}/contacts`)
  if (arrived === null)
    throw new Error('No resource timing entry or fetch() for the roster request')
  const frames = await longFramesIn(page, arrived, painted)
  await page.context().close()
  return { committed: changed - arrived, painted: painted - arrived, frames }
}

/**
 * The roster shows `summary` and holds every entry it is going to show: none still being
 * added in steps (its list is no longer aria-busy). Long groups show 25 entries until
 * "Show all", so the page never holds all 1,000 at once. Serialized into the page.
 */
function rosterSettledOn(summary: { startsWith: string } | { matches: string }): boolean {
  const root = document.querySelector('section[aria-labelledby="roster-heading"]')
  const list = root?.querySelector('.roster-groups')
  const text = root?.querySelector('.roster-summary')?.textContent ?? ''
  const says =
    'startsWith' in summary
      ? text.startsWith(summary.startsWith)
      : new RegExp(summary.matches).test(text)
  return (
    says &&
    list !== null &&
    list !== undefined &&
    list.getAttribute('aria-busy') !== 'true' &&
    list.querySelectorAll('li').length > 0
  )
}
const ALL_SHOWN = { startsWith: `${LINKS} contacts in ` }
const FILTERED = { matches: '^Showing \\d+ of ' }

/** The property page, hydrated and with every entry it shows rendered: ready for the keyboard. */
async function openWholeRoster(page: Page, server: MockServer): Promise<void> {
  await openRoster(page, `${server.origin}/properties/${PROPERTY}`)
  await page.waitForFunction(rosterSettledOn, ALL_SHOWN)
}

async function focusField(page: Page, role: 'combobox' | 'searchbox', name: string) {
  const field = page.getByRole(role, { name, exact: true })
  await field.focus()
  return field
}

/**
 * The keyboard changes "Show role" (a native select): All roles ↔ the first role.
 * `shown`: the first frame with the new state on screen (the summary line says it
 * and entries are there; a long roster adds the rest in steps after that).
 * `complete`: the frame after every entry of the new state is in the DOM.
 */
async function roleFilterOnce(
  page: Page,
  key: 'ArrowDown' | 'ArrowUp',
): Promise<{ shown: Interaction; complete: Interaction }> {
  interface Wanted {
    toAll: boolean
    links: number
    complete: boolean
  }
  // Serialized into the page: self-contained. Complete: no entry still to be added in
  // steps (the list is no longer aria-busy; long groups stop at 25 until "Show all").
  const holds = ({ toAll, links, complete }: Wanted) => {
    const root = document.querySelector('section[aria-labelledby="roster-heading"]')
    const summary = root?.querySelector('.roster-summary')?.textContent ?? ''
    const entries = root?.querySelectorAll('li').length ?? 0
    const expected = toAll
      ? summary.startsWith(`${links} contacts in `)
      : /^Showing \d+ of /.test(summary)
    if (!expected || entries === 0) return false
    if (!complete) return true
    return root?.querySelector('.roster-groups')?.getAttribute('aria-busy') === 'false'
  }
  const toAll = key === 'ArrowUp'
  const shown = await armInteraction(page, 'keydown', holds, {
    toAll,
    links: LINKS,
    complete: false,
  })
  const complete = await armInteraction(page, 'keydown', holds, {
    toAll,
    links: LINKS,
    complete: true,
  })
  await page.keyboard.press(key)
  return { shown: await shown.read(), complete: await complete.read() }
}

/**
 * Types SEARCH at 80 ms a key, as a person would; probes armed beforehand time each
 * key's echo in the input and, from the last key, the filtered roster.
 */
async function searchOnce(page: Page) {
  const field = await focusField(page, 'searchbox', 'Find by name')
  await field.fill('')
  await page.waitForFunction(rosterSettledOn, ALL_SHOWN)
  const echoes = []
  for (let i = 0; i < SEARCH.length; i++) {
    echoes.push(
      await armInteraction(
        page,
        { type: 'keydown', skip: i },
        (value: string) =>
          document.querySelector<HTMLInputElement>('input[type="search"]')?.value === value,
        SEARCH.slice(0, i + 1),
      ),
    )
  }
  const filtered = await armInteraction(
    page,
    { type: 'keydown', skip: SEARCH.length - 1 },
    rosterSettledOn,
    FILTERED,
  )
  await page.keyboard.type(SEARCH, { delay: 80 })
  const keys = []
  for (const echo of echoes) keys.push(await echo.read())
  return { keys, results: await filtered.read() }
}

const elapsed = (interaction: Interaction) => interaction.painted - interaction.start

export async function measureLargeRoster(browser: Browser, server: MockServer): Promise<Figure[]> {
  await server.reset()
  const renders = []
  for (let run = 0; run < RUNS; run++) renders.push(await renderOnce(browser, server))

  const page = await newPage(browser)
  await installProbesIn(page)
  await openWholeRoster(page, server)
  await focusField(page, 'combobox', 'Show role')
  const toRole: Interaction[] = []
  const toAll: Interaction[] = []
  const toAllComplete: Interaction[] = []
  for (let run = 0; run < RUNS; run++) {
    toRole.push((await roleFilterOnce(page, 'ArrowDown')).shown)
    const back = await roleFilterOnce(page, 'ArrowUp')
    toAll.push(back.shown)
    toAllComplete.push(back.complete)
  }
  const searches = []
  for (let run = 0; run < RUNS; run++) searches.push(await searchOnce(page))
  await page.context().close()

  const eventTiming = (list: Interaction[]) =>
    `Event Timing durations (≥ 16 ms only): ${list.map((i) => i.eventDuration ?? '<16').join(', ')}`
  return [
    medianFigure(
      `Property ${PROPERTY} (${LINKS} links), navigated to: roster response → painted`,
      'ms',
      renders.map((r) => r.painted),
      {
        budget: { op: '<=', limit: 200 },
        note: `in the running app, navigating to the property from the properties list (opened from its address, the page comes rendered from the server): the roster's arrival (the later of its resource timing responseEnd and the app's fetch() of it resolving) → the frame after the DOM first shows "Contacts on this deal (${LINKS})" with its entries (rAF + task); includes JSON parse, schema check, grouping, React render and commit. DOM commit alone: ${renders.map((r) => r.committed.toFixed(1)).join(', ')} ms. Median run: ${framesOfMedian(renders, (r) => r.painted)}`,
      },
    ),
    medianFigure('Show role: All roles → one role', 'ms', toRole.map(elapsed), {
      budget: { op: '<=', limit: 50 },
      note: `keydown (ArrowDown on the focused select, event.timeStamp) → the frame after the roster shows the role only. ${eventTiming(toRole)}. Median run: ${framesOfMedian(toRole, elapsed)}`,
    }),
    medianFigure(`Show role: one role → All roles (${LINKS})`, 'ms', toAll.map(elapsed), {
      budget: { op: '<=', limit: 50 },
      note: `keydown (ArrowUp) → the frame after the roster shows "${LINKS} contacts in … roles." with its first entries (the rest follow in steps of their own). ${eventTiming(toAll)}. Median run: ${framesOfMedian(toAll, elapsed)}`,
    }),
    medianFigure(
      `Show role: one role → All roles, every entry shown`,
      'ms',
      toAllComplete.map(elapsed),
      {
        note: `keydown (ArrowUp) → the frame after every entry the roster shows is in the DOM again (long groups show 25 until "Show all"; added in steps of 150, each its own task, so input is never blocked long; the list is aria-busy until then). Median run: ${framesOfMedian(toAllComplete, elapsed)}`,
      },
    ),
    medianFigure(
      'Find by name: keystroke → next paint',
      'ms',
      searches.map((s) => Math.max(...s.keys.map(elapsed))),
      {
        budget: { op: '<=', limit: 50 },
        note: `the slowest of the ${SEARCH.length} keys of "${SEARCH}" in each run: keydown → the frame after the input shows the key. ${eventTiming(searches.flatMap((s) => s.keys))}`,
      },
    ),
    medianFigure(
      `Find by name: results painted after the ${SEARCH_DEBOUNCE_MS} ms debounce`,
      'ms',
      searches.map((s) => elapsed(s.results) - SEARCH_DEBOUNCE_MS),
      {
        budget: { op: '<=', limit: 50 },
        note: `last keydown → the frame after the filtered roster shows, minus the deliberate ${SEARCH_DEBOUNCE_MS} ms debounce (an upper bound of the filtering work: the timer starts a little after keydown). Whole: ${searches.map((s) => elapsed(s.results).toFixed(1)).join(', ')} ms. Median run: ${framesOfMedian(
          searches.map((s) => s.results),
          elapsed,
        )}`,
      },
    ),
  ]
}
