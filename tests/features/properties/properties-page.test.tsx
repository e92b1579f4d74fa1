import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '../../../src/mocks/node'
import { renderApp } from '../../test-utils'

function dataRows() {
  return within(screen.getByRole('table')).getAllByRole('row').slice(1)
}

describe('the properties list', () => {
  it('shows the first page of properties, each linking to its detail page', async () => {
    renderApp('/')
    expect(await screen.findByRole('heading', { level: 1, name: 'Properties' })).toBeVisible()
    expect(await screen.findByRole('link', { name: 'Elm Circle Ranch' })).toHaveAttribute(
      'href',
      '/properties/1',
    )
    expect(dataRows()).toHaveLength(20)
    expect(dataRows()[0]).toHaveTextContent(
      /Elm Circle Ranch.*4702 Elm Cir, Richmond, VA.*Under Contract.*Seller.*\$1,033,500.*Dec 1, 2026/,
    )
  })

  it('pages through the properties and keeps the page in the URL', async () => {
    const { user } = renderApp('/')
    await screen.findByRole('link', { name: 'Elm Circle Ranch' })
    await user.click(screen.getByRole('button', { name: 'Next page' }))
    await waitFor(() => {
      expect(dataRows()).toHaveLength(11)
    })
    expect(window.location.search).toBe('?page=2')
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled()
    await user.click(screen.getByRole('button', { name: 'Previous page' }))
    await waitFor(() => {
      expect(dataRows()).toHaveLength(20)
    })
  })

  it('searches as the user types, and says when nothing matches', async () => {
    const { user } = renderApp('/?page=2')
    const search = await screen.findByRole('searchbox', { name: 'Search properties' })
    await user.type(search, 'harbor')
    await waitFor(() => {
      expect(dataRows()).toHaveLength(1)
    })
    expect(dataRows()[0]).toHaveTextContent(/Harbor View Towers/)
    expect(window.location.search).toBe('?q=harbor')
    await user.clear(search)
    await user.type(search, 'no such place')
    expect(await screen.findByText('No properties match “no such place”.')).toBeVisible()
  })

  it('ignores a malformed page number in the URL', async () => {
    renderApp('/?page=-3')
    expect(await screen.findByRole('link', { name: 'Elm Circle Ranch' })).toBeVisible()
  })

  it('shows an error with a retry', async () => {
    server.use(
      http.get(
        '*/api/v1/properties',
        () => HttpResponse.json({ message: 'Service unavailable' }, { status: 503 }),
        { once: true },
      ),
    )
    const { user } = renderApp('/')
    const alert = await waitFor(() => {
      const found = screen
        .getAllByRole('alert')
        .find((el) => el.textContent.includes('Could not load properties'))
      if (!found) throw new Error('no alert yet')
      return found
    })
    expect(alert).toHaveTextContent(/The server had a problem/)
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await screen.findByRole('link', { name: 'Elm Circle Ranch' })).toBeVisible()
  })
})
