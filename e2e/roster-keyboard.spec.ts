import type { Page } from '@playwright/test'
import { expectNoA11yViolations } from './a11y'
import { expect, test } from './fixtures'

// Seed facts: property 1 is "Elm Circle Ranch" with 10 links; property 31 has 1,000.

async function openProperty(page: Page, path: string): Promise<void> {
  await page.goto(path)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(
    page.getByRole('heading', { level: 2, name: /^Contacts on this deal \(\d+\)$/ }),
  ).toBeVisible()
}

test('the roster’s shortcuts: / finds, l links, ? lists them, and they can be turned off', async ({
  page,
}) => {
  await openProperty(page, '/properties/1')
  await page.getByRole('heading', { level: 1 }).click()

  await page.keyboard.press('/')
  const find = page.getByRole('searchbox', { name: 'Find by name' })
  await expect(find).toBeFocused()
  // Typed into the field, the keys are text.
  await page.keyboard.type('l?')
  await expect(find).toHaveValue('l?')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await find.fill('')

  await page.getByRole('heading', { level: 1 }).click()
  await page.keyboard.press('l')
  await expect(page.getByRole('dialog', { name: 'Link a contact' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)

  await page.keyboard.press('?')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help).toBeVisible()
  await expectNoA11yViolations(page, 'the keyboard shortcuts dialog')
  await help.getByRole('checkbox', { name: 'Use single-key shortcuts' }).uncheck()
  await help.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)

  await page.reload()
  await expect(
    page.getByRole('heading', { level: 2, name: /^Contacts on this deal/ }),
  ).toBeVisible()
  await page.getByRole('heading', { level: 1 }).click()
  await page.keyboard.press('l')
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(find).not.toBeFocused()
})

test('a 1,000-contact roster: long groups show their first 25, groups collapse, kept in the URL', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await openProperty(page, '/properties/31')
  const groups = page.locator('.roster-groups')
  await expect(groups).toHaveAttribute('aria-busy', 'false')
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  expect(height).toBeLessThan(40_000)

  const region = page.getByRole('region', { name: /^Sellers \(\d+\)$/ })
  const showAll = region.getByRole('button', { name: /^Show all \d+$/ })
  await expect(showAll).toBeVisible()
  await expect(region.getByRole('listitem')).toHaveCount(25)
  await expectNoA11yViolations(page, 'a long roster, its groups previewed')
  await showAll.click()
  // Focus moves on to the first newly shown entry.
  const twentySixth = region.getByRole('listitem').nth(25)
  await expect(twentySixth.locator(':focus')).toHaveCount(1)

  // Collapse that group from its heading.
  const toggle = region.getByRole('heading', { level: 3 }).getByRole('button')
  const name = (await toggle.textContent()) ?? ''
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await expect(page).toHaveURL(/[?&]fold=/)
  await expectNoA11yViolations(page, 'a long roster with a collapsed group')

  // Server-rendered from the URL, the same after hydration.
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await page.reload()
  const again = page.getByRole('button', { name, exact: true })
  await expect(again).toHaveAttribute('aria-expanded', 'false')
  await again.click()
  await expect(again).toHaveAttribute('aria-expanded', 'true')
  await expect(page).not.toHaveURL(/[?&]fold=/)
  expect(errors.filter((text) => /hydrat/i.test(text))).toEqual([])
})
