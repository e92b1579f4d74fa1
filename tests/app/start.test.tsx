// The browser side of a server-rendered page (src/app/start.tsx): the markup and data
// the server sent are hydrated as they are, and the app asks the API for nothing.
import { dehydrate } from '@tanstack/react-query'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { Root } from 'react-dom/client'
import { afterEach, describe, expect, it } from 'vitest'
import { OpenToCloseAPI } from '../../src/api'
import { PAGE_DATA_ID, readPageState, serializePageState } from '../../src/app/page-data'
import { createQueryClient } from '../../src/app/query-client'
import { startApp } from '../../src/app/start'
import { fetchFromMock } from '../../src/mocks/middleware'
import { server } from '../../src/mocks/node'
import { propertyQueries } from '../../src/features/properties/api/property-queries'
import { propertyContactQueries } from '../../src/features/property-contacts/api/property-contact-queries'
import { createPrerenderer } from '../../src/server/prerender'

const TEMPLATE =
  '<!doctype html><html><head><title>Roster</title></head><body><div id="root"></div></body></html>'

let root: Root | undefined
afterEach(() => {
  root?.unmount()
  root = undefined
  document.body.innerHTML = ''
  server.events.removeAllListeners()
})

/** Puts what the server renders for `path` into this document, as the browser gets it. */
async function arriveAt(path: string): Promise<HTMLElement> {
  const api = new OpenToCloseAPI({ baseUrl: 'http://mock.invalid/api/v1', fetch: fetchFromMock })
  const html = await createPrerenderer({ api })(new URL(path, window.location.origin), TEMPLATE)
  if (html === null) throw new Error(`The server did not render ${path}`)
  document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML
  window.history.replaceState(null, '', path)
  const container = document.getElementById('root')
  if (!container) throw new Error('No #root')
  return container
}

function recordRequests(): string[] {
  const seen: string[] = []
  server.events.on('request:start', ({ request }) => {
    seen.push(`${request.method} ${new URL(request.url).pathname}`)
  })
  return seen
}

describe('a page the server rendered', () => {
  it('is hydrated as it is: same markup, no request, no React error, and it works', async () => {
    const container = await arriveAt('/properties/1?role=Buyer')
    const serverMarkup = container.innerHTML
    const requests = recordRequests()
    const user = userEvent.setup()

    root = startApp(container)
    expect(document.getElementById(PAGE_DATA_ID)).toBeNull()
    const edit = await screen.findByRole('button', { name: 'Edit Patrick Garcia' })
    // Nothing was rebuilt: the first paint is the server's markup, untouched.
    expect(container.innerHTML).toBe(serverMarkup)

    await user.click(edit)
    const dialog = await screen.findByRole('dialog', { name: 'Edit Patrick Garcia' })
    expect(within(dialog).getByRole('combobox', { name: 'Role' })).toHaveValue('Buyer')
    expect(requests).toEqual([])
    // The setup's console.error guard fails the test on any hydration error.
  })

  it('renders afresh, and reads from the API, when the data that came with it is bad', async () => {
    const container = await arriveAt('/properties/1')
    const script = document.getElementById(PAGE_DATA_ID)
    if (!script) throw new Error('No page data')
    script.textContent = '{"property": {"id": 1}, "roster": []}'
    const requests = recordRequests()

    root = startApp(container)
    const heading = await screen.findByRole('heading', { level: 2, name: /Contacts on this deal/ })
    await waitFor(() => {
      expect(heading).toHaveTextContent('Contacts on this deal (10)')
    })
    expect(container.querySelectorAll('h1')).toHaveLength(1)
    await waitFor(() => {
      expect(requests).toEqual(
        expect.arrayContaining(['GET /api/v1/properties/1', 'GET /api/v1/properties/1/contacts']),
      )
    })
  })
})

describe('readPageState', () => {
  async function pageData() {
    const api = new OpenToCloseAPI({ baseUrl: 'http://mock.invalid/api/v1', fetch: fetchFromMock })
    return {
      property: await api.properties.retrieveProperty(1),
      roster: await api.propertyContacts.listPropertyContacts(1),
    }
  }

  /**
   * The cache the server dehydrates, holding `data` under the property page's keys
   * (untyped, to hold what a broken server might send).
   */
  function dehydrated({ property, roster }: { property: unknown; roster: unknown }) {
    const queryClient = createQueryClient()
    queryClient.setQueryData([...propertyQueries.detail(1).queryKey], property)
    queryClient.setQueryData([...propertyContactQueries.roster(1).queryKey], roster)
    const state = dehydrate(queryClient)
    queryClient.clear()
    return state
  }

  function embed(text: string) {
    const script = document.createElement('script')
    script.type = 'application/json'
    script.id = PAGE_DATA_ID
    script.textContent = text
    document.body.append(script)
  }

  it('reads back what the server wrote, notes with </script> included', async () => {
    const data = await pageData()
    const first = data.roster[0]
    if (!first) throw new Error('empty roster')
    data.roster[0] = { ...first, notes: '</script><b>bold</b>', role: null, primary: false }
    const state = dehydrated(data)
    embed(serializePageState(state))
    const read = readPageState(document, 1)
    expect(read).toEqual({
      mutations: [],
      queries: state.queries.map((query) => ({
        ...query,
        state: { ...query.state, dataUpdatedAt: expect.any(Number) as number },
      })),
    })
    expect(read?.queries.map((query) => query.state.data)).toEqual([data.property, data.roster])
  })

  it('refuses data that is missing, not JSON, of the wrong shape, or of another property', async () => {
    expect(readPageState(document, 1)).toBeNull()
    embed('{not json')
    expect(readPageState(document, 1)).toBeNull()
    document.body.innerHTML = ''
    const data = await pageData()
    embed(serializePageState(dehydrated(data)))
    expect(readPageState(document, 2)).toBeNull()
    document.body.innerHTML = ''
    embed(JSON.stringify(dehydrated({ ...data, roster: [{ ...data.roster[0], contact: null }] })))
    expect(readPageState(document, 1)).toBeNull()
    document.body.innerHTML = ''
    const moved = data.roster.map((link, index) =>
      index === 3 ? { ...link, property_id: 2 } : link,
    )
    embed(JSON.stringify(dehydrated({ ...data, roster: moved })))
    expect(readPageState(document, 1)).toBeNull()
  })

  it("refuses queries other than the property page's own", async () => {
    const data = await pageData()
    const state = dehydrated(data)
    const [property, roster] = state.queries
    if (!property || !roster) throw new Error('two queries expected')
    const variants = [
      // The hand-written format that came before.
      data,
      { ...state, queries: [roster, property] },
      { ...state, queries: [property] },
      { ...state, queries: [...state.queries, property] },
      { ...state, queries: [{ ...property, queryHash: '["properties","detail",2]' }, roster] },
      { ...state, queries: [property, { ...roster, queryHash: '["properties",1,"contacts"]' }] },
      {
        ...state,
        queries: [{ ...property, state: { ...property.state, status: 'error' } }, roster],
      },
      { ...state, mutations: [{ state: {} }] },
    ]
    for (const [index, variant] of variants.entries()) {
      document.body.innerHTML = ''
      embed(JSON.stringify(variant))
      expect(readPageState(document, 1), `variant ${String(index)}`).toBeNull()
    }
  })
})
