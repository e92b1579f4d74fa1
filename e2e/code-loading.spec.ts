// What loads apart (the roster's dialogs, the lazy pages) when its code cannot be
// fetched: the page says so and stays as it was, and the next try fetches the code again
// (src/lib/use-open-when-loaded.ts). On the production build, by role and label.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const PROPERTY = '/properties/1'
const TITLE = 'Elm Circle Ranch'

/** Refuses the build's file whose name starts with `chunk`, until `allow()`. */
async function refuseChunk(page: Page, chunk: string) {
  let refused = 0
  const pattern = new RegExp(`/assets/${chunk}-[\\w-]+\\.js$`)
  await page.route(pattern, (route) => {
    refused++
    return route.abort('internetdisconnected')
  })
  return {
    refused: () => refused,
    allow: () => page.unroute(pattern),
  }
}

async function openProperty(page: Page) {
  await page.goto(PROPERTY)
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  await expect(
    page.getByRole('heading', { level: 2, name: /^Contacts on this deal \(\d+\)$/ }),
  ).toBeVisible()
}

test('a dialog whose code cannot load says so, keeps the page, and opens on the next try', async ({
  page,
}) => {
  const chunk = await refuseChunk(page, 'roster-dialogs')
  await openProperty(page)
  const edit = page.getByRole('button', { name: 'Edit Patrick Garcia' })
  await edit.click()

  await expect(page.getByRole('alert')).toHaveText(
    /Could not open the dialog: part of Roster did not load\. Check the connection, then try again\./,
  )
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  expect(chunk.refused()).toBeGreaterThan(0)

  // The connection is back: the same button opens the dialog, and the old error goes.
  await chunk.allow()
  await edit.click()
  const dialog = page.getByRole('dialog', { name: 'Edit Patrick Garcia' })
  await expect(dialog).toBeVisible()
  await expect(page.getByRole('alert')).toHaveText('')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(edit).toBeFocused()
})

test('a page whose code cannot load says so, stays where it was, and opens on the next try', async ({
  page,
}) => {
  const chunk = await refuseChunk(page, 'transaction-setup-page')
  await openProperty(page)
  const setUp = page.getByRole('link', { name: 'Set up transaction' })
  await setUp.click()

  await expect(page.getByRole('alert')).toHaveText(
    /Could not open the page: part of Roster did not load\. Check the connection, then try again\./,
  )
  await expect(page).toHaveURL(PROPERTY)
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()

  await chunk.allow()
  await setUp.click()
  await expect(page.getByRole('heading', { level: 1, name: 'Set up transaction' })).toBeVisible()
  await expect(page).toHaveURL(`${PROPERTY}/setup`)
})
