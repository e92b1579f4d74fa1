// The role and notes fields of the link form, as the user meets them: a look-alike
// role is refused on its field, and the notes counter counts as the limit does.
import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { db } from '../../../src/mocks/db'
import { server } from '../../../src/mocks/node'
import { renderApp } from '../../test-utils'

// Seed facts: property 1's primary Buyer is Tariq Weber; Jordan Smith is not on it.

afterEach(() => {
  server.events.removeAllListeners()
})

async function openLinkDialog() {
  const view = renderApp('/properties/1')
  await view.user.click(await screen.findByRole('button', { name: 'Link contact' }))
  const dialog = within(await screen.findByRole('dialog', { name: 'Link a contact' }))
  await view.user.type(dialog.getByRole('combobox', { name: 'Contact' }), 'smi')
  await view.user.click(await dialog.findByRole('option', { name: /Jordan Smith/ }))
  return { ...view, dialog }
}

describe('the link form', () => {
  it('refuses a role with a Cyrillic у among Latin letters, on the Other role field', async () => {
    let posts = 0
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST') posts += 1
    })
    const { user, dialog } = await openLinkDialog()
    await user.selectOptions(dialog.getByRole('combobox', { name: 'Role' }), 'Other…')
    const other = dialog.getByRole('textbox', { name: 'Other role' })
    await user.type(other, 'Bu\u0443er')
    await user.click(dialog.getByRole('button', { name: 'Link contact' }))

    await waitFor(() => {
      expect(other).toHaveAttribute('aria-invalid', 'true')
    })
    expect(other).toHaveAccessibleDescription(
      'Role mixes letters from different alphabets (Latin and Cyrillic); retype it',
    )
    expect(other).toHaveFocus()
    expect(posts).toBe(0)
  })

  it('sees "Buyer" with a zero-width space as Buyer: warns of the primary it demotes', async () => {
    const { user, dialog } = await openLinkDialog()
    await user.selectOptions(dialog.getByRole('combobox', { name: 'Role' }), 'Other…')
    await user.type(dialog.getByRole('textbox', { name: 'Other role' }), 'Buyer\u200b')
    await user.click(dialog.getByRole('checkbox', { name: 'Primary contact for this role' }))
    expect(
      dialog.getByText('Tariq Weber is the primary Buyer now and will no longer be primary.'),
    ).toBeVisible()
    await user.click(dialog.getByRole('button', { name: 'Link contact' }))
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    })
    expect(db.links.find(1, 7)).toMatchObject({ role: 'Buyer', primary: true })
    expect(db.links.find(1, 110)).toMatchObject({ primary: false })
  })

  it('counts notes in characters as the limit does: 1,001 emoji are 1,001 of 2,000', async () => {
    const { user, dialog } = await openLinkDialog()
    const notes = dialog.getByRole('textbox', { name: /Notes/ })
    await user.click(notes)
    await user.paste('\u{1F600}'.repeat(1001))
    const counter = await dialog.findByText('1,001 / 2,000 characters')
    expect(counter).not.toHaveClass('field-over')
    expect(notes).toHaveAccessibleDescription('1,001 / 2,000 characters')

    await user.paste('\u{1F600}'.repeat(1000))
    expect(await dialog.findByText('2,001 / 2,000 characters')).toHaveClass('field-over')
  })
})
