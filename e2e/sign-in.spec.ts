// Signing in and out of the production server (project "live"), starting signed out.
import { expect, test, type Page } from '@playwright/test'
import { expectNoA11yViolations } from './a11y'
import { LIVE_ACCOUNT } from './fake-upstream'

test.use({ storageState: { cookies: [], origins: [] } })

async function fillSignIn(page: Page, password = LIVE_ACCOUNT.password): Promise<void> {
  await page.getByRole('textbox', { name: 'Email' }).fill(LIVE_ACCOUNT.email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

test('a page asks for sign-in first, and signing in lands on it', async ({ page }) => {
  await page.goto('/properties/1')
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fproperties%2F1$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Roster' })).toBeVisible()

  await fillSignIn(page, 'not the password at all')
  const alert = page.getByRole('alert')
  await expect(alert).toHaveText('That email and password do not match an account here.')
  await expect(page.getByRole('textbox', { name: 'Email' })).toHaveAccessibleDescription(
    'That email and password do not match an account here.',
  )
  await expect(page.getByRole('textbox', { name: 'Email' })).toHaveValue(LIVE_ACCOUNT.email)

  await fillSignIn(page)
  await expect(page).toHaveURL(/\/properties\/1$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Elm Circle Ranch' })).toBeVisible()
  await expect(page.getByText(`Signed in as ${LIVE_ACCOUNT.name}`)).toBeVisible()
  const cookies = await page.context().cookies()
  const session = cookies.find((cookie) => cookie.name === 'roster-session')
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
  // Script sees who is signed in (for the header), never the session id.
  const readable = await page.evaluate(() => document.cookie)
  expect(readable).toMatch(/^roster-who=/)
  expect(readable).not.toContain(session?.value ?? 'no session')
})

test('the API answers 401 without a session', async ({ request }) => {
  const response = await request.get('/api/v1/properties/1')
  expect(response.status()).toBe(401)
  expect(await response.json()).toEqual({ message: 'Sign in to use Roster.' })
})

test('signing out ends the session, on the server too', async ({ page, playwright, baseURL }) => {
  await page.goto('/sign-in')
  await fillSignIn(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Properties' })).toBeVisible()
  const session = (await page.context().cookies()).find((c) => c.name === 'roster-session')
  expect(session).toBeDefined()

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/sign-in\?signed-out=1$/)
  await expect(page.getByRole('status')).toHaveText('You are signed out.')
  expect(await page.context().cookies()).toEqual([])
  await page.goto('/')
  await expect(page).toHaveURL(/\/sign-in\?next=%2F$/)

  // The old cookie, kept by someone and sent anyway, opens nothing.
  const replay = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: `${session?.name ?? ''}=${session?.value ?? ''}` },
  })
  expect((await replay.get('/api/v1/properties/1')).status()).toBe(401)
  await replay.dispose()
})

test('the sign-in page passes axe, with and without an error', async ({ page }) => {
  await page.goto('/sign-in')
  await expectNoA11yViolations(page, 'sign-in page')
  await fillSignIn(page, 'not the password at all')
  await expect(page.getByRole('alert')).toBeVisible()
  await expectNoA11yViolations(page, 'sign-in page with an error')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('signing in still works', async ({ page }) => {
    await page.goto('/properties/1')
    await fillSignIn(page)
    await expect(page).toHaveURL(/\/properties\/1$/)
    // The property page comes rendered from the server.
    await expect(page.getByRole('heading', { level: 1, name: 'Elm Circle Ranch' })).toBeVisible()
    await page.goto('/sign-in')
    await expect(page).toHaveURL(/\/$/)
  })
})
