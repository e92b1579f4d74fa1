// Issue 18 on the production server (project "live"): two coordinators signed in to
// one Roster, in front of the (fake) Open To Close API. Each change is in the
// property's Activity under the name of whoever made it; a revert from there is a
// change of its own; signing out ends the session.
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test'
import { expectNoA11yViolations } from './a11y'
import { LIVE_ACCOUNT, LIVE_SECOND_ACCOUNT } from './fake-upstream'

// Property 2 is one the other live flows leave alone; the Activity shows all of its
// changes made during this run, so the assertions look at the newest entries.
const PROPERTY = '/properties/2'

type Account = typeof LIVE_ACCOUNT

async function signedIn(browser: Browser, account: Account): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } })
  const page = await context.newPage()
  await page.goto(PROPERTY)
  await expect(page).toHaveURL(/\/sign-in\?next=/)
  await page.getByRole('textbox', { name: 'Email' }).fill(account.email)
  await page.getByLabel('Password').fill(account.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(new RegExp(`${PROPERTY}$`))
  await expect(page.getByText(`Signed in as ${account.name}`)).toBeVisible()
  return page
}

function changes(page: Page): Locator {
  return page.getByRole('list', { name: 'Changes, newest first' }).getByRole('listitem')
}

/** Edits the first entry's notes; returns the contact's name. */
async function editFirstNotes(page: Page, notes: string): Promise<string> {
  const edit = page.getByRole('button', { name: /^Edit (?!contact )/ }).first()
  const label = (await edit.getAttribute('aria-label')) ?? (await edit.textContent()) ?? ''
  const name = label.replace(/^Edit /, '')
  await edit.click()
  const dialog = page.getByRole('dialog', { name: label })
  await dialog.getByRole('textbox', { name: 'Notes (optional)' }).fill(notes)
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText(notes)).toBeVisible()
  return name
}

async function openActivity(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Activity', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible()
}

test('two coordinators: each change under its author, a revert recorded in turn, sign-out', async ({
  browser,
}) => {
  const dana = await signedIn(browser, LIVE_ACCOUNT)
  const name = await editFirstNotes(dana, 'Lender wants the appraisal by Friday.')
  await openActivity(dana)
  const newest = changes(dana).first()
  await expect(newest).toContainText(`${LIVE_ACCOUNT.name} changed ${name}’s entry`)
  await expectNoA11yViolations(dana, 'the Activity view on the production server')

  // Dana reverts her own change: the notes are what they were, and that is recorded too.
  await newest.getByRole('button', { name: 'Revert' }).click()
  await newest.getByRole('group').getByRole('button', { name: 'Revert change' }).click()
  await expect(changes(dana).first()).toContainText('reverting an earlier change')
  await expect(changes(dana).nth(1)).toContainText(`reverted by ${LIVE_ACCOUNT.name}`)
  await dana.getByRole('link', { name: 'Back to the roster' }).click()
  await expect(dana.getByText('Lender wants the appraisal by Friday.')).toHaveCount(0)

  // A second person, signed in on their own, changes the same roster.
  const sam = await signedIn(browser, LIVE_SECOND_ACCOUNT)
  await editFirstNotes(sam, 'Title commitment received.')
  await openActivity(sam)
  await expect(changes(sam).first()).toContainText(
    `${LIVE_SECOND_ACCOUNT.name} changed ${name}’s entry`,
  )
  await expect(changes(sam).nth(1)).toContainText(LIVE_ACCOUNT.name)
  await expect(sam.getByRole('combobox', { name: 'Person' })).toContainText(LIVE_ACCOUNT.name)
  await expect(sam.getByRole('combobox', { name: 'Person' })).toContainText(
    LIVE_SECOND_ACCOUNT.name,
  )

  // Dana signs out: her session ends on the server, and the API refuses it.
  await dana.getByRole('button', { name: 'Sign out' }).click()
  await expect(dana).toHaveURL(/\/sign-in/)
  const api = await dana.request.get('/api/v1/properties/2/contacts')
  expect(api.status()).toBe(401)
  await dana.goto(PROPERTY)
  await expect(dana).toHaveURL(/\/sign-in\?next=/)
  // Sam is still signed in.
  await sam.reload()
  await expect(sam.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible()
})
