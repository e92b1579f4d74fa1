// "Create contact" in a contact field of the transaction setup page (issue 15): the
// form opens under the row, Enter saves it (not the setup), and the row gets the contact.
import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { db } from '../../../src/mocks/db'
import { server } from '../../../src/mocks/node'
import { contactBox, openSetup, recordWrites, row } from '../transaction-setup/setup-helpers'

afterEach(() => {
  server.events.removeAllListeners()
  window.sessionStorage.clear()
})

describe('creating a contact from a setup row', () => {
  it('creates the contact and selects it in the row that asked, sending nothing else', async () => {
    const { user } = await openSetup()
    const writes = recordWrites()
    await user.type(contactBox('Seller 1'), 'Zed Newman')
    await user.click(
      await row('Seller 1').findByRole('option', { name: 'Create contact “Zed Newman”' }),
    )
    const form = within(await row('Seller 1').findByRole('group', { name: 'New contact' }))
    await user.type(form.getByRole('textbox', { name: /Email/ }), 'zed@newman.example{Enter}')
    await waitFor(() => {
      expect(contactBox('Seller 1')).toHaveValue('Zed Newman')
    })
    expect(contactBox('Seller 1')).toHaveAccessibleDescription(
      'Created and selected: Zed Newman, zed@newman.example',
    )
    expect(writes).toEqual(['POST /api/v1/contacts'])
    expect(db.contacts.list().filter((c) => c.last_name === 'Newman')).toHaveLength(1)
    // The other rows are untouched, and the setup is not submitted.
    expect(contactBox('Buyer 1')).toHaveValue('')
    expect(screen.getByRole('form', { name: 'Transaction setup' })).toBeVisible()
  })
})
