import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { db } from '../../../src/mocks/db'
import { renderApp } from '../../test-utils'

// Seed facts: property 13 is a Buyer deal with a Buyer, a Buyer Agent and an Inspector
// (no Lender, no Title or Escrow Officer); property 16 a Seller deal with its Seller,
// Listing Agent and Title Officer; on property 15 the primary Seller has no email or phone.

function checklist() {
  return screen.getByRole('region', { name: /^Checklist/ })
}

describe('the checklist summary', () => {
  it('names what is missing, and "Link a Lender" opens the dialog with Lender chosen', async () => {
    const { user } = renderApp('/properties/13')
    const summary = await screen.findByRole('region', {
      name: 'Checklist: 3 of 5 filled · missing: Lender and Title Officer or Escrow Officer',
    })
    expect(
      within(summary).getByRole('button', { name: 'Link a Title Officer or Escrow Officer' }),
    ).toBeVisible()

    await user.click(within(summary).getByRole('button', { name: 'Link a Lender' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Link a contact' }))
    expect(dialog.getByRole('combobox', { name: 'Role' })).toHaveDisplayValue('Lender')
    // Nobody holds the role: the one linked becomes its primary.
    expect(dialog.getByRole('checkbox', { name: /Primary/ })).toBeChecked()
    await user.type(dialog.getByRole('combobox', { name: 'Contact' }), 'smi')
    await user.click(await dialog.findByRole('option', { name: /Walter Smith/ }))
    await user.click(dialog.getByRole('button', { name: 'Link contact' }))

    await waitFor(() => {
      expect(checklist()).toHaveAccessibleName(
        'Checklist: 4 of 5 filled · missing: Title Officer or Escrow Officer',
      )
    })
    expect(within(checklist()).queryByRole('button', { name: 'Link a Lender' })).toBeNull()
  })

  it('says quietly that a complete roster is complete', async () => {
    renderApp('/properties/16')
    expect(
      await screen.findByText('Checklist complete: all 3 expected roles filled.'),
    ).toBeVisible()
    expect(screen.queryByRole('region', { name: /^Checklist/ })).toBeNull()
  })

  it('flags a primary who cannot be reached, with a link dialog for another one', async () => {
    const { user } = renderApp('/properties/15')
    const summary = await screen.findByRole('region', { name: 'Checklist: 3 of 3 filled' })
    expect(within(summary).getByText(/the primary Seller, can’t be reached/)).toBeVisible()
    await user.click(within(summary).getByRole('button', { name: 'Link another Seller' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Link a contact' }))
    expect(dialog.getByRole('combobox', { name: 'Role' })).toHaveDisplayValue('Seller')
    expect(dialog.getByRole('checkbox', { name: /Primary/ })).toBeChecked()
  })

  it('says a role has no primary once, in the summary, with the edit that fixes it', async () => {
    const [agent] = db.links.list(16).filter((link) => link.role === 'Listing Agent')
    if (!agent) throw new Error('seed changed: property 16 has no Listing Agent')
    db.links.update(16, agent.contact_id, { primary: false })
    const { user } = renderApp('/properties/16')
    const summary = await screen.findByRole('region', { name: 'Checklist: 3 of 3 filled' })
    expect(within(summary).getByText('Listing Agent has no primary.')).toBeVisible()
    // Not again on the group's heading.
    expect(screen.getByRole('heading', { level: 3, name: /^Listing Agent/ })).not.toHaveTextContent(
      /no primary/,
    )

    await user.click(within(summary).getByRole('button', { name: /^Make .+ primary$/ }))
    const dialog = within(await screen.findByRole('dialog', { name: /^Edit / }))
    expect(dialog.getByRole('checkbox', { name: 'Primary contact for this role' })).toBeChecked()
    await user.click(dialog.getByRole('button', { name: 'Save changes' }))
    expect(
      await screen.findByText('Checklist complete: all 3 expected roles filled.'),
    ).toBeVisible()
  })
})
