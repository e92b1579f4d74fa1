// Issue 14, items 7 and 13: replacing a primary in one action with one Undo, and a
// status message that covers no roster row, on the production build with its mock backend.
import type { Locator, Page } from '@playwright/test'
import { expectNoA11yViolations } from './a11y'
import { expect, test } from './fixtures'

// Seed facts: property 1 is "Elm Circle Ranch"; Tariq Weber its primary Buyer; Jordan
// Smith is a contact not on it.
const PROPERTY = '/properties/1'

function rosterHeading(page: Page): Locator {
  return page.getByRole('heading', { level: 2, name: /^Contacts on this deal/ })
}

async function openProperty(page: Page): Promise<void> {
  await page.goto(PROPERTY)
  await expect(page.getByRole('heading', { level: 1, name: 'Elm Circle Ranch' })).toBeVisible()
  await expect(rosterHeading(page)).toHaveText(/\(\d+\)$/)
}

function statusMessage(page: Page, text: string): Locator {
  return page.locator('.status-message').filter({ hasText: text })
}

test('replaces the primary Buyer in one action, and one Undo restores both', async ({ page }) => {
  await openProperty(page)
  await page.getByRole('button', { name: 'Link contact' }).click()
  const dialog = page.getByRole('dialog', { name: 'Link a contact' })
  await dialog.getByRole('combobox', { name: 'Contact' }).fill('smi')
  await dialog.getByRole('option', { name: /^Jordan Smith/ }).click()
  await dialog.getByRole('combobox', { name: 'Role' }).selectOption('Buyer')
  await dialog.getByRole('checkbox', { name: 'Primary contact for this role' }).check()
  const remove = dialog.getByRole('checkbox', { name: 'and remove Tariq Weber from this deal' })
  await expect(remove).toBeVisible()
  await expectNoA11yViolations(page, 'the link dialog offering to remove the demoted primary')
  await remove.check()
  await dialog.getByRole('button', { name: 'Link contact' }).click()

  const message = statusMessage(
    page,
    'Linked Jordan Smith as primary Buyer; Tariq Weber was removed from this deal.',
  )
  await expect(message).toBeVisible()
  await expect(page.getByRole('button', { name: 'Edit Tariq Weber' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Edit Jordan Smith' })).toBeVisible()

  await message.getByRole('button', { name: 'Undo' }).click()
  await expect(
    statusMessage(
      page,
      'Undone: Jordan Smith is no longer on this deal, and Tariq Weber is the primary Buyer again.',
    ),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Edit Jordan Smith' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Edit Tariq Weber' })).toBeVisible()
})

test('a status message covers no roster row once the page is scrolled to its end', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 700 })
  await openProperty(page)
  await page.getByRole('button', { name: 'Unlink Nancy Thompson' }).click()
  await page
    .getByRole('dialog', { name: 'Unlink Nancy Thompson?' })
    .getByRole('button', { name: 'Unlink' })
    .click()
  const message = statusMessage(page, 'Unlinked Nancy Thompson (Seller).')
  await expect(message).toBeVisible()
  // The page's end makes room for the message, its height and its margin.
  const height = await message.evaluate((element) => element.getBoundingClientRect().height)
  await expect
    .poll(async () =>
      parseFloat(await page.evaluate(() => getComputedStyle(document.body).paddingBottom)),
    )
    .toBeGreaterThanOrEqual(height)

  await page.evaluate(() => {
    window.scrollTo(0, document.documentElement.scrollHeight)
  })
  const messageTop = await message.evaluate((element) => element.getBoundingClientRect().top)
  const lastEdit = page.getByRole('button', { name: /^Edit / }).last()
  const lastBottom = await lastEdit.evaluate((element) => element.getBoundingClientRect().bottom)
  expect(lastBottom).toBeLessThanOrEqual(messageTop)

  // Dismissed: the space goes with it.
  await message.getByRole('button', { name: 'Dismiss message' }).click()
  await expect
    .poll(() => page.evaluate(() => getComputedStyle(document.body).paddingBottom))
    .toBe('0px')
})
