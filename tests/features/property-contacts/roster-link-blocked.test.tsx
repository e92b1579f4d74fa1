import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '../../../src/mocks/node'
import { renderApp } from '../../test-utils'

describe('Link contact while the roster could not be loaded', () => {
  it('is disabled with its reason, opens nothing, and works again once the roster loads', async () => {
    server.use(
      http.get(
        '*/api/v1/properties/:propertyId/contacts',
        () => HttpResponse.json({ message: 'Database unavailable' }, { status: 503 }),
        { once: true },
      ),
    )
    const { user } = renderApp('/properties/1')
    const alert = await waitFor(() => {
      const found = screen
        .getAllByRole('alert')
        .find((element) => element.textContent.includes('Could not load the contacts'))
      if (!found) throw new Error('no load error yet')
      return found
    })
    const link = screen.getByRole('button', { name: 'Link contact' })
    expect(link).toHaveAttribute('aria-disabled', 'true')
    expect(link).toHaveAccessibleDescription(/^Load the roster first/)
    await user.click(link)
    await user.keyboard('l')
    expect(screen.queryByRole('dialog')).toBeNull()

    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    await waitFor(() => {
      expect(screen.getByRole('button', { name: 'Link contact' })).not.toHaveAttribute(
        'aria-disabled',
      )
    })
    await user.click(screen.getByRole('button', { name: 'Link contact' }))
    expect(await screen.findByRole('dialog', { name: 'Link a contact' })).toBeVisible()
  })
})
