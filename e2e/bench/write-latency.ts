// Perceived write latency: with a slow server (MOCK_LATENCY_MS), an edit and an unlink
// must show on screen right away (optimistic updates), not when the server answers.
import type { Browser, Page } from '@playwright/test'
import { newPage } from './browser'
import { medianFigure, type Figure } from './figure'
import type { MockServer } from './mock-server'
import { armInteraction, framesOfMedian, installProbesIn, type Interaction } from './page-probes'
import { openRoster } from './requests'

const RUNS = 5
const BUDGET_MS = 50

/** Edit Patrick Garcia → Primary contact for this role → Save changes. */
async function edit(page: Page): Promise<Interaction> {
  await page.getByRole('button', { name: 'Edit Patrick Garcia' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit Patrick Garcia' })
  await dialog.getByRole('heading', { name: 'Edit Patrick Garcia' }).waitFor()
  await dialog.getByRole('checkbox', { name: 'Primary contact for this role' }).check()
  const probe = await armInteraction(
    page,
    'click',
    // His roster entry carries the "Primary" badge.
    (name: string) =>
      [...document.querySelectorAll('section[aria-labelledby="roster-heading"] li')].some(
        (entry) =>
          entry.querySelector('span')?.textContent === name &&
          [...entry.querySelectorAll('span')].some((span) => span.textContent === 'Primary'),
      ),
    'Patrick Garcia',
  )
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  const shown = await probe.read()
  await page
    .getByRole('status')
    .filter({ hasText: 'Saved changes to Patrick Garcia.' })
    .waitFor({ timeout: 20_000 })
  return shown
}

/** Unlink Eric Gonzalez → confirm "Unlink". */
async function unlink(page: Page): Promise<Interaction> {
  await page.getByRole('button', { name: 'Unlink Eric Gonzalez' }).click()
  const dialog = page.getByRole('dialog', { name: 'Unlink Eric Gonzalez?' })
  await dialog.getByRole('heading', { name: 'Unlink Eric Gonzalez?' }).waitFor()
  const probe = await armInteraction(
    page,
    'click',
    // His roster entry is gone.
    (name: string) =>
      ![...document.querySelectorAll('section[aria-labelledby="roster-heading"] li')].some(
        (entry) => entry.querySelector('span')?.textContent === name,
      ),
    'Eric Gonzalez',
  )
  await dialog.getByRole('button', { name: 'Unlink', exact: true }).click()
  const shown = await probe.read()
  await page
    .getByRole('status')
    .filter({ hasText: 'Unlinked Eric Gonzalez (Seller).' })
    .waitFor({ timeout: 20_000 })
  return shown
}

export async function measureWriteLatency(browser: Browser, server: MockServer): Promise<Figure[]> {
  const edits: Interaction[] = []
  const unlinks: Interaction[] = []
  for (let run = 0; run < RUNS; run++) {
    await server.reset()
    const page = await newPage(browser)
    page.setDefaultTimeout(20_000)
    await installProbesIn(page)
    await openRoster(page, `${server.origin}/properties/1`)
    await page.getByRole('button', { name: 'Edit Patrick Garcia' }).waitFor()
    edits.push(await edit(page))
    unlinks.push(await unlink(page))
    await page.context().close()
  }
  await server.reset()
  const elapsed = (i: Interaction) => i.painted - i.start
  const since = (list: Interaction[]) => list.map(elapsed)
  const note = (what: string) =>
    `MOCK_LATENCY_MS=${server.latencyMs}: the click (event.timeStamp, capture listener) → the frame after ${what} (first DOM mutation where it holds, then rAF + task). DOM change alone: `
  return [
    medianFigure('Edit (Patrick Garcia → primary) shows', 'ms', since(edits), {
      budget: { op: '<=', limit: BUDGET_MS },
      note: `${note('his entry shows the "Primary" badge')}${edits.map((i) => (i.changed - i.start).toFixed(1)).join(', ')} ms. Median run: ${framesOfMedian(edits, elapsed)}`,
    }),
    medianFigure('Unlink (Eric Gonzalez) shows', 'ms', since(unlinks), {
      budget: { op: '<=', limit: BUDGET_MS },
      note: `${note('his entry is gone')}${unlinks.map((i) => (i.changed - i.start).toFixed(1)).join(', ')} ms. Median run: ${framesOfMedian(unlinks, elapsed)}`,
    }),
  ]
}
