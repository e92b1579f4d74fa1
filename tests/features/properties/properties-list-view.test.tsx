// The properties list as a coordinator uses it (issue 14, items 3 and 9): search by zip
// and status, a status filter, sorting by closing date and by title, "Page 1 of 2",
// all of it in the URL, and focus kept on a control when a pager button disables itself.
import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { Property } from '../../../src/api'
import { server } from '../../../src/mocks/node'
import { renderApp } from '../../test-utils'

// Seed facts: 31 properties (20 a page); 9 Active, 7 Pending, 7 Under Contract,
// 5 Closed, 3 Coming Soon; 3225 Aspen Cir Sale is the one in 37214.

function dataRows() {
  return within(screen.getByRole('table')).getAllByRole('row').slice(1)
}

function titles() {
  return dataRows().map((row) => within(row).getByRole('link').textContent)
}

async function loaded() {
  await screen.findByRole('link', { name: 'Elm Circle Ranch' })
}

describe('the properties list, a day of use', () => {
  it('says how many pages there are, and keeps focus when "Next page" disables itself', async () => {
    const { user } = renderApp('/')
    await loaded()
    expect(screen.getByText('Page 1 of 2')).toBeVisible()
    const next = screen.getByRole('button', { name: 'Next page' })
    await user.click(next)
    await waitFor(() => {
      expect(dataRows()).toHaveLength(11)
    })
    expect(screen.getByText('Page 2 of 2')).toBeVisible()
    expect(next).toBeDisabled()
    const previous = screen.getByRole('button', { name: 'Previous page' })
    expect(previous).toHaveFocus()

    await user.keyboard('{Enter}')
    await waitFor(() => {
      expect(dataRows()).toHaveLength(20)
    })
    expect(previous).toBeDisabled()
    expect(next).toHaveFocus()
  })

  it('finds properties by zip and by status', async () => {
    const { user } = renderApp('/')
    await loaded()
    const search = screen.getByRole('searchbox', { name: 'Search properties' })
    await user.type(search, '37214')
    await waitFor(() => {
      expect(titles()).toEqual(['3225 Aspen Cir Sale'])
    })
    await user.clear(search)
    await user.type(search, 'coming soon')
    await waitFor(() => {
      expect(dataRows()).toHaveLength(3)
    })
    for (const row of dataRows()) expect(row).toHaveTextContent('Coming Soon')
  })

  it('filters by status and sorts by closing date or title, in the URL', async () => {
    const { user } = renderApp('/')
    await loaded()
    const status = screen.getByRole('combobox', { name: 'Status' })
    expect(within(status).getByRole('option', { name: 'Pending (7)' })).toBeInTheDocument()
    await user.selectOptions(status, 'Pending (7)')
    await waitFor(() => {
      expect(dataRows()).toHaveLength(7)
    })
    for (const row of dataRows()) expect(row).toHaveTextContent('Pending')
    expect(window.location.search).toBe('?status=Pending')
    // One page: no pager.
    expect(screen.queryByRole('navigation', { name: 'Pages of properties' })).toBeNull()

    const sort = screen.getByRole('combobox', { name: 'Sort by' })
    await user.selectOptions(sort, 'Closing date (earliest first)')
    await waitFor(() => {
      expect(titles()[0]).toBe('Dogwood Trail Duplex')
    })
    expect(new URLSearchParams(window.location.search).get('sort')).toBe('closing')
    const dates = dataRows().map((row) => row.textContent)
    expect(dates.at(-1)).toMatch(/Dec 11, 2026/)

    await user.selectOptions(sort, 'Title (A–Z)')
    await waitFor(() => {
      expect(titles()).toEqual(
        [...titles()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
      )
    })
    expect(titles()[0]).toBe('3264 Linden Ln Sale')
    expect(window.location.search).toBe('?status=Pending&sort=title')
  })

  it('opens a view from the URL, and ignores what does not check out', async () => {
    renderApp('/?status=Closed&sort=title&page=1')
    await waitFor(() => {
      expect(titles()).toEqual([
        '184 Cedar St Purchase',
        '9150 Juniper Pl Purchase',
        'Aspen Drive Farmhouse',
        'Kingfisher Trail Tudor',
        'Summit Trail Farmhouse',
      ])
    })
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('Closed')
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('title')
  })

  it('falls back to the default order for an unknown sort, and to the last page past the end', async () => {
    renderApp('/?sort=price&page=9')
    expect(await screen.findByText('Page 2 of 2')).toBeVisible()
    expect(dataRows()).toHaveLength(11)
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('')
  })
})

describe('counting pages without a count from the API', () => {
  function manyProperties(count: number): Property[] {
    return Array.from({ length: count }, (_, index) => ({
      id: index + 1,
      title: `Lot ${index + 1}`,
      address: null,
      city: null,
      state: null,
      zip: null,
      status: 'Active',
      client_type: 'Buyer',
      purchase_amount: null,
      closing_date: null,
      created: '2026-01-01T00:00:00Z',
    }))
  }

  /** A server with `count` properties; `honoursOffset: false` answers the first rows always. */
  function serve(count: number, { honoursOffset = true } = {}) {
    const rows = manyProperties(count)
    const requests: string[] = []
    server.use(
      http.get('*/api/v1/properties', ({ request }) => {
        const url = new URL(request.url)
        requests.push(url.search)
        const limit = Number(url.searchParams.get('limit'))
        const offset = honoursOffset ? Number(url.searchParams.get('offset')) : 0
        return HttpResponse.json(rows.slice(offset, offset + limit))
      }),
    )
    return requests
  }

  it('reads the list to its end, a chunk at a time, and counts the pages', async () => {
    const requests = serve(450)
    renderApp('/')
    expect(await screen.findByText('Page 1 of 23')).toBeVisible()
    expect(screen.getByText('450 properties.')).toBeVisible()
    expect(requests).toEqual([
      '?limit=200&offset=0',
      '?limit=200&offset=200',
      '?limit=200&offset=400',
    ])
  })

  it('stops on a server that ignores the offset, rather than reading forever', async () => {
    const requests = serve(450, { honoursOffset: false })
    renderApp('/')
    expect(await screen.findByText('Page 1 of 10')).toBeVisible()
    expect(requests).toHaveLength(2)
  })

  it('stops at 5,000 properties and says the count is a floor', async () => {
    serve(5200)
    renderApp('/')
    expect(await screen.findByText('Page 1 of 250 or more')).toBeVisible()
    expect(
      screen.getByText(
        'The first 5,000 properties are counted and sorted here; search to narrow them down.',
      ),
    ).toBeVisible()
  })
})
