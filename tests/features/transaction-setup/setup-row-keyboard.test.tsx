import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { server } from '../../../src/mocks/node'
import { addRow, contactBox, openSetup, pick, primaryBox, roleSelect, row } from './setup-helpers'

afterEach(() => {
  server.events.removeAllListeners()
  // The page keeps its unsent draft there; each test starts without one.
  window.sessionStorage.clear()
})

describe('transaction setup: adding a row by keyboard', () => {
  it.each([
    ['Add seller', 'Seller 2'],
    ['Add buyer', 'Buyer 2'],
    ['Add agent', 'Agent 3'],
    ['Add another party', 'Party 1'],
  ])('Enter on "%s" puts focus on the new row’s Contact field', async (button, rowName) => {
    const { user } = await openSetup('/properties/16/setup')
    screen.getByRole('button', { name: button }).focus()
    await user.keyboard('{Enter}')
    await screen.findByRole('group', { name: rowName })
    await waitFor(() => {
      expect(contactBox(rowName)).toHaveFocus()
    })
  })
})

describe('transaction setup: primary by default', () => {
  it('makes a role’s only row primary once its role is chosen, and a second one not', async () => {
    const { user } = await openSetup()
    await addRow(user, 'Add another party', 'Party 1')
    expect(primaryBox('Party 1')).not.toBeChecked()
    await user.selectOptions(roleSelect('Party 1'), 'Lender')
    await waitFor(() => {
      expect(primaryBox('Party 1')).toBeChecked()
    })

    await addRow(user, 'Add another party', 'Party 2')
    await user.selectOptions(roleSelect('Party 2'), 'Lender')
    // A second Lender: the first stays the primary one.
    expect(primaryBox('Party 2')).not.toBeChecked()
    await user.selectOptions(roleSelect('Party 2'), 'Inspector')
    await waitFor(() => {
      expect(primaryBox('Party 2')).toBeChecked()
    })

    // A third agent is a second Listing Agent: not primary.
    await addRow(user, 'Add agent', 'Agent 3')
    expect(roleSelect('Agent 3')).toHaveDisplayValue('Listing Agent')
    expect(primaryBox('Agent 3')).not.toBeChecked()
  })

  it('leaves Primary as the user set it when the role changes afterwards', async () => {
    const { user } = await openSetup()
    await addRow(user, 'Add another party', 'Party 1')
    await user.click(primaryBox('Party 1'))
    await user.click(primaryBox('Party 1'))
    await user.selectOptions(roleSelect('Party 1'), 'Inspector')
    expect(primaryBox('Party 1')).not.toBeChecked()
  })
})

describe('transaction setup: reordering by keyboard', () => {
  it('moves a row with Alt+↑ / Alt+↓ from any of its fields, off the tab path', async () => {
    const { user } = await openSetup()
    await pick(user, 'Seller 1', 'Jordan', 'Jordan Smith')
    await addRow(user, 'Add seller', 'Seller 2')
    await pick(user, 'Seller 2', 'Emily', 'Emily Smith')

    // The move buttons stay for the pointer, out of the tab order.
    const up = row('Seller 2').getByRole('button', { name: 'Move Seller 2 up' })
    expect(up).toHaveAttribute('tabindex', '-1')
    // The shortcut is said on the row and shown in the section.
    expect(screen.getByRole('group', { name: 'Seller 2' })).toHaveAccessibleDescription(
      'To reorder, press Alt+↑ or Alt+↓ in a row.',
    )
    const sellers = within(screen.getByRole('region', { name: 'Sellers (2)' }))
    expect(sellers.getByText(/To reorder, press/)).toBeVisible()

    // From Emily's Contact field: Tab goes from it to Primary, then to Remove.
    contactBox('Seller 2').focus()
    await user.tab()
    expect(primaryBox('Seller 2')).toHaveFocus()
    await user.tab()
    expect(row('Seller 2').getByRole('button', { name: 'Remove Seller 2' })).toHaveFocus()

    primaryBox('Seller 2').focus()
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}')
    await waitFor(() => {
      expect(contactBox('Seller 1')).toHaveValue('Emily Smith')
    })
    expect(contactBox('Seller 2')).toHaveValue('Jordan Smith')
    // Focus moved with the row; Jordan's primary flag stayed with Jordan.
    await waitFor(() => {
      expect(primaryBox('Seller 1')).toHaveFocus()
    })
    expect(primaryBox('Seller 1')).not.toBeChecked()
    expect(primaryBox('Seller 2')).toBeChecked()
    // Announced: the text is in a status region.
    expect(sellers.getByText('Seller 2 is now Seller 1.')).toHaveAttribute('role', 'status')

    // From the Contact field too; the list does not open on it.
    contactBox('Seller 1').focus()
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}')
    await waitFor(() => {
      expect(contactBox('Seller 2')).toHaveValue('Emily Smith')
    })
    expect(contactBox('Seller 2')).toHaveFocus()
    expect(contactBox('Seller 2')).toHaveAttribute('aria-expanded', 'false')

    // At the end: nothing moves, and it says so.
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}')
    expect(contactBox('Seller 2')).toHaveValue('Emily Smith')
    expect(sellers.getByText('Seller 2 is already last.')).toBeInTheDocument()
  })
})

describe('transaction setup: leaving a contact field', () => {
  it('does not pick the highlighted suggestion on Tab', async () => {
    const { user } = await openSetup()
    await user.type(contactBox('Seller 1'), 'Jordan')
    await row('Seller 1').findByRole('option', { name: /^Jordan Smith/ })
    await user.tab()
    expect(contactBox('Seller 1')).not.toHaveFocus()
    expect(contactBox('Seller 1')).toHaveValue('')
    await user.click(screen.getByRole('button', { name: 'Review plan' }))
    await waitFor(() => {
      expect(contactBox('Seller 1')).toHaveAccessibleDescription(
        /Pick a contact or remove this row/,
      )
    })

    // Enter still chooses it (highlighted first; "Create contact" follows it in the list).
    await user.type(contactBox('Seller 1'), 'Jordan')
    const jordan = await row('Seller 1').findByRole('option', { name: /^Jordan Smith/ })
    await waitFor(() => {
      expect(jordan).toHaveAttribute('data-focus')
    })
    await user.keyboard('{Enter}')
    await waitFor(() => {
      expect(contactBox('Seller 1')).toHaveValue('Jordan Smith')
    })
  })
})
