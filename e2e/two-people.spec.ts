import type { Page } from '@playwright/test'
import { expectNoA11yViolations } from './a11y'
import { expect, test } from './fixtures'

// Two people, one roster. Seed facts: property 1 ("Elm Circle Ranch") has Patrick
// Garcia (contact 2) as the other Buyer and Nancy Thompson (242) as the other Seller.
const PROPERTY = '/properties/1'
const PATRICK = '/api/v1/properties/1/contacts/2'
const NANCY = '/api/v1/properties/1/contacts/242'

async function openProperty(page: Page): Promise<void> {
  await page.goto(PROPERTY)
  await expect(page.getByRole('heading', { level: 1, name: 'Elm Circle Ranch' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Edit Patrick Garcia' })).toBeVisible()
}

test('a colleague’s edit is not overwritten: the conflict is shown, and theirs can be kept', async ({
  browser,
  baseURL,
}) => {
  const dana = await browser.newContext({ baseURL })
  const rosa = await browser.newContext({ baseURL })
  const danaPage = await dana.newPage()
  const rosaPage = await rosa.newPage()
  await openProperty(danaPage)
  await openProperty(rosaPage)

  // Dana starts editing Patrick…
  await danaPage.getByRole('button', { name: 'Edit Patrick Garcia' }).click()
  const danaDialog = danaPage.getByRole('dialog', { name: 'Edit Patrick Garcia' })
  await danaDialog.getByRole('checkbox', { name: 'Primary contact for this role' }).check()
  await danaDialog.getByRole('textbox', { name: /Notes/ }).fill('Pre-approved with Chase')

  // …while Rosa moves him to Seller and saves.
  await rosaPage.getByRole('button', { name: 'Edit Patrick Garcia' }).click()
  const rosaDialog = rosaPage.getByRole('dialog', { name: 'Edit Patrick Garcia' })
  await rosaDialog.getByRole('combobox', { name: 'Role' }).selectOption('Seller')
  await rosaDialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(
    rosaPage.getByRole('status').filter({ hasText: 'Saved changes to Patrick Garcia.' }),
  ).toBeVisible()

  // Dana saves: nothing is written, the dialog says what changed and keeps her input.
  await danaDialog.getByRole('button', { name: 'Save changes' }).click()
  const conflict = danaDialog.getByRole('alert')
  await expect(conflict).toContainText(
    "Someone else changed Patrick Garcia's entry while you were editing: role Buyer → Seller.",
  )
  await expect(danaDialog.getByRole('textbox', { name: /Notes/ })).toHaveValue(
    'Pre-approved with Chase',
  )
  const onServer: unknown = await (await danaPage.request.get(PATRICK)).json()
  expect(onServer).toMatchObject({ role: 'Seller', primary: false, notes: null })
  await expectNoA11yViolations(danaPage, 'the edit dialog showing a conflict')

  await conflict.getByRole('button', { name: 'Keep theirs' }).click()
  await expect(danaDialog).toBeHidden()
  const sellers = danaPage.getByRole('region', { name: /^Sellers \(\d+\)$/ })
  await expect(sellers.getByText('Patrick Garcia')).toBeVisible()
  expect(await (await danaPage.request.get(PATRICK)).json()).toMatchObject({
    role: 'Seller',
    notes: null,
  })
  await dana.close()
  await rosa.close()
})

test('Save mine anyway writes the user’s own fields over a colleague’s version', async ({
  page,
}) => {
  await openProperty(page)
  await page.getByRole('button', { name: 'Edit Patrick Garcia' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit Patrick Garcia' })
  await dialog.getByRole('textbox', { name: /Notes/ }).fill('Prefers text messages')
  // A colleague, through the API itself.
  const put = await page.request.put(PATRICK, { data: { start_date: '2026-12-20' } })
  expect(put.status()).toBe(200)

  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(dialog.getByRole('alert')).toContainText('start date empty → “2026-12-20”')
  await dialog.getByRole('button', { name: 'Save mine anyway' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved changes to Patrick Garcia.' }),
  ).toBeVisible()
  expect(await (await page.request.get(PATRICK)).json()).toMatchObject({
    start_date: '2026-12-20',
    notes: 'Prefers text messages',
  })
})

test('a tab sees another tab’s unlink within a second, and an open dialog says so', async ({
  context,
}) => {
  const first = await context.newPage()
  const second = await context.newPage()
  await openProperty(first)
  await openProperty(second)
  // The first tab has Nancy's Edit dialog open.
  await first.getByRole('button', { name: 'Edit Nancy Thompson' }).click()
  const dialog = first.getByRole('dialog', { name: 'Edit Nancy Thompson' })
  await dialog.getByRole('textbox', { name: /Notes/ }).fill('Lockbox 4471')

  await second.getByRole('button', { name: 'Unlink Nancy Thompson' }).click()
  await second
    .getByRole('dialog', { name: 'Unlink Nancy Thompson?' })
    .getByRole('button', { name: 'Unlink', exact: true })
    .click()
  await expect(
    second.getByRole('status').filter({ hasText: 'Unlinked Nancy Thompson (Seller).' }),
  ).toBeVisible()

  // Without a reload, and well before any periodic check.
  await expect(dialog.getByRole('alert')).toContainText(
    'Nancy Thompson was removed from this deal meanwhile',
    { timeout: 1_000 },
  )
  await expect(dialog.getByRole('textbox', { name: /Notes/ })).toHaveValue('Lockbox 4471')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(first.getByRole('button', { name: 'Edit Nancy Thompson' })).toHaveCount(0)
  await expect(
    first.getByText(/^Updated just now \(.+\): Nancy Thompson was removed\.$/),
  ).toBeVisible()
  expect((await first.request.get(NANCY)).status()).toBe(404)
})

test('offline: Save is not sent and not lost, and works once the network is back', async ({
  page,
  context,
}) => {
  await openProperty(page)
  await page.getByRole('button', { name: 'Edit Patrick Garcia' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit Patrick Garcia' })
  await dialog.getByRole('textbox', { name: /Notes/ }).fill('Wire instructions sent')
  const writes: string[] = []
  page.on('request', (request) => {
    if (request.method() !== 'GET') writes.push(`${request.method()} ${request.url()}`)
  })

  await context.setOffline(true)
  await expect(
    page.getByText("You're offline. Changes can't be saved; nothing you typed is lost."),
  ).toBeAttached()
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(dialog.getByRole('alert')).toContainText("You're offline, so nothing was sent.")
  await expect(dialog.getByRole('textbox', { name: /Notes/ })).toHaveValue('Wire instructions sent')
  expect(writes).toEqual([])
  await expectNoA11yViolations(page, 'the edit dialog, offline')

  await context.setOffline(false)
  await expect(page.getByText(/^You're offline\./)).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved changes to Patrick Garcia.' }),
  ).toBeVisible()
  expect(await (await page.request.get(PATRICK)).json()).toMatchObject({
    notes: 'Wire instructions sent',
  })
})

test('offline, the roster on screen says how old it is', async ({ page, context }) => {
  await openProperty(page)
  await context.setOffline(true)
  await expect(
    page.getByText(/^Showing the roster as of .+: it is read again once the connection is back\.$/),
  ).toBeVisible()
  await expectNoA11yViolations(page, 'the property page, offline')
  await context.setOffline(false)
  await expect(page.getByText(/^Showing the roster as of/)).toHaveCount(0)
})
