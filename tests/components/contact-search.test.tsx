// Contact search in the link dialog (issue 14, item 10): company is searched too, and
// a typo that finds no one offers the closest names, which can be chosen.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../test-utils'

async function openLinkDialog() {
  const view = renderApp('/properties/1')
  await view.user.click(await screen.findByRole('button', { name: 'Link contact' }))
  const dialog = within(await screen.findByRole('dialog', { name: 'Link a contact' }))
  return { ...view, dialog, contact: dialog.getByRole('combobox', { name: 'Contact' }) }
}

describe('searching contacts', () => {
  it('finds contacts by company', async () => {
    const { user, dialog, contact } = await openLinkDialog()
    await user.type(contact, 'Oak & Stone')
    const option = await dialog.findByRole('option', { name: /^Marcus Smith/ })
    expect(option).toBeVisible()
    expect(contact).toHaveAccessibleDescription(/\d+ contacts found\./)
  })

  it('offers the closest name when a typo finds no one, and it can be chosen', async () => {
    const { user, dialog, contact } = await openLinkDialog()
    await user.type(contact, 'Jordn Smith')
    const suggestion = await dialog.findByRole('option', { name: /^Did you mean Jordan Smith\?/ })
    expect(contact).toHaveAccessibleDescription(
      'No contacts match “Jordn Smith”. Did you mean Jordan Smith?',
    )
    await user.click(suggestion)
    expect(contact).toHaveValue('Jordan Smith')
    await waitFor(() => {
      expect(contact).toHaveAccessibleDescription(/^Selected: Jordan Smith/)
    })
  })

  it('says plainly when nothing is close either', async () => {
    const { user, dialog, contact } = await openLinkDialog()
    await user.type(contact, 'Zzyzx Qwerty')
    await waitFor(() => {
      expect(contact).toHaveAccessibleDescription('No contacts match “Zzyzx Qwerty”.')
    })
    expect(dialog.queryAllByRole('option', { name: /Did you mean/ })).toEqual([])
  })
})
