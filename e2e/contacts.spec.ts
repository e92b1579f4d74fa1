// Issue 15, "People who aren't contacts yet": create a contact where one is picked, with
// the duplicate check first, on the production build (server-rendered, then hydrated).
import type { Locator, Page } from '@playwright/test'
import { expectNoA11yViolations } from './a11y'
import { expect, test } from './fixtures'

// Seed facts: property 1 is "Elm Circle Ranch"; Jordan Smith is a contact not on it.
const PROPERTY = '/properties/1'

async function openLinkDialog(page: Page): Promise<Locator> {
  await page.goto(PROPERTY)
  await expect(page.getByRole('heading', { level: 1, name: 'Elm Circle Ranch' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: /^Contacts on this deal/ })).toHaveText(
    /\(\d+\)$/,
  )
  await page.getByRole('button', { name: 'Link contact' }).click()
  const dialog = page.getByRole('dialog', { name: 'Link a contact' })
  await expect(dialog).toBeVisible()
  return dialog
}

/** From the picker's text to the create form, with the keyboard only. */
async function chooseCreate(page: Page, dialog: Locator, text: string): Promise<Locator> {
  const picker = dialog.getByRole('combobox', { name: 'Contact' })
  await expect(picker).toBeFocused()
  await page.keyboard.type(text)
  const option = dialog.getByRole('option', { name: `Create contact “${text}”` })
  await expect(option).toBeVisible()
  await expect(async () => {
    await page.keyboard.press('ArrowDown')
    await expect(option).toHaveAttribute('data-focus', '', { timeout: 200 })
  }).toPass()
  await page.keyboard.press('Enter')
  const form = dialog.getByRole('group', { name: 'New contact' })
  await expect(form.getByRole('textbox', { name: 'First name' })).toBeFocused()
  return form
}

test('creates a contact from the picker and links them, from the keyboard', async ({ page }) => {
  const dialog = await openLinkDialog(page)
  const form = await chooseCreate(page, dialog, 'Zed Newman')
  await expect(form.getByRole('textbox', { name: 'Last name' })).toHaveValue('Newman')
  await form.getByRole('textbox', { name: /Email/ }).focus()
  await page.keyboard.type('zed@summit-lending.example')
  await expectNoA11yViolations(page, 'the create contact form in the link dialog')
  await page.keyboard.press('Enter')

  const picker = dialog.getByRole('combobox', { name: 'Contact' })
  await expect(picker).toHaveValue('Zed Newman')
  await expect(picker).toBeFocused()
  await expect(
    dialog.getByText('Created and selected: Zed Newman, zed@summit-lending.example'),
  ).toBeVisible()
  await dialog.getByRole('combobox', { name: 'Role' }).selectOption('Lender')
  await dialog.getByRole('button', { name: 'Link contact' }).press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('button', { name: 'Edit Zed Newman' })).toBeVisible()

  // Server-rendered with the new contact; once hydrated, their details can be fixed.
  await page.reload()
  const editContact = page.getByRole('button', { name: 'Edit contact Zed Newman' })
  await editContact.click()
  const edit = page.getByRole('dialog', { name: 'Edit contact Zed Newman' })
  await expect(edit).toBeVisible()
  await edit.getByRole('textbox', { name: /Phone/ }).fill('(602) 555-0199')
  await expectNoA11yViolations(page, 'the edit contact dialog')
  await edit.getByRole('button', { name: 'Save contact' }).click()
  await expect(edit).toBeHidden()
  await expect(page.getByRole('link', { name: /602.*555.*0199/ })).toBeVisible()
})

test('a duplicate email offers the existing contact instead of creating one', async ({
  page,
  request,
}) => {
  const found = await request.get('/api/v1/contacts?search=jordan%20smith')
  const [jordan] = (await found.json()) as { email: string | null }[]
  const email = jordan?.email
  if (!email) throw new Error('the seed has no email for Jordan Smith')

  const dialog = await openLinkDialog(page)
  const form = await chooseCreate(page, dialog, 'J. Smith')
  await form.getByRole('textbox', { name: /Email/ }).fill(` ${email.toUpperCase()} `)
  await form.getByRole('button', { name: 'Save contact' }).click()
  await expect(form.getByText('This may be someone already in your contacts:')).toBeFocused()
  await expect(form.getByRole('listitem')).toContainText(email)
  await expect(form.getByRole('button', { name: 'Create anyway' })).toBeVisible()
  await expectNoA11yViolations(page, 'the create form listing a likely duplicate')
  await form.getByRole('button', { name: 'Use this contact: Jordan Smith' }).press('Enter')

  const picker = dialog.getByRole('combobox', { name: 'Contact' })
  await expect(picker).toHaveValue('Jordan Smith')
  await expect(dialog.getByText(`Selected: Jordan Smith, ${email}`)).toBeVisible()
  const after = await request.get('/api/v1/contacts?search=jordan%20smith')
  expect(await after.json()).toHaveLength(1)
})
