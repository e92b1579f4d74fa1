// Signs in once, through the sign-in page, and keeps the browser's state for the live
// flows (the "live" project starts from it; e2e/sign-in.spec.ts starts signed out).
import { expect, test as setup } from '@playwright/test'
import { LIVE_ACCOUNT, LIVE_AUTH_FILE } from './fake-upstream'

setup('sign in for the live flows', async ({ page }) => {
  await page.goto('/sign-in')
  await page.getByRole('textbox', { name: 'Email' }).fill(LIVE_ACCOUNT.email)
  await page.getByLabel('Password').fill(LIVE_ACCOUNT.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Properties' })).toBeVisible()
  await page.context().storageState({ path: LIVE_AUTH_FILE })
})
