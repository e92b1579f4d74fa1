// Replacing a primary in one action, and conflict messages in names (issue 14, items 2, 7).
import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { db } from '../../../src/mocks/db'
import { server } from '../../../src/mocks/node'
import { renderApp } from '../../test-utils'

// Seed facts: property 1's primary Buyer is Tariq Weber (110); Jordan Smith (7) is not on it.

afterEach(() => {
  server.events.removeAllListeners()
})

async function openLinkDialog(name = 'Jordan Smith') {
  const view = renderApp('/properties/1')
  await view.user.click(await screen.findByRole('button', { name: 'Link contact' }))
  const dialog = within(await screen.findByRole('dialog', { name: 'Link a contact' }))
  await view.user.type(dialog.getByRole('combobox', { name: 'Contact' }), 'smi')
  await view.user.click(await dialog.findByRole('option', { name: new RegExp(name) }))
  return { ...view, dialog }
}

async function asPrimaryBuyer() {
  const view = await openLinkDialog()
  const { user, dialog } = view
  await user.selectOptions(dialog.getByRole('combobox', { name: 'Role' }), 'Buyer')
  expect(
    dialog.queryByRole('checkbox', { name: 'and remove Tariq Weber from this deal' }),
  ).not.toBeInTheDocument()
  await user.click(dialog.getByRole('checkbox', { name: 'Primary contact for this role' }))
  return view
}

function statusSaying(text: string) {
  return screen.findByText(text, {}, { timeout: 3000 })
}

describe('linking someone as primary over a current primary', () => {
  it('can remove the old primary in the same action, and Undo restores both', async () => {
    const tariq = db.links.find(1, 110)
    const { user, dialog } = await asPrimaryBuyer()
    await user.click(
      dialog.getByRole('checkbox', { name: 'and remove Tariq Weber from this deal' }),
    )
    await user.click(dialog.getByRole('button', { name: 'Link contact' }))

    const message = await statusSaying(
      'Linked Jordan Smith as primary Buyer; Tariq Weber was removed from this deal.',
    )
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(db.links.find(1, 7)).toMatchObject({ role: 'Buyer', primary: true })
    expect(db.links.find(1, 110)).toBeUndefined()

    const status = message.closest('.status-message')
    if (!(status instanceof HTMLElement)) throw new Error('No status message')
    await user.click(within(status).getByRole('button', { name: 'Undo' }))
    await statusSaying(
      'Undone: Jordan Smith is no longer on this deal, and Tariq Weber is the primary Buyer again.',
    )
    expect(db.links.find(1, 7)).toBeUndefined()
    expect(db.links.find(1, 110)).toMatchObject({
      role: 'Buyer',
      primary: true,
      notes: tariq?.notes ?? null,
      start_date: tariq?.start_date ?? null,
    })
  })

  it('says the old primary is no longer primary, and Undo makes them primary again', async () => {
    const { user, dialog } = await asPrimaryBuyer()
    await user.click(dialog.getByRole('button', { name: 'Link contact' }))

    const message = await statusSaying(
      'Linked Jordan Smith as primary Buyer; Tariq Weber is no longer primary.',
    )
    expect(db.links.find(1, 110)).toMatchObject({ role: 'Buyer', primary: false })

    const status = message.closest('.status-message')
    if (!(status instanceof HTMLElement)) throw new Error('No status message')
    await user.click(within(status).getByRole('button', { name: 'Undo' }))
    await statusSaying(
      'Undone: Jordan Smith is no longer on this deal, and Tariq Weber is the primary Buyer again.',
    )
    expect(db.links.find(1, 7)).toBeUndefined()
    expect(db.links.find(1, 110)).toMatchObject({ role: 'Buyer', primary: true })
  })

  it('does not remove the old primary when someone changed them meanwhile, and says so', async () => {
    const { user, dialog } = await asPrimaryBuyer()
    await user.click(
      dialog.getByRole('checkbox', { name: 'and remove Tariq Weber from this deal' }),
    )
    // Meanwhile, a colleague adds a note to Tariq Weber.
    db.links.update(1, 110, { notes: 'Keep him: he signs on Friday' })
    await user.click(dialog.getByRole('button', { name: 'Link contact' }))

    await statusSaying(
      'Linked Jordan Smith as primary Buyer. Tariq Weber was not removed: their entry was changed meanwhile, and they are no longer primary.',
    )
    expect(db.links.find(1, 110)).toMatchObject({
      primary: false,
      notes: 'Keep him: he signs on Friday',
    })
    expect(db.links.find(1, 7)).toMatchObject({ primary: true })
  })
})

describe('linking someone linked meanwhile', () => {
  it('names them and their role, from the roster read after the refusal', async () => {
    const { user, dialog } = await openLinkDialog()
    // Someone else links Jordan Smith now; this screen does not know yet.
    db.links.create(1, 7, { role: 'Inspector' })
    await user.selectOptions(dialog.getByRole('combobox', { name: 'Role' }), 'Lender')
    await user.click(dialog.getByRole('button', { name: 'Link contact' }))
    const contact = dialog.getByRole('combobox', { name: 'Contact' })
    await waitFor(() => {
      expect(contact).toHaveAccessibleDescription(
        expect.stringContaining(
          'Jordan Smith was linked to this deal meanwhile, as Inspector; the roster is refreshed.',
        ),
      )
    })
    expect(contact).not.toHaveAccessibleDescription(/Contact 7|property 1/)
  })
})

describe('an Undo the server refuses', () => {
  it('says why, and offers no Try again that would be refused the same way', async () => {
    const { user } = renderApp('/properties/1')
    await user.click(await screen.findByRole('button', { name: 'Unlink Nancy Thompson' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Unlink Nancy Thompson?' }))
    await user.click(dialog.getByRole('button', { name: 'Unlink' }))
    const undone = await statusSaying('Unlinked Nancy Thompson (Seller).')
    server.use(
      http.post(
        '*/api/v1/properties/:propertyId/contacts',
        () =>
          HttpResponse.json(
            { message: 'Sellers are locked on this deal.', errors: {} },
            { status: 400 },
          ),
        { once: true },
      ),
    )
    const status = undone.closest('.status-message')
    if (!(status instanceof HTMLElement)) throw new Error('No status message')
    await user.click(within(status).getByRole('button', { name: 'Undo' }))
    const alert = await screen.findByText(/Could not link Nancy Thompson \(Seller\) again\./)
    expect(alert).toHaveTextContent('Sellers are locked on this deal.')
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument()
    expect(db.links.find(1, 242)).toBeUndefined()
  })
})
