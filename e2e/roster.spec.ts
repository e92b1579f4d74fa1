import { mkdirSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { expectNoA11yViolations } from './a11y'
import { expect, test } from './fixtures'

// Seed facts (see the mock backend's seed): property 1 is "Elm Circle Ranch" with 10 links.
const PROPERTY = '/properties/1'
const TITLE = 'Elm Circle Ranch'
const API_PROPERTY_CONTACTS = '/api/v1/properties/1/contacts'

// ---------------------------------------------------------------------------
// Helpers: everything is found the way a user finds it, by role and name.
// ---------------------------------------------------------------------------

async function openProperty(page: Page, path = PROPERTY): Promise<void> {
  await page.goto(path)
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  await expect(
    page.getByRole('heading', { level: 2, name: /^Contacts on this deal \(\d+\)$/ }),
  ).toBeVisible()
}

/**
 * A role group: a region named by its h3, e.g. "Buyers (2)". `behindDialog`: while a
 * modal dialog is open, the page behind it is hidden from assistive technology (but
 * on screen); look there all the same.
 */
function roleGroup(page: Page, label: string, behindDialog = false): Locator {
  return page.getByRole('region', {
    name: new RegExp(`^${label} \\(\\d+\\)$`),
    includeHidden: behindDialog,
  })
}

// Entries are found behind an open dialog too (see roleGroup); visibility is asserted
// where it matters, with toBeVisible.
function entriesOf(group: Locator): Locator {
  return group.getByRole('listitem', { includeHidden: true })
}

function entry(scope: Page | Locator, name: string): Locator {
  return scope.getByRole('listitem', { includeHidden: true }).filter({ hasText: name })
}

function primaryBadge(item: Locator): Locator {
  return item.getByText('Primary', { exact: true })
}

/** A dialog by its accessible name; an open one is one whose title heading is visible. */
function dialogNamed(page: Page, name: string): Locator {
  return page.getByRole('dialog', { name })
}

async function expectDialogOpen(page: Page, name: string): Promise<Locator> {
  const dialog = dialogNamed(page, name)
  await expect(dialog.getByRole('heading', { level: 2, name })).toBeVisible()
  return dialog
}

function statusMessage(page: Page, text: string): Locator {
  // The polite live region always exists; find the message by what it says.
  return page.getByRole('status').filter({ hasText: text })
}

function alertMessage(scope: Page | Locator, text: string | RegExp): Locator {
  // An empty role=alert region is always on the page; find alerts by text.
  return scope.getByRole('alert').filter({ hasText: text })
}

function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement)
}

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  for (let presses = 0; presses < 40 && !(await isFocused(target)); presses++) {
    await page.keyboard.press(key)
  }
  await expect(target).toBeFocused()
}

/** Picks a contact in the link dialog with the combobox, the way most users would. */
async function chooseContact(dialog: Locator, search: string, name: string): Promise<void> {
  await dialog.getByRole('combobox', { name: 'Contact' }).fill(search)
  await dialog.getByRole('option', { name: new RegExp(`^${name}`) }).click()
  await expect(dialog.getByRole('combobox', { name: 'Contact' })).toHaveValue(name)
}

/** Screenshots for the report, only when E2E_SHOTS_DIR is set. */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS_DIR
  if (!dir) return
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: false })
}

// ---------------------------------------------------------------------------
// Flows
// ---------------------------------------------------------------------------

test('links a contact as primary Buyer using only the keyboard', async ({ page }) => {
  await openProperty(page)
  const buyers = roleGroup(page, 'Buyers')
  await expect(primaryBadge(entry(buyers, 'Tariq Weber'))).toBeVisible()

  // From the top of the page, Tab to the roster's "Link contact" button and press Enter.
  const linkButton = page.getByRole('button', { name: 'Link contact' })
  await tabTo(page, linkButton)
  await page.keyboard.press('Enter')
  const dialog = await expectDialogOpen(page, 'Link a contact')

  // Search "smi": the first match is active; ArrowDown moves to the second, Enter picks it.
  const contact = dialog.getByRole('combobox', { name: 'Contact' })
  await tabTo(page, contact)
  await page.keyboard.type('smi')
  // The contact list's options (the Role select has options of its own).
  const matches = dialog.getByRole('listbox', { name: 'Matching contacts' }).getByRole('option')
  // The five Smiths, then "Create contact" (issue 15).
  await expect(matches).toHaveCount(6)
  await expect(matches.first()).toContainText('Emily Smith')
  await expect(matches.last()).toHaveText('Create contact “smi”')
  await page.keyboard.press('ArrowDown')
  await expect(dialog.getByRole('option', { name: /^Jordan Smith/ })).toHaveAttribute(
    'data-focus',
    '',
  )
  await page.keyboard.press('Enter')
  await expect(contact).toHaveValue('Jordan Smith')
  await expect(dialog.getByText('Selected: Jordan Smith, jordan.smith@icloud.com')).toBeVisible()

  // Tab to Role and choose Buyer with the arrow keys (Choose a role… → Seller → Buyer).
  const role = dialog.getByRole('combobox', { name: 'Role' })
  await page.keyboard.press('Tab')
  await expect(role).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(role).toHaveValue('Buyer')
  await expect(dialog.getByText('Tariq Weber is the primary Buyer now.')).toBeVisible()

  // Space on the primary checkbox; the hint names who will be replaced.
  const primary = dialog.getByRole('checkbox', { name: 'Primary contact for this role' })
  await page.keyboard.press('Tab')
  await expect(primary).toBeFocused()
  await page.keyboard.press('Space')
  await expect(primary).toBeChecked()
  await expect(
    dialog.getByText('Tariq Weber is the primary Buyer now and will no longer be primary.'),
  ).toBeVisible()

  // Tab to the submit button and press Enter.
  await tabTo(page, dialog.getByRole('button', { name: 'Link contact' }))
  await page.keyboard.press('Enter')

  await expect(dialogNamed(page, 'Link a contact')).toHaveCount(0)
  await expect(linkButton).toBeFocused()
  await expect(
    statusMessage(page, 'Linked Jordan Smith as primary Buyer; Tariq Weber is no longer primary.'),
  ).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Contacts on this deal (11)' })).toBeVisible()
  await expect(roleGroup(page, 'Buyers')).toHaveAccessibleName('Buyers (3)')
  const first = entriesOf(buyers).first()
  await expect(first).toContainText('Jordan Smith')
  await expect(primaryBadge(first)).toBeVisible()
  await expect(primaryBadge(entry(buyers, 'Tariq Weber'))).toHaveCount(0)
})

test('makes a buyer primary and moves a seller to another role', async ({ page }) => {
  await openProperty(page)
  const buyers = roleGroup(page, 'Buyers')

  // Patrick Garcia becomes the primary Buyer; Tariq Weber is demoted.
  await page.getByRole('button', { name: 'Edit Patrick Garcia' }).click()
  let dialog = await expectDialogOpen(page, 'Edit Patrick Garcia')
  await expect(dialog.getByRole('combobox', { name: 'Role' })).toHaveValue('Buyer')
  await dialog.getByRole('checkbox', { name: 'Primary contact for this role' }).check()
  await expect(
    dialog.getByText('Tariq Weber is the primary Buyer now and will no longer be primary.'),
  ).toBeVisible()
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(dialogNamed(page, 'Edit Patrick Garcia')).toHaveCount(0)
  await expect(statusMessage(page, 'Saved changes to Patrick Garcia.')).toBeVisible()
  await expect(entriesOf(buyers).first()).toContainText('Patrick Garcia')
  await expect(primaryBadge(entry(buyers, 'Patrick Garcia'))).toBeVisible()
  await expect(primaryBadge(entry(buyers, 'Tariq Weber'))).toHaveCount(0)

  // Nancy Thompson moves from Sellers to Inspector (joining Andrew Adams, the primary).
  await page.getByRole('button', { name: 'Edit Nancy Thompson' }).click()
  dialog = await expectDialogOpen(page, 'Edit Nancy Thompson')
  await expect(dialog.getByRole('textbox', { name: 'Notes (optional)' })).toHaveValue(
    'Requested the inspection report by Friday.',
  )
  await dialog.getByRole('combobox', { name: 'Role' }).selectOption('Inspector')
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(statusMessage(page, 'Saved changes to Nancy Thompson.')).toBeVisible()
  await expect(roleGroup(page, 'Sellers')).toHaveAccessibleName('Sellers (1)')
  await expect(entry(roleGroup(page, 'Sellers'), 'Nancy Thompson')).toHaveCount(0)
  const inspectors = roleGroup(page, 'Inspector')
  await expect(inspectors).toHaveAccessibleName('Inspector (2)')
  await expect(entry(inspectors, 'Nancy Thompson')).toBeVisible()
  await expect(primaryBadge(entry(inspectors, 'Nancy Thompson'))).toHaveCount(0)
  await expect(primaryBadge(entry(inspectors, 'Andrew Adams'))).toBeVisible()

  // Diego Moore gets a role that is not in the list ("Other…").
  await page.getByRole('button', { name: 'Edit Diego Moore' }).click()
  dialog = await expectDialogOpen(page, 'Edit Diego Moore')
  await dialog.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Other…' })
  await dialog.getByRole('textbox', { name: 'Other role' }).fill('Home Stager')
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(statusMessage(page, 'Saved changes to Diego Moore.')).toBeVisible()
  await expect(entry(roleGroup(page, 'Home Stager'), 'Diego Moore')).toBeVisible()
  await expect(roleGroup(page, 'Listing Agent')).toHaveAccessibleName('Listing Agent (1)')

  // The server has all three changes.
  await page.reload()
  await expect(primaryBadge(entry(roleGroup(page, 'Buyers'), 'Patrick Garcia'))).toBeVisible()
  await expect(primaryBadge(entry(roleGroup(page, 'Buyers'), 'Tariq Weber'))).toHaveCount(0)
  await expect(entry(roleGroup(page, 'Inspector'), 'Nancy Thompson')).toBeVisible()
  await expect(entry(roleGroup(page, 'Home Stager'), 'Diego Moore')).toBeVisible()
  await expect(roleGroup(page, 'Sellers')).toHaveAccessibleName('Sellers (1)')
})

test('unlinks a contact, then Undo brings them back as they were', async ({ page }) => {
  await openProperty(page)
  const sellers = roleGroup(page, 'Sellers')

  await page.getByRole('button', { name: 'Unlink Eric Gonzalez' }).click()
  const dialog = await expectDialogOpen(page, 'Unlink Eric Gonzalez?')
  await expect(dialog).toContainText('Eric Gonzalez will be removed from this deal as Seller')
  await dialog.getByRole('button', { name: 'Unlink', exact: true }).click()

  await expect(dialogNamed(page, 'Unlink Eric Gonzalez?')).toHaveCount(0)
  const unlinked = statusMessage(page, 'Unlinked Eric Gonzalez (Seller).')
  await expect(unlinked).toBeVisible()
  await expect(sellers).toHaveAccessibleName('Sellers (1)')
  await expect(entry(page, 'Eric Gonzalez')).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Contacts on this deal (9)' })).toBeVisible()

  // The entry's button went away, so focus moves to Undo.
  const undo = unlinked.getByRole('button', { name: 'Undo' })
  await expect(undo).toBeFocused()
  await undo.click()

  await expect(statusMessage(page, 'Linked Eric Gonzalez (Seller) again.')).toBeVisible()
  await expect(sellers).toHaveAccessibleName('Sellers (2)')
  await expect(entriesOf(sellers).first()).toContainText('Eric Gonzalez')
  await expect(primaryBadge(entry(sellers, 'Eric Gonzalez'))).toBeVisible()
  await expect(primaryBadge(entry(sellers, 'Nancy Thompson'))).toHaveCount(0)

  await page.reload()
  await expect(page.getByRole('heading', { name: 'Contacts on this deal (10)' })).toBeVisible()
  await expect(entriesOf(sellers).first()).toContainText('Eric Gonzalez')
  await expect(primaryBadge(entry(sellers, 'Eric Gonzalez'))).toBeVisible()
})

test('role and primary filters live in the URL and survive a reload', async ({ page }) => {
  await openProperty(page)
  const filters = page.getByRole('group', { name: 'Filter the roster' })
  const showRole = filters.getByRole('combobox', { name: 'Show role' })
  const primaryOnly = filters.getByRole('checkbox', { name: 'Primary only' })
  await expect(showRole.getByRole('option', { name: 'Buyers (2)' })).toBeAttached()

  await showRole.selectOption('Buyer')
  await primaryOnly.check()
  await expect(page).toHaveURL(/\/properties\/1\?role=Buyer&primary=1$/)

  const expectOnlyTariq = async () => {
    await expect(showRole).toHaveValue('Buyer')
    await expect(primaryOnly).toBeChecked()
    await expect(page.getByText('Showing 1 of 10 contacts.')).toBeVisible()
    const roster = page.getByRole('region', { name: /^Contacts on this deal/ })
    await expect(roster.getByRole('listitem')).toHaveCount(1)
    await expect(roster.getByRole('listitem')).toContainText('Tariq Weber')
    await expect(roleGroup(page, 'Buyers')).toHaveAccessibleName('Buyers (1)')
  }
  await expectOnlyTariq()

  await page.reload()
  await expect(page).toHaveURL(/\/properties\/1\?role=Buyer&primary=1$/)
  await expectOnlyTariq()
})

test('a 500 on link keeps the dialog and what was typed, and links no one', async ({ page }) => {
  let posts = 0
  await page.route(
    (url) => url.pathname === API_PROPERTY_CONTACTS,
    async (route) => {
      if (route.request().method() !== 'POST' || posts > 0) return route.fallback()
      posts++
      await route.fulfill({ status: 500, json: { message: 'Internal server error' } })
    },
  )
  await openProperty(page)

  await page.getByRole('button', { name: 'Link contact' }).click()
  const dialog = await expectDialogOpen(page, 'Link a contact')
  await chooseContact(dialog, 'smi', 'Jordan Smith')
  await dialog.getByRole('combobox', { name: 'Role' }).selectOption('Buyer')
  await dialog.getByRole('checkbox', { name: 'Primary contact for this role' }).check()
  await dialog.getByRole('textbox', { name: 'Notes (optional)' }).fill('Met at the open house.')
  await dialog.getByRole('button', { name: 'Link contact' }).click()

  // A 5xx may come after the link was made: the roster is read again, and the
  // message says it may have been saved (a refusal, 4xx, still says "Nothing was saved").
  await expect(alertMessage(dialog, 'The server did not confirm this link.')).toContainText(
    'It may have been saved — the roster is refreshed',
  )
  expect(posts).toBe(1)
  await expect(dialog.getByRole('heading', { name: 'Link a contact' })).toBeVisible()
  await expect(dialog.getByRole('combobox', { name: 'Contact' })).toHaveValue('Jordan Smith')
  await expect(dialog.getByRole('combobox', { name: 'Role' })).toHaveValue('Buyer')
  await expect(
    dialog.getByRole('checkbox', { name: 'Primary contact for this role' }),
  ).toBeChecked()
  await expect(dialog.getByRole('textbox', { name: 'Notes (optional)' })).toHaveValue(
    'Met at the open house.',
  )
  await expect(dialog.getByRole('button', { name: 'Link contact' })).toBeEnabled()
  // Nothing optimistic leaked onto the roster behind the dialog.
  await expect(statusMessage(page, 'Linked Jordan Smith')).toHaveCount(0)

  await page.reload()
  await expect(page.getByRole('heading', { name: 'Contacts on this deal (10)' })).toBeVisible()
  await expect(entry(page, 'Jordan Smith')).toHaveCount(0)
  await expect(primaryBadge(entry(roleGroup(page, 'Buyers'), 'Tariq Weber'))).toBeVisible()
})

test('a slow edit shows the change at once and the confirmed state after', async ({ page }) => {
  // Patrick Garcia is contact 2 on property 1.
  await page.route(
    (url) => url.pathname === `${API_PROPERTY_CONTACTS}/2`,
    async (route) => {
      if (route.request().method() !== 'PUT') return route.fallback()
      await new Promise((resolve) => setTimeout(resolve, 2000))
      await route.continue()
    },
  )
  await openProperty(page)
  const buyers = roleGroup(page, 'Buyers')

  await page.getByRole('button', { name: 'Edit Patrick Garcia' }).click()
  const dialog = await expectDialogOpen(page, 'Edit Patrick Garcia')
  await dialog.getByRole('checkbox', { name: 'Primary contact for this role' }).check()
  const savedAt = Date.now()
  await dialog.getByRole('button', { name: 'Save changes' }).click()

  // At once: the roster shows the change, behind the dialog, which waits for the server.
  const behind = roleGroup(page, 'Buyers', true)
  await expect(primaryBadge(entry(behind, 'Patrick Garcia'))).toBeVisible({ timeout: 500 })
  await expect(primaryBadge(entry(behind, 'Tariq Weber'))).toHaveCount(0, { timeout: 500 })
  await expect(entriesOf(behind).first()).toContainText('Patrick Garcia', { timeout: 500 })
  await expect(dialog.getByRole('button', { name: 'Saving…' })).toBeDisabled()
  // …but nothing claims the server agreed yet.
  const saved = statusMessage(page, 'Saved changes to Patrick Garcia.')
  await expect(saved).toHaveCount(0)

  // After the server answers (~2 s): the confirmation, the dialog gone, the same roster.
  await expect(saved).toBeVisible({ timeout: 5000 })
  expect(Date.now() - savedAt).toBeGreaterThanOrEqual(1900)
  await expect(dialogNamed(page, 'Edit Patrick Garcia')).toHaveCount(0)
  await expect(primaryBadge(entry(buyers, 'Patrick Garcia'))).toBeVisible()
  await expect(primaryBadge(entry(buyers, 'Tariq Weber'))).toHaveCount(0)

  await page.reload()
  await expect(entriesOf(buyers).first()).toContainText('Patrick Garcia')
  await expect(primaryBadge(entry(buyers, 'Patrick Garcia'))).toBeVisible()
  await expect(primaryBadge(entry(buyers, 'Tariq Weber'))).toHaveCount(0)
})

/** Makes the next PUT of Patrick Garcia's link (contact 2) fail with a 500. */
async function failNextEditOfPatrick(page: Page): Promise<void> {
  let failed = false
  await page.route(
    (url) => url.pathname === `${API_PROPERTY_CONTACTS}/2`,
    async (route) => {
      if (route.request().method() !== 'PUT' || failed) return route.fallback()
      failed = true
      await route.fulfill({ status: 500, json: { message: 'Internal server error' } })
    },
  )
}

test('an unconfirmed edit rolls back and keeps the dialog with what was typed', async ({
  page,
}) => {
  await failNextEditOfPatrick(page)
  await openProperty(page)
  const buyers = roleGroup(page, 'Buyers')

  await page.getByRole('button', { name: 'Edit Patrick Garcia' }).click()
  const dialog = await expectDialogOpen(page, 'Edit Patrick Garcia')
  await dialog.getByRole('checkbox', { name: 'Primary contact for this role' }).check()
  await dialog.getByRole('textbox', { name: 'Notes (optional)' }).fill('Call after 5pm.')
  await dialog.getByRole('button', { name: 'Save changes' }).click()

  // A 5xx leaves unknown whether the PUT landed: the roster is read again first, and
  // the dialog says so, with what was typed.
  const failure = dialog
    .getByRole('alert')
    .filter({ hasText: 'The server did not confirm the changes to Patrick Garcia.' })
  await expect(failure).toContainText('It may have been saved — the roster is refreshed')
  await expect(primaryBadge(entry(roleGroup(page, 'Buyers', true), 'Tariq Weber'))).toBeVisible()
  await expect(primaryBadge(entry(roleGroup(page, 'Buyers', true), 'Patrick Garcia'))).toHaveCount(
    0,
  )
  await expect(entry(roleGroup(page, 'Buyers', true), 'Patrick Garcia')).not.toContainText(
    'Call after 5pm.',
  )

  await expect(
    dialog.getByRole('checkbox', { name: 'Primary contact for this role' }),
  ).toBeChecked()
  await expect(dialog.getByRole('textbox', { name: 'Notes (optional)' })).toHaveValue(
    'Call after 5pm.',
  )
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(statusMessage(page, 'Saved changes to Patrick Garcia.')).toBeVisible()
  await expect(primaryBadge(entry(buyers, 'Patrick Garcia'))).toBeVisible()
  await expect(entry(buyers, 'Patrick Garcia')).toContainText('Call after 5pm.')
  await expect(primaryBadge(entry(buyers, 'Tariq Weber'))).toHaveCount(0)
})

test.describe('dialogs and the keyboard', () => {
  // One page load, each dialog opened from the keyboard in turn. The first dialog
  // opened after a load is the one most users meet. Focus checks are soft, so one
  // run reports every dialog that gets it wrong.
  test('Escape closes each dialog and returns focus to its opener', async ({ page }) => {
    await openProperty(page)
    const dialogs = [
      { opener: 'Edit Patrick Garcia', dialog: 'Edit Patrick Garcia' },
      { opener: 'Unlink Eric Gonzalez', dialog: 'Unlink Eric Gonzalez?' },
      { opener: 'Link contact', dialog: 'Link a contact' },
    ]
    for (const { opener, dialog } of dialogs) {
      const button = page.getByRole('button', { name: opener })
      await button.focus()
      await page.keyboard.press('Enter')
      await expectDialogOpen(page, dialog)
      await page.keyboard.press('Escape')
      await expect(dialogNamed(page, dialog)).toHaveCount(0)
      await expect
        .soft(button, `focus returns to "${opener}" after Escape closes "${dialog}"`)
        .toBeFocused()
    }
    // Closing changed nothing.
    await expect(page.getByRole('heading', { name: 'Contacts on this deal (10)' })).toBeVisible()
  })

  test('Tab and Shift+Tab cycle within an open dialog', async ({ page }) => {
    await openProperty(page)
    await page.getByRole('button', { name: 'Edit Patrick Garcia' }).click()
    const dialog = await expectDialogOpen(page, 'Edit Patrick Garcia')
    const role = dialog.getByRole('combobox', { name: 'Role' })
    const save = dialog.getByRole('button', { name: 'Save changes' })

    const focusInDialog = () => page.evaluate(() => !!document.activeElement?.closest('dialog'))

    // Forward: Role → … → Save changes → back to Role, never leaving the dialog.
    await tabTo(page, role)
    let sawSave = false
    for (let presses = 0; presses < 20; presses++) {
      await page.keyboard.press('Tab')
      expect(await focusInDialog(), `focus left the dialog after ${presses + 1} Tab(s)`).toBe(true)
      if (await isFocused(save)) sawSave = true
      if (sawSave && (await isFocused(role))) break
    }
    expect(sawSave).toBe(true)
    await expect(role).toBeFocused()

    // Backward from the first field wraps to the last button.
    await page.keyboard.press('Shift+Tab')
    await expect(save).toBeFocused()
  })
})

test.describe('not found', () => {
  for (const id of ['abc', '99999', '0']) {
    test(`/properties/${id} shows "Property not found"`, async ({ page }) => {
      await page.goto(`/properties/${id}`)
      await expect(
        page.getByRole('heading', { level: 1, name: 'Property not found' }),
      ).toBeVisible()
      const back = page.getByRole('link', { name: 'Back to all properties' })
      await expect(back).toHaveAttribute('href', '/')
      await back.click()
      await expect(page).toHaveURL(/\/$/)
      await expect(page.getByRole('heading', { level: 1, name: 'Properties' })).toBeVisible()
    })
  }
})

// ---------------------------------------------------------------------------
// Accessibility: axe (WCAG 2.0 A/AA, 2.1 AA, 2.2 AA) reports nothing on any screen.
// ---------------------------------------------------------------------------

test.describe('accessibility (axe)', () => {
  test('the properties list', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(21)
    await expectNoA11yViolations(page, 'the properties list')
  })

  test('the property detail page', async ({ page }) => {
    await openProperty(page)
    await expect(roleGroup(page, 'Sellers')).toBeVisible()
    await expectNoA11yViolations(page, 'the property detail page')
  })

  test('the link dialog: empty, searching, and showing validation errors', async ({ page }) => {
    await openProperty(page)
    await page.getByRole('button', { name: 'Link contact' }).click()
    const dialog = await expectDialogOpen(page, 'Link a contact')
    await expectNoA11yViolations(page, 'the link dialog')

    // Search results open, including a contact already on the deal (disabled).
    await dialog.getByRole('combobox', { name: 'Contact' }).fill('Tariq')
    await expect(dialog.getByRole('option', { name: /Tariq Weber/ })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
    await expect(dialog.getByRole('option', { name: /Tariq Weber/ })).toContainText(
      'Already on this deal as Buyer',
    )
    await expectNoA11yViolations(page, 'the link dialog with search results open')
    await page.keyboard.press('Escape') // closes the listbox, not the dialog
    await dialog.getByRole('combobox', { name: 'Contact' }).fill('')

    await dialog.getByRole('button', { name: 'Link contact' }).click()
    await expect(dialog.getByText('Choose a contact')).toBeVisible()
    await expect(dialog.getByText('Choose a role', { exact: true })).toBeVisible()
    // Each error is tied to its field, and focus goes to the first invalid field.
    const contact = dialog.getByRole('combobox', { name: 'Contact' })
    const role = dialog.getByRole('combobox', { name: 'Role' })
    await expect(contact).toHaveAttribute('aria-invalid', 'true')
    await expect(contact).toHaveAccessibleDescription(/Choose a contact/)
    await expect(role).toHaveAttribute('aria-invalid', 'true')
    await expect(role).toHaveAccessibleDescription(/Choose a role/)
    await expect(contact).toBeFocused()
    await shot(page, 'link-dialog-validation-errors')
    await expectNoA11yViolations(page, 'the link dialog showing validation errors')
  })

  test('the edit dialog', async ({ page }) => {
    await openProperty(page)
    await page.getByRole('button', { name: 'Edit Nancy Thompson' }).click()
    const dialog = await expectDialogOpen(page, 'Edit Nancy Thompson')
    await dialog.getByRole('checkbox', { name: 'Primary contact for this role' }).check()
    await expect(dialog.getByText('will no longer be primary')).toBeVisible()
    await shot(page, 'edit-dialog')
    await expectNoA11yViolations(page, 'the edit dialog')
  })

  test('the unlink dialog', async ({ page }) => {
    await openProperty(page)
    await page.getByRole('button', { name: 'Unlink Eric Gonzalez' }).click()
    await expectDialogOpen(page, 'Unlink Eric Gonzalez?')
    await expectNoA11yViolations(page, 'the unlink dialog')
  })

  test('a status message with Undo, after unlinking', async ({ page }) => {
    await openProperty(page)
    await page.getByRole('button', { name: 'Unlink Eric Gonzalez' }).click()
    const dialog = await expectDialogOpen(page, 'Unlink Eric Gonzalez?')
    await dialog.getByRole('button', { name: 'Unlink', exact: true }).click()
    const message = statusMessage(page, 'Unlinked Eric Gonzalez (Seller).')
    await expect(message.getByRole('button', { name: 'Undo' })).toBeVisible()
    await shot(page, 'status-message-undo')
    await expectNoA11yViolations(page, 'the page with a status message')
  })

  test('an error message in the edit dialog, after an unconfirmed edit', async ({ page }) => {
    await failNextEditOfPatrick(page)
    await openProperty(page)
    await page.getByRole('button', { name: 'Edit Patrick Garcia' }).click()
    const dialog = await expectDialogOpen(page, 'Edit Patrick Garcia')
    await dialog.getByRole('checkbox', { name: 'Primary contact for this role' }).check()
    await dialog.getByRole('button', { name: 'Save changes' }).click()
    const failure = dialog
      .getByRole('alert')
      .filter({ hasText: 'The server did not confirm the changes to Patrick Garcia.' })
    await expect(failure).toBeVisible()
    await shot(page, 'edit-failed-alert')
    await expectNoA11yViolations(page, 'the page with an error message')
  })

  // WCAG 2.2 SC 2.4.11 Focus Not Obscured (Minimum), which axe cannot check: the
  // Undo message stays until dismissed, so nothing that takes focus may hide under it.
  test('no focused control is hidden behind the status message', async ({ page }) => {
    await openProperty(page)
    await page.getByRole('button', { name: 'Unlink Eric Gonzalez' }).click()
    const dialog = await expectDialogOpen(page, 'Unlink Eric Gonzalez?')
    await dialog.getByRole('button', { name: 'Unlink', exact: true }).click()
    await expect(statusMessage(page, 'Unlinked Eric Gonzalez (Seller).')).toBeVisible()

    // Tab through the whole page from the top, as a keyboard user would.
    await page.getByRole('link', { name: 'Skip to content' }).focus()
    const hidden = new Set<string>()
    for (let presses = 0; presses < 60; presses++) {
      await page.keyboard.press('Tab')
      const covered = await page.evaluate(() => {
        const focused = document.activeElement
        const message = document.querySelector('[role="status"] > *')
        if (!focused || focused === document.body || !message || message.contains(focused)) {
          return null
        }
        const a = focused.getBoundingClientRect()
        const m = message.getBoundingClientRect()
        const fullyHidden =
          a.left >= m.left && a.right <= m.right && a.top >= m.top && a.bottom <= m.bottom
        const label = focused.getAttribute('aria-label') ?? focused.textContent
        return fullyHidden ? `<${focused.tagName.toLowerCase()}> ${label.trim()}` : null
      })
      if (covered) hidden.add(covered)
    }
    expect([...hidden], 'focused elements entirely hidden by the status message').toEqual([])
  })

  test('the not-found page', async ({ page }) => {
    await page.goto('/properties/abc')
    await expect(page.getByRole('heading', { level: 1, name: 'Property not found' })).toBeVisible()
    await expectNoA11yViolations(page, 'the not-found page')
  })
})

test('on a phone, the property page fits the screen and passes axe', async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 823 })
  await openProperty(page)
  // Nothing wider than the screen (the header's facts used to push Closing off it).
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBe(0)
  const closing = page.getByRole('term').filter({ hasText: 'Closing' })
  await expect(closing).toBeInViewport({ ratio: 1 })
  for (const name of ['Set up transaction', 'Link contact']) {
    await expect(
      page.getByRole(name === 'Link contact' ? 'button' : 'link', { name }),
    ).toBeInViewport()
  }
  await expectNoA11yViolations(page, 'the property page on a phone')
})

test.describe('a property page rendered on the server', () => {
  test.describe('before any script runs', () => {
    test.use({ javaScriptEnabled: false })

    test('shows the deal and its whole roster', async ({ page }) => {
      await page.goto(`${PROPERTY}?role=Buyer`)
      await expect(page).toHaveTitle(`${TITLE} · Roster`)
      await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
      await expect(
        page.getByRole('heading', { level: 2, name: 'Contacts on this deal (10)' }),
      ).toBeVisible()
      const buyers = roleGroup(page, 'Buyers')
      await expect(entriesOf(buyers)).toHaveText([/Tariq Weber/, /Patrick Garcia/])
      await expect(primaryBadge(entry(buyers, 'Tariq Weber'))).toBeVisible()
      await expect(roleGroup(page, 'Sellers')).toHaveCount(0)
    })
  })

  test('is taken over as it is: no API read, no error, and it works', async ({ page }) => {
    const problems: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
    })
    page.on('pageerror', (error) => problems.push(error.message))
    const reads: string[] = []
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) reads.push(request.url())
    })

    await openProperty(page)
    await page.getByRole('button', { name: 'Edit Patrick Garcia' }).click()
    await expectDialogOpen(page, 'Edit Patrick Garcia')
    expect(reads).toEqual([])
    expect(problems).toEqual([])
  })
})
