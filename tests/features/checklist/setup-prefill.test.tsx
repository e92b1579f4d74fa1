import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { renderApp } from '../../test-utils'

// Seed facts: property 13 is a Buyer deal with a Buyer, a Buyer Agent and an Inspector
// (no Lender, no Title or Escrow Officer); property 16 a complete Seller deal.

afterEach(() => {
  window.sessionStorage.clear()
})

async function openSetup(url: string) {
  const view = renderApp(url)
  await screen.findByRole('form', { name: 'Transaction setup' })
  return view
}

describe('the setup form, from the checklist', () => {
  it('starts with a row for each missing role of the deal type, and none for the rest', async () => {
    await openSetup('/properties/13/setup')
    expect(screen.queryByRole('group', { name: 'Seller 1' })).toBeNull()
    expect(screen.queryByRole('group', { name: 'Buyer 1' })).toBeNull()
    expect(screen.queryByRole('group', { name: 'Agent 1' })).toBeNull()
    const lender = within(screen.getByRole('group', { name: 'Party 1' }))
    expect(lender.getByRole('combobox', { name: 'Role' })).toHaveDisplayValue('Lender')
    expect(lender.getByRole('checkbox', { name: 'Primary' })).toBeChecked()
    const title = within(screen.getByRole('group', { name: 'Party 2' }))
    expect(title.getByRole('combobox', { name: 'Role' })).toHaveDisplayValue('Title Officer')
    expect(screen.queryByRole('group', { name: 'Party 3' })).toBeNull()
  })

  it('starts a complete deal with no rows', async () => {
    await openSetup('/properties/16/setup')
    expect(screen.queryByRole('group', { name: /^(Seller|Buyer|Agent|Party) 1$/ })).toBeNull()
    expect(screen.getByRole('button', { name: 'Add seller' })).toBeVisible()
  })

  it('starts with a team’s own roles, typed in as Other', async () => {
    const checklist = {
      Buyer: [['Co-listing Agent'], ['Buyer Agent']],
      Seller: [],
      Dual: [],
    }
    renderApp('/properties/13/setup', { checklist })
    await screen.findByRole('form', { name: 'Transaction setup' })
    const party = within(screen.getByRole('group', { name: 'Party 1' }))
    expect(party.getByRole('combobox', { name: 'Role' })).toHaveDisplayValue('Other…')
    expect(party.getByRole('textbox', { name: /role/i })).toHaveValue('Co-listing Agent')
    // Buyer Agent is filled on property 13.
    expect(screen.queryByRole('group', { name: 'Agent 1' })).toBeNull()
  })

  it('lets a restored draft win over the rows it starts with', async () => {
    const values = {
      sellers: [],
      buyers: [],
      agents: [],
      others: [{ contact: null, roleChoice: 'Appraiser', otherRole: '', primary: false }],
    }
    window.sessionStorage.setItem(
      'roster.setup-draft.13',
      JSON.stringify({ version: 1, savedAt: Date.now(), values }),
    )
    const { user } = await openSetup('/properties/13/setup')
    await user.click(screen.getByRole('button', { name: 'Restore' }))
    const party = within(screen.getByRole('group', { name: 'Party 1' }))
    expect(party.getByRole('combobox', { name: 'Role' })).toHaveDisplayValue('Appraiser')
    expect(screen.queryByRole('group', { name: 'Party 2' })).toBeNull()
  })

  it('keeps no draft of a form nobody touched', async () => {
    const first = await openSetup('/properties/13/setup')
    first.unmount()
    await openSetup('/properties/13/setup')
    expect(screen.queryByRole('region', { name: 'Unsaved setup' })).toBeNull()
    expect(window.sessionStorage.getItem('roster.setup-draft.13')).toBeNull()
  })
})
