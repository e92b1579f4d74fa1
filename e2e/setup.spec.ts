import type { Page } from '@playwright/test'
import { expectNoA11yViolations } from './a11y'
import { expect, test } from './fixtures'

// The transaction setup workflow against the production build and the mock backend.

/** Property 1's links in the mock backend's API, for a colleague's change and to check. */
const LINK_API = '/api/v1/properties/1/contacts'

async function openSetup(page: Page, propertyId: number) {
  await page.goto(`/properties/${propertyId}`)
  await page.getByRole('link', { name: 'Set up transaction' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Set up transaction' })).toBeVisible()
}

async function pick(page: Page, row: string, search: string, name: string) {
  const group = page.getByRole('group', { name: row })
  await group.getByRole('combobox', { name: 'Contact' }).fill(search)
  await group.getByRole('option', { name: new RegExp(`^${name}`) }).click()
  await expect(group.getByRole('combobox', { name: 'Contact' })).toHaveValue(name)
}

/**
 * The form as these flows drive it: one seller, one buyer and the two agents. The setup
 * page starts a deal with a row for each role its checklist misses (e2e/checklist.spec.ts
 * and tests/features/checklist cover that); these flows are about the form itself, so
 * they put those rows aside, as a user may, and add the generic ones.
 */
async function startWithGenericRows(page: Page) {
  await expect(page.getByRole('form', { name: 'Transaction setup' })).toBeVisible()
  const remove = page.getByRole('button', { name: /^Remove (Seller|Buyer|Agent|Party) \d+$/ })
  while ((await remove.count()) > 0) await remove.first().click()
  await page.getByRole('button', { name: 'Add seller' }).click()
  await page.getByRole('button', { name: 'Add buyer' }).click()
  await page.getByRole('button', { name: 'Add agent' }).click()
  await page.getByRole('button', { name: 'Add agent' }).click()
  const second = page.getByRole('group', { name: 'Agent 2' })
  await second.getByRole('combobox', { name: 'Role' }).selectOption('Buyer Agent')
  await second.getByRole('checkbox', { name: 'Primary' }).check()
}

/** 2 sellers, 2 buyers, 2 agents and an inspector: seven links. */
async function fillNewDeal(page: Page) {
  await startWithGenericRows(page)
  await pick(page, 'Seller 1', 'Jordan Smith', 'Jordan Smith')
  await page.getByRole('button', { name: 'Add seller' }).click()
  await pick(page, 'Seller 2', 'Emily Smith', 'Emily Smith')
  await pick(page, 'Buyer 1', 'Marcus Smith', 'Marcus Smith')
  await page.getByRole('button', { name: 'Add buyer' }).click()
  await pick(page, 'Buyer 2', 'Rosa Smith', 'Rosa Smith')
  await pick(page, 'Agent 1', 'Walter Smith', 'Walter Smith')
  await pick(page, 'Agent 2', 'Patrick Garcia', 'Patrick Garcia')
  await page.getByRole('button', { name: 'Add another party' }).click()
  const party = page.getByRole('group', { name: 'Party 1' })
  await pick(page, 'Party 1', 'Nancy Thompson', 'Nancy Thompson')
  await party.getByRole('combobox', { name: 'Role' }).selectOption('Inspector')
}

test('set up a new deal: 2 sellers, 2 buyers, 2 agents and an inspector', async ({ page }) => {
  await openSetup(page, 12)
  await expectNoA11yViolations(page, 'setup form')
  await fillNewDeal(page)
  await page.getByRole('button', { name: 'Review plan' }).click()

  await expect(page.getByRole('heading', { name: 'Review the plan' })).toBeFocused()
  const plan = page.getByRole('table', { name: 'What the setup will do' })
  // Seven rows asked for, plus a row for each current primary that will be replaced.
  await expect(plan.getByRole('row', { name: /Smith|Garcia|Thompson/ })).toHaveCount(7)
  await expectNoA11yViolations(page, 'plan review')
  await page.getByRole('button', { name: /^Apply \d+ changes$/ }).click()

  await expect(page.getByRole('heading', { name: 'Setup applied' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /^All \d+ done\.$/ })).toBeVisible()
  await page.getByRole('link', { name: 'Back to the property' }).click()
  const sellers = page.getByRole('region', { name: /^Sellers/ })
  await expect(sellers.getByRole('listitem').first()).toContainText(/Jordan Smith\s*Primary/)
  await expect(page.getByRole('region', { name: /^Inspector/ })).toContainText('Nancy Thompson')
})

test('two failed requests are listed, and Retry failed resends only those', async ({ page }) => {
  let failuresLeft = 2
  const posts: string[] = []
  await page.route('**/api/v1/properties/12/contacts', async (route) => {
    if (route.request().method() !== 'POST') return route.continue()
    posts.push(route.request().postData() ?? '')
    if (failuresLeft > 0) {
      failuresLeft -= 1
      return route.fulfill({ status: 500, json: { message: 'Temporary failure' } })
    }
    return route.continue()
  })
  await openSetup(page, 12)
  await fillNewDeal(page)
  await page.getByRole('button', { name: 'Review plan' }).click()
  await page.getByRole('button', { name: /^Apply \d+ changes$/ }).click()

  await expect(page.getByRole('heading', { name: 'Setup applied' })).toBeVisible()
  const failure = page.getByRole('alert').filter({ hasText: 'could not be applied' })
  await expect(failure).toContainText('2 changes could not be applied')
  await expect(page.getByRole('cell', { name: /^Failed: / })).toHaveCount(2)
  await expectNoA11yViolations(page, 'setup with failures')

  const sentBeforeRetry = posts.length
  await failure.getByRole('button', { name: 'Retry failed' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^All \d+ done\.$/ })).toBeVisible()
  expect(posts.length - sentBeforeRetry).toBe(2)
})

test('on a property with part of the roster, what is in place is left alone', async ({ page }) => {
  // Property 1: Eric Gonzalez is already its primary Seller, Tariq Weber its primary Buyer.
  await openSetup(page, 1)
  await startWithGenericRows(page)
  await pick(page, 'Seller 1', 'Gonzalez', 'Eric Gonzalez')
  await pick(page, 'Buyer 1', 'Jordan Smith', 'Jordan Smith')
  await page.getByRole('button', { name: 'Remove Agent 2' }).click()
  await page.getByRole('button', { name: 'Remove Agent 1' }).click()
  await page.getByRole('button', { name: 'Review plan' }).click()

  const plan = page.getByRole('table', { name: 'What the setup will do' })
  await expect(plan.getByRole('row', { name: /Eric Gonzalez/ })).toContainText(
    'Already linked this way: left alone',
  )
  await expect(plan.getByRole('row', { name: /Jordan Smith/ })).toContainText('Link')
  await expect(
    page.getByText('Tariq Weber will no longer be the primary Buyer (Jordan Smith takes over).'),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Apply 1 change' }).click()
  await expect(page.getByRole('heading', { name: 'Setup applied' })).toBeVisible()

  // Running the same setup again plans nothing.
  await page.goto('/properties/1/setup')
  await startWithGenericRows(page)
  await pick(page, 'Seller 1', 'Gonzalez', 'Eric Gonzalez')
  await pick(page, 'Buyer 1', 'Jordan Smith', 'Jordan Smith')
  await page.getByRole('button', { name: 'Remove Agent 2' }).click()
  await page.getByRole('button', { name: 'Remove Agent 1' }).click()
  await page.getByRole('button', { name: 'Review plan' }).click()
  await expect(page.getByText('0 to link, 0 to update, 2 already in place.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Nothing to apply' })).toBeDisabled()
})

test('form mistakes are shown on the right row and nothing is sent', async ({ page }) => {
  let writes = 0
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/') && request.method() !== 'GET') writes += 1
  })
  await openSetup(page, 12)
  await startWithGenericRows(page)
  await pick(page, 'Seller 1', 'Jordan Smith', 'Jordan Smith')
  await pick(page, 'Buyer 1', 'Jordan Smith', 'Jordan Smith')
  await page.getByRole('button', { name: 'Review plan' }).click()
  const buyer = page
    .getByRole('group', { name: 'Buyer 1' })
    .getByRole('combobox', { name: 'Contact' })
  await expect(buyer).toHaveAttribute('aria-invalid', 'true')
  await expect(buyer).toHaveAccessibleDescription(
    /Jordan Smith is listed twice, at Seller 1 and Buyer 1/,
  )
  await expect(
    page.getByRole('group', { name: 'Agent 1' }).getByRole('combobox', { name: 'Contact' }),
  ).toHaveAccessibleDescription(/Pick a contact or remove this row/)
  await expectNoA11yViolations(page, 'setup form with errors')
  expect(writes).toBe(0)
})

test('asks before discarding an unsent form, and keeps it when the user stays', async ({
  page,
}) => {
  await openSetup(page, 12)
  // An untouched form leaves at once.
  await page.getByRole('link', { name: 'Cancel' }).click()
  await expect(page).toHaveURL(/\/properties\/12$/)
  await page.getByRole('link', { name: 'Set up transaction' }).click()
  await startWithGenericRows(page)

  await pick(page, 'Seller 1', 'Jordan Smith', 'Jordan Smith')
  const asked: string[] = []
  page.once('dialog', (dialog) => {
    asked.push(dialog.message())
    void dialog.dismiss()
  })
  await page.getByRole('link', { name: 'Cancel' }).click()
  expect(asked).toEqual(['Discard this transaction setup? Nothing in it has been sent yet.'])
  await expect(page).toHaveURL(/\/properties\/12\/setup$/)
  await expect(
    page.getByRole('group', { name: 'Seller 1' }).getByRole('combobox', { name: 'Contact' }),
  ).toHaveValue('Jordan Smith')

  // A reload asks too (the browser's own prompt).
  page.once('dialog', (dialog) => {
    asked.push(dialog.type())
    void dialog.dismiss()
  })
  await page.reload({ timeout: 2000 }).catch(() => undefined)
  expect(asked).toEqual([
    'Discard this transaction setup? Nothing in it has been sent yet.',
    'beforeunload',
  ])
  await expect(
    page.getByRole('group', { name: 'Seller 1' }).getByRole('combobox', { name: 'Contact' }),
  ).toHaveValue('Jordan Smith')

  // Back in the history asks too; staying keeps the page, its URL and the form.
  page.once('dialog', (dialog) => {
    asked.push(dialog.message())
    void dialog.dismiss()
  })
  // (The browser stays, so goBack's wait for a navigation runs out.)
  await page.goBack({ timeout: 2000 }).catch(() => undefined)
  expect(asked).toHaveLength(3)
  expect(asked[2]).toBe('Discard this transaction setup? Nothing in it has been sent yet.')
  await expect(page).toHaveURL(/\/properties\/12\/setup$/)
  await expect(
    page.getByRole('group', { name: 'Seller 1' }).getByRole('combobox', { name: 'Contact' }),
  ).toHaveValue('Jordan Smith')

  // Back again, and leave this time: asked once, and the property page shows.
  page.on('dialog', (dialog) => {
    asked.push(dialog.message())
    void dialog.accept()
  })
  await page.goBack()
  await expect(page).toHaveURL(/\/properties\/12$/)
  await expect(
    page.getByRole('heading', { level: 2, name: /^Contacts on this deal/ }),
  ).toBeVisible()
  await expect(page.getByRole('main')).not.toContainText('Jordan Smith')
  expect(asked).toHaveLength(4)
})

test('leaving while the setup is applied warns, and what was sent still lands', async ({
  page,
}) => {
  // Each link takes a second: the user leaves while they are on their way.
  await page.route('**/api/v1/properties/12/contacts', async (route) => {
    if (route.request().method() === 'POST') await new Promise((r) => setTimeout(r, 1000))
    return route.continue()
  })
  await openSetup(page, 12)
  await startWithGenericRows(page)
  await pick(page, 'Seller 1', 'Jordan Smith', 'Jordan Smith')
  await pick(page, 'Buyer 1', 'Emily Smith', 'Emily Smith')
  await page.getByRole('button', { name: 'Remove Agent 2' }).click()
  await page.getByRole('button', { name: 'Remove Agent 1' }).click()
  await page.getByRole('button', { name: 'Review plan' }).click()
  await page.getByRole('button', { name: 'Apply 2 changes' }).click()
  await expect(page.getByRole('heading', { name: 'Applying the setup…' })).toBeVisible()

  const asked: string[] = []
  page.once('dialog', (dialog) => {
    asked.push(dialog.message())
    void dialog.accept()
  })
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').last().click()
  expect(asked).toEqual([
    'The setup is still being applied. Leave anyway? What is done so far stays done.',
  ])
  await expect(page).toHaveURL(/\/properties\/12$/)
  // The requests already sent finish, and the roster shows them once they land.
  const sellers = page.getByRole('region', { name: /^Sellers/ })
  const buyers = page.getByRole('region', { name: /^Buyers/ })
  await expect(sellers).toContainText('Jordan Smith', { timeout: 10_000 })
  await expect(buyers).toContainText('Emily Smith', { timeout: 10_000 })
  await expect(sellers.getByRole('listitem').filter({ hasText: 'Jordan Smith' })).toHaveCount(1)
})

test('a link changed by someone else after the review is not written over; Review again plans anew', async ({
  page,
}) => {
  // Property 1: Nancy Thompson is a Seller, Patrick Garcia a Buyer; Jordan Smith is not on it.
  await openSetup(page, 1)
  await startWithGenericRows(page)
  await pick(page, 'Seller 1', 'Nancy Thompson', 'Nancy Thompson')
  await pick(page, 'Buyer 1', 'Jordan Smith', 'Jordan Smith')
  await page.getByRole('button', { name: 'Remove Agent 2' }).click()
  await page.getByRole('button', { name: 'Remove Agent 1' }).click()
  await page.getByRole('button', { name: 'Add another party' }).click()
  await pick(page, 'Party 1', 'Patrick Garcia', 'Patrick Garcia')
  await page
    .getByRole('group', { name: 'Party 1' })
    .getByRole('combobox', { name: 'Role' })
    .selectOption('Attorney')
  // The only Attorney, so it starts primary: this setup has it not.
  await page
    .getByRole('group', { name: 'Party 1' })
    .getByRole('checkbox', { name: 'Primary' })
    .uncheck()
  await page.getByRole('button', { name: 'Review plan' }).click()
  const plan = page.getByRole('table', { name: 'What the setup will do' })
  await expect(plan.getByRole('row', { name: /Patrick Garcia/ })).toContainText(
    'Update (now Buyer)',
  )

  // Meanwhile a colleague, elsewhere, makes Patrick Garcia a Seller.
  const colleague = await page.request.put(`${LINK_API}/2`, { data: { role: 'Seller' } })
  expect(colleague.status()).toBe(200)

  await page.getByRole('button', { name: 'Apply 3 changes' }).click()
  await expect(page.getByRole('heading', { name: 'Setup applied' })).toBeVisible()
  await expect(
    page.getByRole('status').filter({ hasText: '2 of 3 done, 1 changed since review.' }),
  ).toBeVisible()
  const changed = page.getByRole('alert').filter({ hasText: 'not written' })
  await expect(changed.getByRole('listitem')).toHaveText(
    'Patrick Garcia — changed since review: role Buyer → Seller; not written',
  )
  const progress = page.getByRole('table', { name: 'Progress of the transaction setup' })
  await expect(progress.getByRole('row', { name: /Patrick Garcia/ })).toContainText(
    'Changed since review: role Buyer → Seller; not written',
  )
  await expectNoA11yViolations(page, 'setup with a change since review')
  // The colleague's change is intact.
  expect(await (await page.request.get(`${LINK_API}/2`)).json()).toMatchObject({
    role: 'Seller',
  })

  await changed.getByRole('button', { name: 'Review again' }).click()
  await expect(page.getByRole('heading', { name: 'Review the plan' })).toBeFocused()
  await expect(
    page.getByText('0 to link, 1 to update, 2 already in place. Nobody is unlinked.'),
  ).toBeVisible()
  await expect(plan.getByRole('row', { name: /Patrick Garcia/ })).toContainText(
    'Update (now Seller)',
  )
  await expectNoA11yViolations(page, 'plan reviewed again')
  await page.getByRole('button', { name: 'Apply 1 change' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^All 3 done\.$/ })).toBeVisible()
  expect(await (await page.request.get(`${LINK_API}/2`)).json()).toMatchObject({
    role: 'Attorney',
    primary: false,
  })
})

test('a reload keeps the unsent setup: Restore puts it back', async ({ page }) => {
  await openSetup(page, 12)
  await startWithGenericRows(page)
  await pick(page, 'Seller 1', 'Jordan Smith', 'Jordan Smith')
  await page.getByRole('button', { name: 'Add another party' }).click()
  await pick(page, 'Party 1', 'Nancy Thompson', 'Nancy Thompson')
  await page
    .getByRole('group', { name: 'Party 1' })
    .getByRole('combobox', { name: 'Role' })
    .selectOption('Inspector')

  // The browser asks before the reload; the user goes ahead.
  page.on('dialog', (dialog) => void dialog.accept())
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Set up transaction' })).toBeVisible()
  const offer = page.getByRole('region', { name: 'Unsaved setup' })
  await expect(offer).toContainText(/^Restore your unsaved setup from \d{2}:\d{2}\?/)
  await expectNoA11yViolations(page, 'draft offer')
  await offer.getByRole('button', { name: 'Restore' }).click()
  await expect(offer).toBeHidden()

  const seller = page.getByRole('group', { name: 'Seller 1' })
  await expect(seller.getByRole('combobox', { name: 'Contact' })).toHaveValue('Jordan Smith')
  const party = page.getByRole('group', { name: 'Party 1' })
  await expect(party.getByRole('combobox', { name: 'Contact' })).toHaveValue('Nancy Thompson')
  await expect(party.getByRole('combobox', { name: 'Role' })).toHaveValue('Inspector')
  // The only Inspector: primary.
  await expect(party.getByRole('checkbox', { name: 'Primary' })).toBeChecked()
})
