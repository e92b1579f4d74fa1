// Live mode as deployed: the production build behind src/server/production.ts, which
// proxies /api/v1 to a fake Open To Close API that refuses any request without the
// token (see e2e/fake-upstream.ts). The browser must work, and must never see the token.
// The flows start signed in (e2e/live.setup.ts); signing in itself is e2e/sign-in.spec.ts.
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test, type Page } from '@playwright/test'
import { secretForms } from '../src/server/redact'
import { contentSecurityPolicyWithStyles } from '../src/server/security-headers'
import { LIVE_TOKEN, UPSTREAM_ORIGIN } from './fake-upstream'

const TOKEN_FORMS = secretForms(LIVE_TOKEN)
const DIST = fileURLToPath(new URL('../dist', import.meta.url))

/** The token in any of its written forms, or undefined. */
function tokenIn(text: string): string | undefined {
  return TOKEN_FORMS.find((form) => text.includes(form))
}

interface Violation {
  directive: string
  blocked: string
  sample: string
}

interface Traffic {
  /** One entry per request and per response: URL, headers and body. */
  seen: string[]
  /** Waits for the bodies still being read. */
  settle: () => Promise<void>
}

/** Records everything the browser sends and receives. */
function recordTraffic(page: Page): Traffic {
  const seen: string[] = []
  const reading: Promise<void>[] = []
  page.on('request', (request) => {
    reading.push(
      request.allHeaders().then((headers) => {
        seen.push(
          `→ ${request.method()} ${request.url()}\n${JSON.stringify(headers)}\n${request.postData() ?? ''}`,
        )
      }),
    )
  })
  page.on('response', (response) => {
    reading.push(
      (async () => {
        const headers = await response.allHeaders()
        // Redirects and aborted loads have no body to read.
        const body = await response.text().catch(() => '')
        seen.push(`← ${response.status()} ${response.url()}\n${JSON.stringify(headers)}\n${body}`)
      })(),
    )
  })
  return {
    seen,
    settle: async () => {
      await Promise.all(reading)
    },
  }
}

/**
 * Collects every CSP violation the page reports, from its first script on and across
 * navigations: the listener reports through a binding, which outlives each document.
 */
async function watchCsp(page: Page): Promise<() => Promise<Violation[]>> {
  const found: Violation[] = []
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) {
      found.push({ directive: 'console', blocked: '', sample: message.text() })
    }
  })
  await page.exposeFunction('__rosterCspViolation', (violation: Violation) => {
    found.push(violation)
  })
  await page.addInitScript(() => {
    const report = (window as unknown as { __rosterCspViolation: (v: Violation) => unknown })
      .__rosterCspViolation
    document.addEventListener('securitypolicyviolation', (event) => {
      void report({
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      })
    })
  })
  return async () => {
    // Reports are events, then binding calls: give the last ones a moment to land.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)))
    return found
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  )
}

test.beforeEach(async ({ request }) => {
  const reset = await request.post(`${UPSTREAM_ORIGIN}/__mock/reset`)
  expect(reset.status()).toBe(204)
})

test('the fake live API demands the token, and the proxy supplies it', async ({ request }) => {
  expect((await request.get(`${UPSTREAM_ORIGIN}/api/v1/properties/1`)).status()).toBe(401)
  const proxied = await request.get('/api/v1/properties/1?api_token=not-the-token')
  expect(proxied.status()).toBe(200)
  expect(await proxied.json()).toMatchObject({ id: 1, title: 'Elm Circle Ranch' })
  expect((await request.get('/api/v1/agents')).status()).toBe(404)
})

test('the property page comes rendered from the live API, with no token in it', async ({
  request,
}) => {
  const response = await request.get('/properties/1')
  expect(response.headers()['cache-control']).toBe('no-store')
  const html = await response.text()
  expect(html).toContain('<title>Elm Circle Ranch · Roster</title>')
  expect(html).toContain('<h1>Elm Circle Ranch</h1>')
  expect(html).toContain('id="roster-page-data"')
  expect(tokenIn(html)).toBeUndefined()
})

test('browse and link a contact in live mode without the token reaching the browser', async ({
  page,
  context,
}) => {
  const traffic = recordTraffic(page)
  const cspViolations = await watchCsp(page)

  const list = await page.goto('/')
  // The strict policy, with the one stylesheet the page carries inline allowed by its hash.
  const stylesheets = filesUnder(DIST).filter((file) => file.endsWith('.css'))
  expect(stylesheets).toHaveLength(1)
  const hash = createHash('sha256')
    .update(readFileSync(stylesheets[0] ?? ''))
    .digest('base64')
  expect(list?.headers()['content-security-policy']).toBe(
    contentSecurityPolicyWithStyles([`sha256-${hash}`]),
  )
  await expect(page.getByRole('heading', { level: 1, name: 'Properties' })).toBeVisible()
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(21)

  await page.getByRole('link', { name: 'Elm Circle Ranch' }).click()
  await expect(page).toHaveURL(/\/properties\/1$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Elm Circle Ranch' })).toBeVisible()
  const roster = page.getByRole('heading', { level: 2, name: /^Contacts on this deal \(\d+\)$/ })
  await expect(roster).toBeVisible()
  const before = Number(/\((\d+)\)/.exec((await roster.textContent()) ?? '')?.[1])

  await page.getByRole('button', { name: 'Link contact', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Link a contact' })
  await expect(dialog.getByRole('heading', { level: 2, name: 'Link a contact' })).toBeVisible()
  await dialog.getByRole('combobox', { name: 'Contact' }).fill('a')
  // The first contact not on this deal yet (those on it are listed, disabled).
  // (The list's last option, "Create contact …", is there before the results come.)
  const option = dialog
    .locator('[role="option"]:not([aria-disabled="true"]):not(.option-create)')
    .first()
  await expect(option).toBeVisible()
  await option.click()
  await dialog.getByRole('combobox', { name: 'Role' }).selectOption('Inspector')
  await dialog.getByRole('textbox', { name: /Notes/ }).fill('Linked through the live proxy')
  await dialog.getByRole('button', { name: 'Link contact' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText('Linked through the live proxy')).toBeVisible()
  await expect(roster).toHaveText(`Contacts on this deal (${before + 1})`)

  // The link is really there, on the far side of the proxy.
  await page.reload()
  await expect(page.getByText('Linked through the live proxy')).toBeVisible()

  await traffic.settle()
  expect(traffic.seen.length).toBeGreaterThan(5)
  expect(traffic.seen.some((entry) => entry.includes('/api/v1/properties/1/contacts'))).toBe(true)
  const leaks = traffic.seen.filter((entry) => tokenIn(entry) !== undefined)
  expect(leaks, 'requests or responses holding the token').toEqual([])

  const stored = await page.evaluate(() =>
    JSON.stringify({
      local: Object.entries(localStorage),
      session: Object.entries(sessionStorage),
      cookie: document.cookie,
      url: location.href,
      html: document.documentElement.outerHTML,
    }),
  )
  expect(tokenIn(stored)).toBeUndefined()
  expect(tokenIn(JSON.stringify(await context.storageState()))).toBeUndefined()
  expect(tokenIn(JSON.stringify(await context.cookies()))).toBeUndefined()

  expect(await cspViolations()).toEqual([])
})

test('the build in dist/ does not hold the token', () => {
  const files = filesUnder(DIST)
  expect(files.some((file) => file.endsWith('index.html'))).toBe(true)
  const holding = files.filter(
    (file) => tokenIn(readFileSync(file).toString('latin1')) !== undefined,
  )
  expect(holding).toEqual([])
})

test('the main pages and dialogs raise no Content Security Policy violation', async ({ page }) => {
  const cspViolations = await watchCsp(page)

  await page.goto('/')
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(21)
  await page.getByRole('searchbox', { name: 'Search properties' }).fill('Elm')
  await expect(page).toHaveURL(/\?q=Elm$/)

  await page.goto('/properties/1')
  await expect(page.getByRole('heading', { level: 1, name: 'Elm Circle Ranch' })).toBeVisible()
  await expect(
    page.getByRole('heading', { level: 2, name: /^Contacts on this deal/ }),
  ).toBeVisible()

  // The link dialog, with its combobox's options open (positioned by script).
  await page.getByRole('button', { name: 'Link contact', exact: true }).click()
  const link = page.getByRole('dialog', { name: 'Link a contact' })
  await expect(link.getByRole('heading', { level: 2, name: 'Link a contact' })).toBeVisible()
  await link.getByRole('combobox', { name: 'Contact' }).fill('a')
  // Choosing one closes the listbox, which makes the rest of the dialog inert.
  // (Not the list's last option, "Create contact …", there before the results come.)
  const first = link.locator('[role="option"]:not([aria-disabled="true"]):not(.option-create)')
  await expect(first.first()).toBeVisible()
  await first.first().click()
  await expect(link.getByText(/^Selected: /)).toBeVisible()
  await link.getByRole('button', { name: 'Cancel' }).click()
  await expect(link).toBeHidden()

  // The edit and unlink dialogs of the first entry.
  for (const action of ['Edit', 'Unlink']) {
    await page
      .getByRole('button', { name: new RegExp(`^${action} `) })
      .first()
      .click()
    const dialog = page.getByRole('dialog', { name: new RegExp(`^${action} `) })
    await expect(dialog.getByRole('heading', { level: 2 })).toBeVisible()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
  }

  await page.goto('/no-such-page')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()

  expect(await cspViolations()).toEqual([])
})

test('a change made on Open To Close itself is not overwritten through the live proxy', async ({
  page,
  request,
}) => {
  const upstream = (path: string) =>
    `${UPSTREAM_ORIGIN}/api/v1${path}?api_token=${encodeURIComponent(LIVE_TOKEN)}`
  const roster: unknown = await (await request.get(upstream('/properties/2/contacts'))).json()
  const first = (
    roster as { contact_id: number; contact: { first_name: string; last_name: string } }[]
  )[0]
  expect(first).toBeDefined()
  if (!first) return
  const name = `${first.contact.first_name} ${first.contact.last_name}`
  const linkPath = `/properties/2/contacts/${String(first.contact_id)}`

  await page.goto('/properties/2')
  await page.getByRole('button', { name: `Edit ${name}` }).click()
  const dialog = page.getByRole('dialog', { name: `Edit ${name}` })
  await dialog.getByRole('textbox', { name: /Notes/ }).fill('Written in Roster')

  // Meanwhile, someone edits the link in Open To Close itself (no Roster in between).
  const theirs = await request.put(upstream(linkPath), {
    data: { notes: 'Written in Open To Close' },
  })
  expect(theirs.status()).toBe(200)

  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(dialog.getByRole('alert')).toContainText(
    `Someone else changed ${name}'s entry while you were editing: notes changed.`,
  )
  const kept: unknown = await (await request.get(upstream(linkPath))).json()
  expect(kept).toMatchObject({ notes: 'Written in Open To Close' })

  await dialog.getByRole('button', { name: 'Save mine anyway' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: `Saved changes to ${name}.` }),
  ).toBeVisible()
  const mine: unknown = await (await request.get(upstream(linkPath))).json()
  expect(mine).toMatchObject({ notes: 'Written in Roster' })
})
