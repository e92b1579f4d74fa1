import { screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { server } from '../../../src/mocks/node'
import { contactBox, openSetup } from './setup-helpers'

afterEach(() => {
  server.events.removeAllListeners()
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
