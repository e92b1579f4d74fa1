// The browser side of a server-rendered page (src/app/start.tsx): the markup and data
// the server sent are hydrated as they are, and the app asks the API for nothing.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { Root } from 'react-dom/client'
import { afterEach, describe, expect, it } from 'vitest'
import { OpenToCloseAPI } from '../../src/api'
import { PAGE_DATA_ID, readPageData, serializePageData } from '../../src/app/page-data'
import { startApp } from '../../src/app/start'
import { fetchFromMock } from '../../src/mocks/middleware'
import { server } from '../../src/mocks/node'
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

describe('readPageData', () => {
  async function pageData() {
    const api = new OpenToCloseAPI({ baseUrl: 'http://mock.invalid/api/v1', fetch: fetchFromMock })
    return {
      property: await api.properties.retrieveProperty(1),
      roster: await api.propertyContacts.listPropertyContacts(1),
    }
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
    embed(serializePageData(data))
    expect(readPageData(document, 1)).toEqual(data)
  })

  it('refuses data that is missing, not JSON, of the wrong shape, or of another property', async () => {
    expect(readPageData(document, 1)).toBeNull()
    embed('{not json')
    expect(readPageData(document, 1)).toBeNull()
    document.body.innerHTML = ''
    const data = await pageData()
    embed(serializePageData(data))
    expect(readPageData(document, 2)).toBeNull()
    document.body.innerHTML = ''
    embed(JSON.stringify({ ...data, roster: [{ ...data.roster[0], contact: null }] }))
    expect(readPageData(document, 1)).toBeNull()
    document.body.innerHTML = ''
    const moved = data.roster.map((link, index) =>
      index === 3 ? { ...link, property_id: 2 } : link,
    )
    embed(JSON.stringify({ ...data, roster: moved }))
    expect(readPageData(document, 1)).toBeNull()
  })
})
