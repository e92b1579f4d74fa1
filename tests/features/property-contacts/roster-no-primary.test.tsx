import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../../test-utils'

// Seed facts: on property 1, Tariq Weber is the primary Buyer and Patrick Garcia the
// other Buyer; Eric Gonzalez the primary Seller, Nancy Thompson the other Seller.

function group(name: RegExp) {
  return screen.getByRole('region', { name })
}

describe('a role losing its primary', () => {
  it('says so before unlinking the only primary, and flags the role afterwards', async () => {
    const { user } = renderApp('/properties/1')
    const unlink = await screen.findByRole('button', { name: 'Unlink Tariq Weber' })
    expect(within(group(/^Buyers/)).queryByText(/no primary/)).toBeNull()
    await user.click(unlink)
    const dialog = await screen.findByRole('dialog', { name: 'Unlink Tariq Weber?' })
    expect(dialog).toHaveAccessibleDescription(/Buyers will have no primary contact\.$/)

    await user.click(within(dialog).getByRole('button', { name: 'Unlink' }))
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull()
    })
    await waitFor(() => {
      expect(screen.getByRole('heading', { level: 3, name: /^Buyers/ })).toHaveTextContent(
        'Buyers (1) · no primary',
      )
    })
    // Sellers still have theirs.
    expect(screen.getByRole('heading', { level: 3, name: /^Sellers/ })).toHaveTextContent(
      /^Sellers \(2\)$/,
    )
  })

  it('says nothing of the kind when the contact unlinked is not primary', async () => {
    const { user } = renderApp('/properties/1')
    await user.click(await screen.findByRole('button', { name: 'Unlink Nancy Thompson' }))
    const dialog = await screen.findByRole('dialog', { name: 'Unlink Nancy Thompson?' })
    expect(dialog).not.toHaveAccessibleDescription(/no primary/)
  })

  it('warns above Save when the only primary is unticked, and flags the role once saved', async () => {
    const { user } = renderApp('/properties/1')
    await user.click(await screen.findByRole('button', { name: 'Edit Tariq Weber' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Edit Tariq Weber' }))
    const save = dialog.getByRole('button', { name: 'Save changes' })
    expect(dialog.queryByText('Buyers will have no primary contact.')).toBeNull()
    expect(save).not.toHaveAccessibleDescription()

    const primary = dialog.getByRole('checkbox', { name: 'Primary contact for this role' })
    await user.click(primary)
    expect(dialog.getByText('Buyers will have no primary contact.')).toBeVisible()
    expect(save).toHaveAccessibleDescription('Buyers will have no primary contact.')
    // Ticked again: nothing is lost, nothing said.
    await user.click(primary)
    expect(dialog.queryByText('Buyers will have no primary contact.')).toBeNull()

    await user.click(primary)
    await user.click(save)
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull()
    })
    await waitFor(() => {
      expect(screen.getByRole('heading', { level: 3, name: /^Buyers/ })).toHaveTextContent(
        'Buyers (2) · no primary',
      )
    })
  })
})
