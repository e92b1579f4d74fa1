// The roster's filters behind a "Filter" button (issue 14, item 12): on a phone the
// filters collapse (styles.css shows the button and hides the group only on narrow
// screens; jsdom has no layout, so this checks what the button says and controls).
// The filters themselves stay in the URL.
import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../../test-utils'

function filtersGroup() {
  return screen.getByRole('group', { name: 'Filter the roster' })
}

describe('the roster’s Filter button', () => {
  it('opens and closes the filters, which stay in the URL', async () => {
    const { user } = renderApp('/properties/1')
    const toggle = await screen.findByRole('button', { name: 'Filter' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(toggle).toHaveAttribute('aria-controls', filtersGroup().id)
    expect(filtersGroup()).toHaveAttribute('data-collapsed')

    await user.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    expect(filtersGroup()).not.toHaveAttribute('data-collapsed')
    await user.click(screen.getByRole('checkbox', { name: 'Primary only' }))
    await waitFor(() => {
      expect(window.location.search).toBe('?primary=1')
    })

    await user.click(screen.getByRole('button', { name: 'Filter (1 active)' }))
    expect(filtersGroup()).toHaveAttribute('data-collapsed')
    expect(window.location.search).toBe('?primary=1')
    expect(screen.getByText(/Showing \d+ of 10 contacts\./)).toBeVisible()
  })

  it('counts the filters a URL brings', async () => {
    renderApp('/properties/1?role=Buyer&q=Weber')
    const toggle = await screen.findByRole('button', { name: 'Filter (2 active)' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
  })
})
