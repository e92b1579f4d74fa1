// The property page rendered on the server (src/server/prerender.tsx), reading the mock
// backend in process the way the standalone server does.
import { dehydrate } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { OpenToCloseAPI } from '../../src/api'
import { PAGE_DATA_ID, serializePageState } from '../../src/app/page-data'
import { createQueryClient } from '../../src/app/query-client'
import { propertyQueries } from '../../src/features/properties/api/property-queries'
import { propertyContactQueries } from '../../src/features/property-contacts/api/property-contact-queries'
import { setMockConfig } from '../../src/mocks/config'
import { db } from '../../src/mocks/db'
import { fetchFromMock } from '../../src/mocks/middleware'
import {
  createPrerenderer,
  fillTemplate,
  prerenderTimeoutFromEnv,
} from '../../src/server/prerender'

const TEMPLATE =
  '<!doctype html><html><head><title>Roster</title></head><body><div id="root"></div></body></html>'

const api = () =>
  new OpenToCloseAPI({ baseUrl: 'http://mock.invalid/api/v1', fetch: fetchFromMock })

function at(path: string): URL {
  return new URL(path, 'http://127.0.0.1:4173')
}

/** The rendered page as a document, to read it the way a browser would. */
function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html')
}

/** The property and roster in the dehydrated query cache embedded in `page`. */
function embeddedData(page: Document) {
  const state = JSON.parse(page.getElementById(PAGE_DATA_ID)?.textContent ?? '') as {
    queries: [{ state: { data: { id: number } } }, { state: { data: unknown[] } }]
  }
  return { property: state.queries[0].state.data, roster: state.queries[1].state.data }
}

describe('createPrerenderer', () => {
  it('renders the property page with its header and whole roster, and the data it used', async () => {
    const html = await createPrerenderer({ api: api() })(at('/properties/1'), TEMPLATE)
    expect(html).not.toBeNull()
    const page = parse(html ?? '')
    expect(page.title).toBe('Elm Circle Ranch · Roster')
    expect(page.querySelector('#root h1')?.textContent).toBe('Elm Circle Ranch')
    expect(page.querySelector('#roster-heading')?.textContent).toBe('Contacts on this deal (10)')
    const names = [...page.querySelectorAll('#root .role-group')].map((group) => [
      group.querySelector('h3')?.textContent,
      [...group.querySelectorAll('li')].length,
    ])
    expect(names.slice(0, 2)).toEqual([
      ['Sellers (2)', 2],
      ['Buyers (2)', 2],
    ])
    expect(page.querySelector('#root')?.textContent).toContain('Eric Gonzalez')
    // No skeleton: the page is complete.
    expect(page.querySelector('#root [aria-busy="true"]')).toBeNull()

    const data = embeddedData(page)
    expect(data.property.id).toBe(1)
    expect(data.roster).toHaveLength(10)
    expect(page.getElementById(PAGE_DATA_ID)?.getAttribute('type')).toBe('application/json')
  })

  it('renders the filters the address asks for', async () => {
    const html = await createPrerenderer({ api: api() })(at('/properties/1?role=Buyer'), TEMPLATE)
    const page = parse(html ?? '')
    expect(page.querySelector('.roster-summary')?.textContent).toContain(
      'Showing 2 of 10 contacts.',
    )
    expect(page.querySelectorAll('#root .role-group')).toHaveLength(1)
  })

  it('renders only the first screenful of a long roster, as the browser does at first', async () => {
    const html = await createPrerenderer({ api: api() })(at('/properties/31'), TEMPLATE)
    const page = parse(html ?? '')
    expect(page.querySelector('#roster-heading')?.textContent).toBe('Contacts on this deal (1000)')
    expect(page.querySelectorAll('#root li.entry')).toHaveLength(20)
    expect(page.querySelector('#root [aria-busy="true"]')).not.toBeNull()
    expect(embeddedData(page).roster).toHaveLength(1000)
  })

  it('leaves other pages, and addresses that are not property ids, to the browser', async () => {
    const prerender = createPrerenderer({ api: api() })
    for (const path of ['/', '/properties/1/setup', '/properties/abc', '/properties/0', '/x']) {
      expect(prerender.renders(at(path)), path).toBe(false)
      expect(await prerender(at(path), TEMPLATE), path).toBeNull()
    }
    expect(prerender.renders(at('/properties/1?role=Buyer'))).toBe(true)
  })

  it('leaves a template without an empty root element alone', async () => {
    const prerender = createPrerenderer({ api: api() })
    expect(await prerender(at('/properties/1'), '<div id="app"></div>')).toBeNull()
  })

  it('gives up quietly when the property is missing, the API refuses, or it is too slow', async () => {
    const onError = vi.fn()
    const prerender = createPrerenderer({ api: api(), timeoutMs: 100, onError })
    expect(await prerender(at('/properties/99999'), TEMPLATE)).toBeNull()

    setMockConfig({ apiToken: 'needed' })
    expect(await prerender(at('/properties/1'), TEMPLATE)).toBeNull()

    setMockConfig({ apiToken: null, latencyMs: 400 })
    const started = performance.now()
    expect(await prerender(at('/properties/1'), TEMPLATE)).toBeNull()
    expect(performance.now() - started).toBeLessThan(350)
    expect(onError).not.toHaveBeenCalled()
  })

  it('keeps hostile text as text, in the markup and in the data', async () => {
    const hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)>'
    const contact = db.contacts.create({ first_name: hostile, last_name: 'Smith' })
    db.links.create(1, contact.id, { role: 'Buyer', notes: `${hostile} $& $1` })
    const html = (await createPrerenderer({ api: api() })(at('/properties/1'), TEMPLATE)) ?? ''
    const page = parse(html)
    expect(page.querySelectorAll('script')).toHaveLength(1)
    expect(page.querySelectorAll('img')).toHaveLength(0)
    expect(page.querySelector('#root')?.textContent).toContain(hostile)
    const data = page.getElementById(PAGE_DATA_ID)?.textContent ?? ''
    expect(data).not.toContain('<')
    expect(data).toContain(`${hostile.replace(/</g, '\\u003c')} $& $1`)
  })
})

describe('fillTemplate', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('escapes the title and keeps replacement patterns as text', async () => {
    const property = await api().properties.retrieveProperty(1)
    const roster = await api().propertyContacts.listPropertyContacts(1)
    const queryClient = createQueryClient()
    queryClient.setQueryData(propertyQueries.detail(1).queryKey, {
      ...property,
      title: 'Fish & Chips <b>$&</b>',
    })
    queryClient.setQueryData(propertyContactQueries.roster(1).queryKey, roster)
    vi.useFakeTimers({ toFake: ['Date'] })
    const html = fillTemplate(TEMPLATE, at('/properties/1'), queryClient)
    expect(html).toContain('<title>Fish &#38; Chips &#60;b&#62;$&#38;&#60;/b&#62; · Roster</title>')
    expect(parse(html).querySelector('#root h1')?.textContent).toBe('Fish & Chips <b>$&</b>')
    expect(html).toContain(serializePageState(dehydrate(queryClient)))
    expect(embeddedData(parse(html)).property).toEqual({
      ...property,
      title: 'Fish & Chips <b>$&</b>',
    })
    queryClient.clear()
  })
})

describe('prerenderTimeoutFromEnv', () => {
  it('reads a whole number of milliseconds, 0 to turn rendering off, else the default', () => {
    expect(prerenderTimeoutFromEnv({ PRERENDER_TIMEOUT_MS: '150' })).toBe(150)
    expect(prerenderTimeoutFromEnv({ PRERENDER_TIMEOUT_MS: '0' })).toBe(0)
    expect(prerenderTimeoutFromEnv({})).toBe(300)
    expect(prerenderTimeoutFromEnv({ PRERENDER_TIMEOUT_MS: 'soon' })).toBe(300)
    expect(prerenderTimeoutFromEnv({ PRERENDER_TIMEOUT_MS: '-5' })).toBe(300)
  })
})
