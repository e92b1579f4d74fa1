// Issue 14, "A day of real use": the flows behind items 3, 4, 6, 9, 10, 11 and 12, on
// the production build with its mock backend, by keyboard and at a phone's width.
import type { Locator, Page } from '@playwright/test'
import { expectNoA11yViolations } from './a11y'
import { expect, test } from './fixtures'

// Seed facts: property 1 is "Elm Circle Ranch" (10 links; Eric Gonzalez, contact 343,
// its primary Seller); 31 properties, 20 a page; Jordan Smith is a contact.
const PROPERTY = '/properties/1'
const TITLE = 'Elm Circle Ranch'
const PHONE = { width: 412, height: 915 }

function rosterHeading(page: Page): Locator {
  return page.getByRole('heading', { level: 2, name: /^Contacts on this deal/ })
}

async function openProperty(page: Page): Promise<void> {
  await page.goto(PROPERTY)
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  await expect(rosterHeading(page)).toHaveText(/\(\d+\)$/)
}

/** Presses Tab until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  await expect(target).toBeFocused()
}

function focusIsOnBody(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement === document.body)
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
}

// ---------------------------------------------------------------------------
// Item 3: focus never drops to the page body
// ---------------------------------------------------------------------------

test.describe('focus is never dropped to the page', () => {
  test('dismissing the Undo message gives focus back to the roster', async ({ page }) => {
    await openProperty(page)
    await page.getByRole('button', { name: 'Unlink Eric Gonzalez' }).click()
    const dialog = page.getByRole('dialog', { name: 'Unlink Eric Gonzalez?' })
    await dialog.getByRole('button', { name: 'Unlink', exact: true }).click()
    const message = page.getByRole('status').filter({ hasText: 'Unlinked Eric Gonzalez' })
    await expect(message.getByRole('button', { name: 'Undo' })).toBeFocused()

    await page.keyboard.press('Tab')
    await expect(message.getByRole('button', { name: 'Dismiss message' })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(message).toHaveCount(0)
    await expect(rosterHeading(page)).toBeFocused()
  })

  test('"Next page" on the last page hands focus to "Previous page"', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByText('Page 1 of 2')).toBeVisible()
    const next = page.getByRole('button', { name: 'Next page' })
    await tabTo(page, next)
    await page.keyboard.press('Enter')
    await expect(page.getByText('Page 2 of 2')).toBeVisible()
    await expect(next).toBeDisabled()
    await expect(page.getByRole('button', { name: 'Previous page' })).toBeFocused()
    expect(await focusIsOnBody(page)).toBe(false)
  })

  test('moving between pages focuses and announces the new page’s heading', async ({ page }) => {
    await page.goto('/')
    // Not on the first load: the page is as the browser left it.
    await expect(page.getByRole('link', { name: TITLE })).toBeVisible()
    expect(await focusIsOnBody(page)).toBe(true)

    await tabTo(page, page.getByRole('link', { name: TITLE }))
    await page.keyboard.press('Enter')
    const title = page.getByRole('heading', { level: 1, name: TITLE })
    await expect(title).toBeFocused()
    await expect(page.locator('[data-route-announcer]')).toHaveText(TITLE)

    await page.getByRole('link', { name: 'Set up transaction' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Set up transaction' })).toBeFocused()
    await page
      .getByRole('navigation', { name: 'Breadcrumb' })
      .getByRole('link', { name: TITLE })
      .click()
    await expect(title).toBeFocused()

    // A filter changes only the query string: focus stays on it.
    const showRole = page.getByRole('combobox', { name: 'Show role' })
    await tabTo(page, showRole)
    await showRole.selectOption({ label: 'Buyers (2)' })
    await expect(page).toHaveURL(/\?role=Buyer$/)
    await expect(showRole).toBeFocused()
  })
})

// ---------------------------------------------------------------------------
// Item 4: every state of the property page has its h1
// ---------------------------------------------------------------------------

test.describe('the property page’s states each have an h1', () => {
  /** Opens property 2 from the list, so the browser reads it (no server rendering). */
  async function openFromList(page: Page): Promise<void> {
    await page.goto('/')
    await page.getByRole('link', { name: '3204 Fairview St Purchase' }).click()
  }

  test('while the property loads', async ({ page }) => {
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    await page.route('**/api/v1/properties/2', async (route) => {
      await held
      await route.fallback()
    })
    await openFromList(page)
    await expect(page.getByRole('heading', { level: 1, name: 'Loading property…' })).toBeFocused()
    await expectNoA11yViolations(page, 'the property page while it loads')
    release()
    await expect(
      page.getByRole('heading', { level: 1, name: '3204 Fairview St Purchase' }),
    ).toBeFocused()
  })

  test('when the property failed to load', async ({ page }) => {
    await page.route('**/api/v1/properties/2', (route) =>
      route.fulfill({ status: 403, json: { message: 'Not allowed.' } }),
    )
    await openFromList(page)
    await expect(
      page.getByRole('heading', { level: 1, name: 'This property could not be loaded' }),
    ).toBeVisible()
    await expect(
      page.getByRole('alert').filter({ hasText: 'Could not load this property' }),
    ).toBeVisible()
    await expectNoA11yViolations(page, 'the property page when it failed to load')
  })
})

// ---------------------------------------------------------------------------
// Item 6: the dialog element (a native <dialog>) is the visible panel
// ---------------------------------------------------------------------------

test('the dialog element is the visible panel, and still traps, restores and closes', async ({
  page,
}) => {
  await openProperty(page)
  const opener = page.getByRole('button', { name: 'Link contact' })
  await opener.click()
  const dialog = page.getByRole('dialog', { name: 'Link a contact' })
  await expect(dialog).toBeVisible()
  const box = await dialog.boundingBox()
  expect(box).not.toBeNull()
  const viewport = page.viewportSize()
  if (!box || !viewport) throw new Error('no box')
  expect(box.width).toBeGreaterThan(300)
  expect(box.height).toBeGreaterThan(200)
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height)
  // The title names it and the panel holds the form, directly.
  await expect(dialog.getByRole('heading', { level: 2, name: 'Link a contact' })).toBeInViewport()
  await expect(dialog).toHaveAttribute('aria-modal', 'true')
  await expectNoA11yViolations(page, 'the link dialog')

  // Focus is trapped: Tab past the last control comes back into the dialog.
  for (let presses = 0; presses < 15; presses++) {
    await page.keyboard.press('Tab')
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true)
  }
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(opener).toBeFocused()

  // A click on the dimmed page outside the panel closes it too.
  await opener.click()
  await expect(dialog).toBeVisible()
  await page.mouse.click(5, 5)
  await expect(dialog).toHaveCount(0)
  await expect(opener).toBeFocused()

  const unlink = page.getByRole('button', { name: 'Unlink Eric Gonzalez' })
  await unlink.click()
  const confirm = page.getByRole('dialog', { name: 'Unlink Eric Gonzalez?' })
  await expect(confirm).toHaveAccessibleDescription(/removed from this deal/)
  expect((await confirm.boundingBox())?.height).toBeGreaterThan(100)
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(unlink).toBeFocused()
})

// ---------------------------------------------------------------------------
// Item 9: properties search, status filter, sorting, "Page 1 of 2"
// ---------------------------------------------------------------------------

test('the properties list: search by zip, filter by status, sort, pages counted', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page.getByText('31 properties.')).toBeVisible()
  await expect(page.getByText('Page 1 of 2')).toBeVisible()
  const rows = page.getByRole('table').getByRole('row')

  await page.getByRole('searchbox', { name: 'Search properties' }).fill('37214')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(1)).toContainText('3225 Aspen Cir Sale')
  await page.getByRole('searchbox', { name: 'Search properties' }).fill('')
  await expect(rows).toHaveCount(21)

  await page.getByRole('combobox', { name: 'Status' }).selectOption('Pending')
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Title (A–Z)' })
  await expect(page).toHaveURL(/\?status=Pending&sort=title$/)
  await expect(rows).toHaveCount(8)
  await expect(rows.nth(1)).toContainText('3264 Linden Ln Sale')
  await expectNoA11yViolations(page, 'the properties list, filtered and sorted')

  await page.reload()
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('Pending')
  await expect(rows).toHaveCount(8)
})

// ---------------------------------------------------------------------------
// Item 10: contact search by company, and "Did you mean …?"
// ---------------------------------------------------------------------------

test('contact search finds a company, and offers the closest name for a typo', async ({ page }) => {
  await openProperty(page)
  await page.getByRole('button', { name: 'Link contact' }).click()
  const dialog = page.getByRole('dialog', { name: 'Link a contact' })
  const contact = dialog.getByRole('combobox', { name: 'Contact' })
  await contact.fill('Oak & Stone')
  await expect(dialog.getByRole('option', { name: /^Marcus Smith/ })).toBeVisible()

  await contact.fill('Jordn Smith')
  await expect(contact).toHaveAccessibleDescription(
    'No contacts match “Jordn Smith”. Did you mean Jordan Smith?',
  )
  await expectNoA11yViolations(page, 'the link dialog offering a closest name')
  await dialog.getByRole('option', { name: /^Did you mean Jordan Smith\?/ }).click()
  await expect(contact).toHaveValue('Jordan Smith')
})

// ---------------------------------------------------------------------------
// Item 11: long notes clamp to three lines
// ---------------------------------------------------------------------------

test('a 2,000-character note shows three lines until "Show more"', async ({ page, request }) => {
  const notes = 'The seller asked that every showing be confirmed a day ahead. '
    .repeat(40)
    .slice(0, 2000)
  const saved = await request.put('/api/v1/properties/1/contacts/343', { data: { notes } })
  expect(saved.status()).toBe(200)
  await openProperty(page)
  const toggle = page.getByRole('button', { name: 'Show more of the note on Eric Gonzalez' })
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  const note = page.locator(`#${await toggle.getAttribute('aria-controls')}`)
  const lineHeight = await note.evaluate((element) =>
    parseFloat(getComputedStyle(element).lineHeight),
  )
  const clamped = (await note.boundingBox())?.height ?? 0
  expect(clamped).toBeGreaterThan(lineHeight * 2.5)
  expect(clamped).toBeLessThanOrEqual(lineHeight * 3 + 1)
  await expectNoA11yViolations(page, 'a roster entry with a clamped note')

  await toggle.click()
  await expect(
    page.getByRole('button', { name: 'Show less of the note on Eric Gonzalez' }),
  ).toHaveAttribute('aria-expanded', 'true')
  expect((await note.boundingBox())?.height ?? 0).toBeGreaterThan(lineHeight * 8)
})

// ---------------------------------------------------------------------------
// Item 12: on a phone (412 px)
// ---------------------------------------------------------------------------

test.describe('on a phone', () => {
  test.use({ viewport: PHONE })

  test('the properties list is a stack of cards, with Price and Closing on screen', async ({
    page,
  }) => {
    await page.goto('/')
    const rows = page.getByRole('table').getByRole('row')
    await expect(rows).toHaveCount(21)
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    const first = rows.nth(1)
    await expect(first.getByRole('link', { name: TITLE })).toBeInViewport()
    for (const text of ['$1,033,500', 'Dec 1, 2026']) {
      const cell = first.getByRole('cell', { name: text })
      await expect(cell).toBeInViewport({ ratio: 1 })
      const box = await cell.boundingBox()
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width)
    }
    // Cards, not a squeezed table: the first card is taller than one table line.
    expect((await first.boundingBox())?.height ?? 0).toBeGreaterThan(120)
    await expectNoA11yViolations(page, 'the properties list on a phone')
  })

  test('the roster’s filters collapse behind a Filter button, still in the URL', async ({
    page,
  }) => {
    await openProperty(page)
    const toggle = page.getByRole('button', { name: 'Filter' })
    await expect(toggle).toBeVisible()
    await expect(toggle).toHaveAttribute('aria-expanded', 'false')
    const showRole = page.getByRole('combobox', { name: 'Show role' })
    await expect(showRole).toBeHidden()
    // With the filters collapsed, the first contact is on the first screen.
    await expect(
      page
        .getByRole('region', { name: /^Sellers/ })
        .getByRole('listitem')
        .first(),
    ).toBeInViewport()
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    await expectNoA11yViolations(page, 'the property page on a phone, filters collapsed')

    await toggle.click()
    await expect(showRole).toBeVisible()
    await showRole.selectOption({ label: 'Buyers (2)' })
    await expect(page).toHaveURL(/\?role=Buyer$/)
    await page.getByRole('button', { name: 'Filter (1 active)' }).click()
    await expect(showRole).toBeHidden()
    await expect(page.getByText('Showing 2 of 10 contacts.')).toBeVisible()
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    await expectNoA11yViolations(page, 'the property page on a phone, filtered')

    await page.reload()
    await expect(page.getByRole('button', { name: 'Filter (1 active)' })).toBeVisible()
    await expect(page.getByText('Showing 2 of 10 contacts.')).toBeVisible()
  })

  test('on a wide screen there is no Filter button, and the filters show', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await openProperty(page)
    await expect(page.getByRole('combobox', { name: 'Show role' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Filter' })).toBeHidden()
  })
})
