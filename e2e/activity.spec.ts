// Issue 18, history: a change made on the roster appears in the property's Activity
// under the coordinator's name, and can be reverted from there (recorded in turn), on
// the production build with its mock backend, which records as "Demo Coordinator".
import type { Locator, Page } from '@playwright/test'
import { expectNoA11yViolations } from './a11y'
import { expect, test } from './fixtures'

// Seed facts: property 1 is "Elm Circle Ranch"; Nancy Thompson is one of its Sellers.
const PROPERTY = '/properties/1'

function statusMessage(page: Page, text: string): Locator {
  return page.getByRole('status').filter({ hasText: text })
}

function changes(page: Page): Locator {
  return page.getByRole('list', { name: 'Changes, newest first' }).getByRole('listitem')
}

async function editNancy(page: Page, edit: (dialog: Locator) => Promise<unknown>): Promise<void> {
  await page.getByRole('button', { name: 'Edit Nancy Thompson' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit Nancy Thompson' })
  await expect(dialog.getByRole('heading', { level: 2 })).toBeVisible()
  await edit(dialog)
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(statusMessage(page, 'Saved changes to Nancy Thompson.')).toBeVisible()
}

async function openActivity(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Activity', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible()
}

test('a change shows in Activity under your name, and reverting it restores the roster', async ({
  page,
}) => {
  await page.goto(PROPERTY)
  await expect(page.getByRole('heading', { level: 1, name: 'Elm Circle Ranch' })).toBeVisible()
  await editNancy(page, (dialog) =>
    dialog.getByRole('combobox', { name: 'Role' }).selectOption('Inspector'),
  )

  await openActivity(page)
  const first = changes(page).first()
  await expect(first).toContainText('Demo Coordinator made Nancy Thompson Inspector (was: Seller)')
  await expect(page.getByRole('combobox', { name: 'Person' })).toContainText('Demo Coordinator')
  await expect(page.getByRole('combobox', { name: 'Contact' })).toContainText('Nancy Thompson')
  await expectNoA11yViolations(page, 'the Activity view')

  await first.getByRole('button', { name: 'Revert' }).click()
  const confirm = first.getByRole('group')
  await expect(confirm).toContainText('This makes Nancy Thompson Seller again')
  await expect(confirm.getByRole('button', { name: 'Revert change' })).toBeFocused()
  await confirm.getByRole('button', { name: 'Revert change' }).click()
  await expect(statusMessage(page, 'Reverted: Demo Coordinator made Nancy Thompson')).toBeVisible()

  // The revert is a change of its own, and the original says who reverted it.
  await expect(changes(page)).toHaveCount(2)
  await expect(changes(page).first()).toContainText(
    'Demo Coordinator made Nancy Thompson Seller (was: Inspector), reverting an earlier change',
  )
  const original = changes(page).nth(1)
  await expect(original).toContainText('reverted by Demo Coordinator')
  await expect(original.getByRole('button', { name: 'Revert' })).toHaveCount(0)

  await page.getByRole('link', { name: 'Back to the roster' }).click()
  const sellers = page.getByRole('region', { name: /^Sellers \(\d+\)$/ })
  await expect(sellers.getByRole('listitem').filter({ hasText: 'Nancy Thompson' })).toHaveCount(1)
})

test('a revert writes nothing when the entry changed since, and says what changed', async ({
  page,
}) => {
  await page.goto(PROPERTY)
  await editNancy(page, (dialog) =>
    dialog.getByRole('combobox', { name: 'Role' }).selectOption('Inspector'),
  )
  await editNancy(page, (dialog) =>
    dialog.getByRole('textbox', { name: 'Notes (optional)' }).fill('Keys at the office.'),
  )
  await openActivity(page)
  await expect(changes(page)).toHaveCount(2)
  await expect(changes(page).first()).toContainText('changed Nancy Thompson’s entry: notes changed')

  // Found by what it says: the list is read again after the attempt, with it in it.
  const older = changes(page).filter({ hasText: 'made Nancy Thompson Inspector (was: Seller)' })
  await older.getByRole('button', { name: 'Revert' }).click()
  await older.getByRole('button', { name: 'Revert change' }).click()
  await expect(older.getByRole('alert')).toContainText(
    'Not reverted: Nancy Thompson’s entry changed since (notes changed). Nothing was written.',
  )
  // The refused revert is recorded too, as refused.
  await page.reload()
  await expect(changes(page).first()).toContainText('refused (412)')
  await expect(changes(page)).toHaveCount(3)
})

test('an unlink reverts by linking again; the filters narrow the list', async ({ page }) => {
  await page.goto(PROPERTY)
  await page.getByRole('button', { name: 'Unlink Nancy Thompson' }).click()
  const dialog = page.getByRole('dialog', { name: 'Unlink Nancy Thompson?' })
  await dialog.getByRole('button', { name: 'Unlink', exact: true }).click()
  await expect(statusMessage(page, 'Unlinked Nancy Thompson')).toBeVisible()
  await editNancyless(page)

  await openActivity(page)
  await expect(changes(page)).toHaveCount(2)
  await page.getByRole('combobox', { name: 'Contact' }).selectOption({ label: 'Nancy Thompson' })
  await expect(page).toHaveURL(/contact=\d+/)
  await expect(changes(page)).toHaveCount(1)
  const unlink = changes(page).first()
  await expect(unlink).toContainText(
    'Demo Coordinator removed Nancy Thompson (Seller) from this deal',
  )
  await unlink.getByRole('button', { name: 'Revert' }).click()
  await expect(unlink.getByRole('group')).toContainText(
    'This links Nancy Thompson to this deal again as Seller',
  )
  await unlink.getByRole('button', { name: 'Revert change' }).click()
  await expect(changes(page).first()).toContainText(
    'Demo Coordinator linked Nancy Thompson as Seller, reverting an earlier change',
  )
})

/** A second change, to someone else, so that the contact filter has something to leave out. */
async function editNancyless(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Edit Patrick Garcia' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit Patrick Garcia' })
  await dialog.getByRole('textbox', { name: 'Notes (optional)' }).fill('Pre-approved.')
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(statusMessage(page, 'Saved changes to Patrick Garcia.')).toBeVisible()
}
