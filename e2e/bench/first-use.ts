// First use of what loads apart: the shortcuts help, the email panel and the lazy pages
// are none of the first load's code. Used for the first time on a fresh page (fast
// server, nothing warmed but what the page itself warms), each must show as soon as its
// code is in. Rendered before its code, it would show a Suspense fallback first, and
// React 19 holds back what replaces a fallback until 300 ms after the fallback showed:
// every one of these took 310–320 ms on this machine before src/lib/use-open-when-loaded.ts.
import type { Browser, Page } from '@playwright/test'
import { newPage } from './browser'
import { medianFigure, type Figure } from './figure'
import type { MockServer } from './mock-server'
import { armInteraction, installProbesIn, type Interaction } from './page-probes'
import { openRoster } from './requests'

const RUNS = 5
export const FIRST_USE_BUDGET_MS = 100
/** A page brings more code (the setup page: 83 KB) to compile and more to render. */
export const FIRST_PAGE_BUDGET_MS = 150

interface Use {
  name: string
  /** The event that starts it, and what then holds in the page. */
  event: 'keydown' | 'click'
  shown: (arg: string) => boolean
  arg: string
  act: (page: Page) => Promise<void>
  budgetMs: number
}

const dialogTitled = (title: string) =>
  [...document.querySelectorAll('dialog[open] h2')].some((h2) => h2.textContent === title)
const pageHeading = (text: string) =>
  document.querySelector('h1')?.textContent === text && !document.querySelector('.page-loading')

const USES: Use[] = [
  {
    name: '"?" → the keyboard shortcuts show',
    event: 'keydown',
    shown: dialogTitled,
    arg: 'Keyboard shortcuts',
    act: (page) => page.keyboard.press('?'),
    budgetMs: FIRST_USE_BUDGET_MS,
  },
  {
    name: 'Email everyone → its panel shows',
    event: 'click',
    shown: (label: string) => {
      const button = [...document.querySelectorAll('button')].find(
        (candidate) => candidate.textContent === label,
      )
      const panel = button?.getAttribute('aria-controls')
      return !!panel && document.getElementById(panel) !== null
    },
    arg: 'Email everyone',
    act: (page) => page.getByRole('button', { name: 'Email everyone' }).click(),
    budgetMs: FIRST_USE_BUDGET_MS,
  },
  {
    name: 'Set up transaction → the setup page shows',
    event: 'click',
    shown: pageHeading,
    arg: 'Set up transaction',
    act: (page) => page.getByRole('link', { name: 'Set up transaction' }).click(),
    budgetMs: FIRST_PAGE_BUDGET_MS,
  },
]

export async function measureFirstUse(browser: Browser, server: MockServer): Promise<Figure[]> {
  const results = new Map<string, Interaction[]>(USES.map((use) => [use.name, []]))
  for (let run = 0; run < RUNS; run++) {
    for (const use of USES) {
      await server.reset()
      const page = await newPage(browser)
      page.setDefaultTimeout(20_000)
      await installProbesIn(page)
      await openRoster(page, `${server.origin}/properties/1`)
      const probe = await armInteraction(page, use.event, use.shown, use.arg)
      await use.act(page)
      results.get(use.name)?.push(await probe.read())
      await page.context().close()
    }
  }
  const elapsed = (i: Interaction) => i.painted - i.start
  return USES.map((use) => {
    const runs = results.get(use.name) ?? []
    return medianFigure(use.name, 'ms', runs.map(elapsed), {
      budget: { op: '<=', limit: use.budgetMs },
      note: `Fresh page, first use: the ${use.event} (event.timeStamp) → the frame after it showed (first DOM mutation where it holds, then rAF + task). A Suspense fallback on the way costs 300 ms (React's throttle).`,
    })
  })
}
