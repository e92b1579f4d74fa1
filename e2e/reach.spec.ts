import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expectNoA11yViolations } from './a11y'
import { expect, test } from './fixtures'

// Seed facts: property 2 is "3204 Fairview St Purchase" with 12 links.
const PROPERTY = '/properties/2'
const FILE_NAME = /^roster-3204-fairview-st-purchase-\d{4}-\d{2}-\d{2}\.(csv|vcf)$/

/** Opens the server-rendered page and waits until it is hydrated (Copy answers). */
async function openRoster(page: Page, path = PROPERTY): Promise<void> {
  await page.goto(path)
  await expect(page.getByRole('group', { name: /^Reach / })).toBeVisible()
  // A click before hydration does nothing: wait until React has attached its handlers.
  await page.waitForFunction(() =>
    Object.keys(document.querySelector('.reach-toolbar button') ?? {}).some((key) =>
      key.startsWith('__reactProps'),
    ),
  )
}

/** The names on the roster, as its entries' Copy buttons name them. */
async function namesOnScreen(page: Page): Promise<string[]> {
  const buttons = await page.getByRole('button', { name: /^Copy the details of / }).all()
  const labels = await Promise.all(buttons.map((button) => button.getAttribute('aria-label')))
  return labels.map((label) => (label ?? '').replace('Copy the details of ', ''))
}

/** A small RFC 4180 reader, for checking the file (not the code that wrote it). */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i)
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      record.push(cell)
      cell = ''
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(cell)
      records.push(record)
      record = []
      cell = ''
      i++
    } else cell += char
  }
  return records
}

test('Export CSV downloads the roster on screen; filtered, the contacts shown; vCard too', async ({
  page,
}) => {
  await openRoster(page)
  const names = await namesOnScreen(page)
  expect(names).toHaveLength(12)

  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(FILE_NAME)
  const text = await readFile(await download.path(), 'utf8')
  expect(text.startsWith('\uFEFF')).toBe(true)
  const [header, ...rows] = parseCsv(text.slice(1))
  expect(header).toEqual([
    'Role',
    'Primary',
    'Name',
    'Company',
    'Email',
    'Phone',
    'Start date',
    'Notes',
  ])
  // The same people in the same order as on screen.
  expect(rows.map((row) => row[2])).toEqual(names)
  await expect(page.getByRole('status')).toContainText(/Saved roster-.*\.csv \(12 contacts\)\./)

  // Filtered: what is shown.
  await page.getByRole('combobox', { name: 'Show role' }).selectOption({ index: 1 })
  await expect(page.getByText(/^Showing \d+ of 12 contacts\./)).toBeVisible()
  const shown = await namesOnScreen(page)
  const toolbar = page.getByRole('group', { name: `Reach the ${shown.length} contacts shown` })
  await expect(toolbar).toBeVisible()
  const filtered = page.waitForEvent('download')
  await toolbar.getByRole('button', { name: 'Export CSV' }).click()
  const filteredRows = parseCsv((await readFile(await (await filtered).path(), 'utf8')).slice(1))
  expect(filteredRows.slice(1).map((row) => row[2])).toEqual(shown)

  const cards = page.waitForEvent('download')
  await toolbar.getByRole('button', { name: 'Export vCard' }).click()
  const vcf = await cards
  expect(vcf.suggestedFilename()).toMatch(FILE_NAME)
  const vcards = await readFile(await vcf.path(), 'utf8')
  expect(vcards.match(/^BEGIN:VCARD\r$/gm)).toHaveLength(shown.length)
  expect(vcards).toContain('VERSION:4.0\r\n')
})

test('Copy emails puts the emails on the clipboard; Copy on an entry its details (keyboard)', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await openRoster(page)
  const emails = await page
    .getByRole('link', { name: /@/ })
    .evaluateAll((links) => links.map((link) => link.textContent))

  const copy = page.getByRole('button', { name: 'Copy emails' })
  await copy.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status')).toContainText(
    /^Copied \d+ email addresses to the clipboard\./,
  )
  const copied = (await page.evaluate(() => navigator.clipboard.readText())).split('\n')
  expect(copied).toHaveLength(new Set(emails).size)
  for (const email of emails) expect(copied.some((line) => line.endsWith(`<${email}>`))).toBe(true)

  const [first] = await namesOnScreen(page)
  await page.getByRole('button', { name: `Copy the details of ${first}` }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status')).toContainText(`Copied the details of ${first}`)
  expect((await page.evaluate(() => navigator.clipboard.readText())).split('\n')[0]).toBe(first)
})

test('Email everyone opens a mailto: in To or Bcc, and passes axe', async ({ page }) => {
  await openRoster(page)
  const email = page.getByRole('button', { name: 'Email everyone' })
  await email.focus()
  await page.keyboard.press('Enter')
  await expect(email).toHaveAttribute('aria-expanded', 'true')
  const panel = page.getByRole('region', { name: 'Email the contacts' })
  const open = panel.getByRole('link', { name: /^Open email to \d+ addresses$/ })
  await expect(open).toHaveAttribute('href', /^mailto:[^?]+@/)
  await panel.getByRole('radio', { name: /^Bcc/ }).check()
  await expect(open).toHaveAttribute('href', /^mailto:\?bcc=[^&]+@/)
  await expectNoA11yViolations(page, 'the roster with the email panel open')
})

test('printing shows the contact sheet: every contact, no controls, one page', async ({ page }) => {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  // A folded group: on paper it is there in full.
  await openRoster(page, `${PROPERTY}?fold=buyer`)
  const names = await page.getByRole('button', { name: /^Copy the details of / }).count()
  expect(names).toBeLessThan(12)
  // The sheet's code loads once the page has settled.
  await page.waitForLoadState('networkidle')

  await page.emulateMedia({ media: 'print' })
  const sheet = page.locator('.contact-sheet')
  await expect(sheet).toBeVisible()
  await expect(sheet.getByRole('row')).toHaveCount(1 + 12 + (await sheet.locator('tbody').count()))
  await expect(sheet).toContainText('3204 Fairview St Purchase')
  await expect(sheet).toContainText('3204 Fairview St, Boulder, CO 80311')
  await expect(sheet).toContainText('No closing date on file')
  await expect(sheet.getByRole('rowheader', { name: 'Buyers' })).toBeVisible()
  await expect(
    page.locator('button:visible, input:visible, select:visible, .button:visible'),
  ).toHaveCount(0)
  // Roles count what is shown: no navigation, and the page's own header gives way to the sheet.
  await expect(page.getByRole('navigation')).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden()

  const pdf = (
    await page.pdf({ format: 'Letter', path: test.info().outputPath('sheet.pdf') })
  ).toString('latin1')
  expect(pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g)).toHaveLength(1)

  await page.emulateMedia({ media: 'screen' })
  await expect(sheet).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Print contact sheet' })).toBeVisible()
  expect(errors.filter((text) => /hydrat/i.test(text))).toEqual([])
})

test('Print contact sheet opens the browser’s print with the sheet in the page', async ({
  page,
}) => {
  await openRoster(page)
  await page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printed = String(
        document.querySelectorAll('.contact-sheet tbody tr').length,
      )
    }
  })
  await page.getByRole('button', { name: 'Print contact sheet' }).click()
  // 12 contacts and a heading row per role.
  await expect(page.locator('body')).toHaveAttribute('data-printed', /^(1[3-9]|2\d)$/)
})
