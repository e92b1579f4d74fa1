import type { Page } from '@playwright/test'
import { expectNoA11yViolations } from './a11y'
import { expect, test } from './fixtures'

// The roster checklist against the production build and the mock backend (defaults: no
// ROSTER_CHECKLIST). Seed facts: property 25 is a Buyer deal with a Buyer, a Buyer
// Agent and an Escrow Officer (no Lender, no Inspector); property 13 a Buyer deal
// missing a Lender and a Title or Escrow Officer; 1 and 16 are complete Seller deals.

async function linkFromSummary(page: Page, button: string, role: string, search: string) {
  await page
    .getByRole('region', { name: /^Checklist/ })
    .getByRole('button', { name: button })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Link a contact' })
  await expect(dialog.getByRole('combobox', { name: 'Role' })).toHaveValue(role)
  await dialog.getByRole('combobox', { name: 'Contact' }).fill(search)
  await dialog.getByRole('option', { name: new RegExp(`^${search}`) }).click()
  await dialog.getByRole('button', { name: 'Link contact' }).click()
  await expect(dialog).toBeHidden()
}

test('a deal missing a lender says so, and linking one completes it without a reload', async ({
  page,
}) => {
  await page.goto('/properties/25')
  const summary = page.getByRole('region', { name: /^Checklist/ })
  await expect(summary).toHaveAccessibleName(
    'Checklist: 3 of 5 filled · missing: Lender and Inspector',
  )
  await expectNoA11yViolations(page, 'checklist with gaps')

  await linkFromSummary(page, 'Link an Inspector', 'Inspector', 'Marcus Smith')
  await expect(summary).toHaveAccessibleName('Checklist: 4 of 5 filled · missing: Lender')

  let reloaded = false
  page.on('framenavigated', () => {
    reloaded = true
  })
  await linkFromSummary(page, 'Link a Lender', 'Lender', 'Rosa Smith')
  await expect(page.getByText('Checklist complete: all 5 expected roles filled.')).toBeVisible()
  await expect(page.getByRole('region', { name: /^Lender/ })).toContainText('Rosa Smith')
  expect(reloaded).toBe(false)
  await expectNoA11yViolations(page, 'complete checklist')
})

test('the server-rendered page already shows the summary', async ({ page }) => {
  const response = await page.request.get('/properties/13')
  const html = await response.text()
  expect(html).toContain(
    'Checklist: 3 of 5 filled<!-- --> · missing: Lender and Title Officer or Escrow Officer',
  )
  expect(html).toContain('Link a Lender')
})

test('the properties list shows each visible deal’s state, one roster read per row', async ({
  page,
}) => {
  const reads = new Map<string, number>()
  let inFlight = 0
  let most = 0
  const rosterOf = (url: string) =>
    /\/api\/v1\/properties\/(\d+)\/contacts$/.exec(new URL(url).pathname)?.[1]
  page.on('request', (request) => {
    const id = rosterOf(request.url())
    if (id === undefined) return
    reads.set(id, (reads.get(id) ?? 0) + 1)
    inFlight += 1
    most = Math.max(most, inFlight)
  })
  const settled = (request: { url: () => string }) => {
    if (rosterOf(request.url()) !== undefined) inFlight -= 1
  }
  page.on('requestfinished', settled)
  page.on('requestfailed', settled)

  await page.goto('/')
  const table = page.getByRole('table')
  await expect(table.getByRole('columnheader', { name: 'Checklist' })).toBeVisible()
  // The list is usable while the states come in.
  await expect(page.getByRole('searchbox', { name: 'Search properties' })).toBeEnabled()
  await expect(table.getByText('Checking…')).toHaveCount(0)
  const row = (title: string) =>
    table.getByRole('row').filter({ has: page.getByRole('link', { name: title, exact: true }) })
  await expect(row('Elm Circle Ranch')).toContainText('Complete')
  const missing = table.getByRole('row').filter({ hasText: /\d+ missing/ })
  expect(await missing.count()).toBeGreaterThan(0)
  expect(reads.size).toBe(20)
  expect([...reads.values()].every((count) => count === 1)).toBe(true)
  expect(most).toBeLessThanOrEqual(4)
  await expectNoA11yViolations(page, 'properties list with checklist states')

  await page.getByRole('checkbox', { name: 'Incomplete only' }).check()
  await expect(page).toHaveURL(/[?&]incomplete=1/)
  await expect(row('Elm Circle Ranch')).toHaveCount(0)
  await expect(table.getByRole('row').filter({ hasText: 'Complete' })).toHaveCount(0)
  expect([...reads.values()].reduce((sum, count) => sum + count, 0)).toBe(20)
  await expectNoA11yViolations(page, 'properties list, incomplete only')
})
