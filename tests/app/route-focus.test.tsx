// Moving between pages (issue 14, item 3): focus and an announcement go to the new
// page's h1, not on the first load, and not when only the query string changes.
import { screen, waitFor, within } from '@testing-library/react'
import { delay, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '../../src/mocks/node'
import { renderApp } from '../test-utils'

/** The polite region that says which page the app moved to. */
function routeAnnouncement() {
  const region = document.querySelector('[data-route-announcer]')
  if (!region) throw new Error('No route announcer on the page')
  return region
}

describe('moving between pages', () => {
  it('leaves focus alone on the first load', async () => {
    renderApp('/')
    await screen.findByRole('link', { name: 'Elm Circle Ranch' })
    expect(document.body).toHaveFocus()
    expect(routeAnnouncement()).toHaveTextContent('')
  })

  it('focuses and announces the new page’s heading: list → property → setup → property', async () => {
    const { user } = renderApp('/')
    await user.click(await screen.findByRole('link', { name: 'Elm Circle Ranch' }))
    const title = await screen.findByRole('heading', { level: 1, name: 'Elm Circle Ranch' })
    await waitFor(() => {
      expect(title).toHaveFocus()
    })
    expect(routeAnnouncement()).toHaveTextContent('Elm Circle Ranch')

    await user.click(screen.getByRole('link', { name: 'Set up transaction' }))
    const setup = await screen.findByRole(
      'heading',
      { level: 1, name: 'Set up transaction' },
      { timeout: 10_000 },
    )
    await waitFor(() => {
      expect(setup).toHaveFocus()
    })
    expect(routeAnnouncement()).toHaveTextContent('Set up transaction')

    const breadcrumb = screen.getByRole('navigation', { name: 'Breadcrumb' })
    await user.click(within(breadcrumb).getByRole('link', { name: 'Elm Circle Ranch' }))
    await waitFor(() => {
      expect(screen.getByRole('heading', { level: 1, name: 'Elm Circle Ranch' })).toHaveFocus()
    })
    expect(routeAnnouncement()).toHaveTextContent('Elm Circle Ranch')
  })

  it('follows the heading from the loading state to the loaded one', async () => {
    // Property 2 takes a while; the seed's handler answers after the pause.
    server.use(
      http.get('*/api/v1/properties/2', async () => {
        await delay(400)
      }),
    )
    const { user } = renderApp('/properties/1')
    await screen.findByRole('heading', { level: 1, name: 'Elm Circle Ranch' })
    await user.click(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', {
        name: 'Properties',
      }),
    )
    await user.click(await screen.findByRole('link', { name: '3204 Fairview St Purchase' }))
    // The property is not in the cache yet: the loading heading takes focus first…
    await waitFor(() => {
      expect(screen.getByRole('heading', { level: 1, name: 'Loading property…' })).toHaveFocus()
    })
    // …and the property's own heading once it is there.
    const title = await screen.findByRole('heading', {
      level: 1,
      name: '3204 Fairview St Purchase',
    })
    await waitFor(() => {
      expect(title).toHaveFocus()
    })
    expect(routeAnnouncement()).toHaveTextContent('3204 Fairview St Purchase')
  })

  it('leaves focus where it is when only the query string changes', async () => {
    const { user } = renderApp('/properties/1')
    const showRole = await screen.findByRole('combobox', { name: 'Show role' })
    await user.selectOptions(showRole, 'Buyers (2)')
    await waitFor(() => {
      expect(window.location.search).toBe('?role=Buyer')
    })
    expect(showRole).toHaveFocus()
    expect(routeAnnouncement()).toHaveTextContent('')
  })
})
