import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { renderApp } from '../../test-utils'

afterEach(() => {
  window.localStorage.clear()
})

async function openRoster() {
  const view = renderApp('/properties/1')
  expect(await screen.findByText('10 contacts in 7 roles.')).toBeInTheDocument()
  return view
}

describe('the roster’s keyboard shortcuts', () => {
  it('/ focuses the name filter, l opens Link contact, ? lists the shortcuts', async () => {
    const { user } = await openRoster()
    await user.keyboard('/')
    expect(screen.getByRole('searchbox', { name: 'Find by name' })).toHaveFocus()
    // In the field, the keys are text.
    await user.keyboard('l?')
    expect(screen.getByRole('searchbox', { name: 'Find by name' })).toHaveValue('l?')
    expect(screen.queryByRole('dialog')).toBeNull()

    await user.click(screen.getByRole('heading', { level: 1 }))
    await user.keyboard('l')
    const link = await screen.findByRole('dialog', { name: 'Link a contact' })
    await user.keyboard('{Escape}')
    await waitFor(() => {
      expect(link).not.toBeInTheDocument()
    })

    await user.keyboard('?')
    const help = within(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' }))
    expect(help.getByText('Link contact')).toBeVisible()
    expect(help.getByText(/Find by name/)).toBeVisible()
  })

  it('ignores keys with Ctrl, Alt or Meta, and keys pressed on a select', async () => {
    const { user } = await openRoster()
    await user.keyboard('{Control>}l{/Control}{Alt>}l{/Alt}{Meta>}/{/Meta}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.getByRole('searchbox', { name: 'Find by name' })).not.toHaveFocus()
    screen.getByRole('combobox', { name: 'Show role' }).focus()
    await user.keyboard('/')
    expect(screen.getByRole('combobox', { name: 'Show role' })).toHaveFocus()
  })

  it('can be turned off in the help dialog, remembered in this browser', async () => {
    const { user, unmount } = await openRoster()
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }))
    const help = within(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' }))
    const toggle = help.getByRole('checkbox', { name: 'Use single-key shortcuts' })
    expect(toggle).toBeChecked()
    await user.click(toggle)
    expect(toggle).not.toBeChecked()
    await user.click(help.getByRole('button', { name: 'Close' }))
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull()
    })
    await user.keyboard('l/?')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.getByRole('searchbox', { name: 'Find by name' })).not.toHaveFocus()

    unmount()
    const again = await openRoster()
    await again.user.keyboard('l')
    expect(screen.queryByRole('dialog')).toBeNull()
    await again.user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }))
    const helpAgain = within(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' }))
    expect(helpAgain.getByRole('checkbox', { name: 'Use single-key shortcuts' })).not.toBeChecked()
  })
})
