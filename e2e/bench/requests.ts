// Requests: how many /api/v1 calls the property page makes to open, to search for a
// contact to link, and to save an edit. Counted from Playwright's request events.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { newPage, recordApiCalls, waitForApiQuiet, type ApiCall } from './browser'
import type { Figure } from './figure'
import { gzipSize } from './initial-js'
import type { MockServer } from './mock-server'

const describe = (calls: readonly ApiCall[]) =>
  calls.length === 0
    ? 'none'
    : calls
        .map(
          (call) =>
            `${call.method} ${call.path}${call.search.size ? `?${call.search.toString()}` : ''}`,
        )
        .join(', ')

export async function openRoster(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.getByRole('heading', { level: 2, name: /^Contacts on this deal \(\d+\)$/ }).waitFor()
}

async function openingThePage(browser: Browser, server: MockServer, dist: string) {
  await server.reset()
  const page = await newPage(browser)
  const api = recordApiCalls(page)
  const scripts: string[] = []
  page.on('response', (response) => {
    const { pathname } = new URL(response.url())
    if (pathname.endsWith('.js')) scripts.push(pathname)
  })
  await openRoster(page, `${server.origin}/properties/1`)
  await waitForApiQuiet(api)
  const opening = [...api.calls]
  const jsGzip = scripts.reduce(
    (total, path) => total + gzipSize(readFileSync(join(dist, path))),
    0,
  )
  const figures: Figure[] = [
    {
      name: 'Open /properties/1: API requests',
      value: opening.length,
      unit: 'count',
      budget: { op: '<=', limit: 2 },
      note: `from the browser: ${describe(opening)}${opening.length === 0 ? ' (the page came rendered from the server, which read the property and its roster: 2 reads, and sent their data with it)' : ''}`,
    },
    {
      name: 'Open /properties/1: JS fetched, gzip -9',
      value: jsGzip,
      unit: 'bytes',
      note: `what the browser fetched before any interaction: ${scripts.join(', ')}`,
    },
  ]

  // Link contact → type "smi" into the Contact combobox as a person would.
  await page.getByRole('button', { name: 'Link contact' }).click()
  const dialog = page.getByRole('dialog', { name: 'Link a contact' })
  const contact = dialog.getByRole('combobox', { name: 'Contact' })
  await contact.click()
  await waitForApiQuiet(api)
  const before = api.calls.length
  await page.keyboard.type('smi', { delay: 80 })
  await dialog.getByRole('option').first().waitFor()
  await waitForApiQuiet(api)
  const searches = api.calls
    .slice(before)
    .filter((call) => call.path === '/contacts' && call.search.has('search'))
  figures.push({
    name: 'Type "smi" in Contact: searches',
    value: searches.length,
    unit: 'count',
    budget: { op: '<=', limit: 1 },
    note: `80 ms between keys; ${describe(api.calls.slice(before))}`,
  })
  await page.context().close()
  return figures
}

async function savingAnEdit(browser: Browser, server: MockServer): Promise<Figure[]> {
  await server.reset()
  const page = await newPage(browser)
  const api = recordApiCalls(page)
  await openRoster(page, `${server.origin}/properties/1`)
  await waitForApiQuiet(api)
  const before = api.calls.length
  await page.getByRole('button', { name: 'Edit Patrick Garcia' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit Patrick Garcia' })
  await dialog.getByRole('heading', { name: 'Edit Patrick Garcia' }).waitFor()
  await dialog.getByRole('checkbox', { name: 'Primary contact for this role' }).check()
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await page.getByRole('status').filter({ hasText: 'Saved changes to Patrick Garcia.' }).waitFor()
  await waitForApiQuiet(api)
  await page.context().close()

  const calls = api.calls.slice(before)
  const writes = calls.filter((call) => call.method !== 'GET')
  const rosterReads = calls.filter(
    (call) => call.method === 'GET' && call.path === '/properties/1/contacts',
  )
  const others = calls.filter((call) => !writes.includes(call) && !rosterReads.includes(call))
  return [
    {
      name: 'Edit (make Patrick Garcia primary): writes',
      value: writes.length,
      unit: 'count',
      budget: { op: '=', limit: 1 },
      note: describe(writes),
    },
    {
      name: 'Edit: roster refetches',
      value: rosterReads.length,
      unit: 'count',
      budget: { op: '<=', limit: 1 },
      note: describe(rosterReads),
    },
    {
      name: 'Edit: other API requests',
      value: others.length,
      unit: 'count',
      budget: { op: '<=', limit: 0 },
      note: describe(others),
    },
  ]
}

export async function measureRequests(
  browser: Browser,
  server: MockServer,
  dist: string,
): Promise<Figure[]> {
  return [
    ...(await openingThePage(browser, server, dist)),
    ...(await savingAnEdit(browser, server)),
  ]
}
