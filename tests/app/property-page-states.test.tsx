// Every state of the property page has its h1 (issue 14, item 4; axe's
// page-has-heading-one): loading, failed to load, not found, loaded.
import { screen } from '@testing-library/react'
import { delay, http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '../../src/mocks/node'
import { renderApp } from '../test-utils'

function pageHeadings() {
  return screen.queryAllByRole('heading', { level: 1 })
}

describe('the property page’s heading', () => {
  it('is there while the property loads', async () => {
    server.use(
      http.get('*/api/v1/properties/:propertyId', async () => {
        await delay('infinite')
        return HttpResponse.json({})
      }),
    )
    renderApp('/properties/1')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Loading property…' }),
    ).toBeInTheDocument()
    expect(pageHeadings()).toHaveLength(1)
  })

  it('is there when the property failed to load, beside the error and its retry', async () => {
    server.use(
      http.get('*/api/v1/properties/:propertyId', () =>
        HttpResponse.json({ message: 'Service unavailable' }, { status: 503 }),
      ),
    )
    renderApp('/properties/1')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This property could not be loaded' }),
    ).toBeVisible()
    expect(pageHeadings()).toHaveLength(1)
    expect(screen.getByRole('button', { name: 'Retry' })).toBeVisible()
  })

  it('is there when there is no such property, and when it has loaded', async () => {
    const { unmount } = renderApp('/properties/9999')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Property not found' }),
    ).toBeVisible()
    expect(pageHeadings()).toHaveLength(1)
    unmount()

    renderApp('/properties/1')
    expect(await screen.findByRole('heading', { level: 1, name: 'Elm Circle Ranch' })).toBeVisible()
    expect(pageHeadings()).toHaveLength(1)
  })
})
