// "Edit contact" on a roster entry (issue 15): the contact's own details, PUT
// /contacts/{id} with what changed, shown on every deal the contact is on.
import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { API_BASE } from '../../../src/config/paths'
import { db } from '../../../src/mocks/db'
import { server } from '../../../src/mocks/node'
import { renderApp } from '../../test-utils'

afterEach(() => {
  server.events.removeAllListeners()
})

/** A contact on two deals, both rosters' first link. */
function contactOnTwoDeals() {
  const contact = db.contacts.create({
    first_name: 'Dana',
    last_name: 'Whitfield',
    email: 'dana@exmaple.com',
    phone: '(480) 555-0101',
  })
  db.links.create(1, contact.id, { role: 'Lender' })
  db.links.create(2, contact.id, { role: 'Lender' })
  return contact
}

async function openEditContact(propertyId: number) {
  const view = renderApp(`/properties/${propertyId}`)
  await view.user.click(await screen.findByRole('button', { name: 'Edit contact Dana Whitfield' }))
  const dialog = within(await screen.findByRole('dialog', { name: 'Edit contact Dana Whitfield' }))
  return { ...view, dialog }
}

describe('editing a contact', () => {
  it('sends only what changed, and the roster shows it', async () => {
    const contact = contactOnTwoDeals()
    const bodies: unknown[] = []
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'PUT' && request.url.endsWith(`/contacts/${contact.id}`)) {
        void request
          .clone()
          .json()
          .then((body: unknown) => bodies.push(body))
      }
    })
    const { user, dialog } = await openEditContact(1)
    const email = dialog.getByRole('textbox', { name: /Email/ })
    expect(email).toHaveValue('dana@exmaple.com')
    await user.clear(email)
    await user.type(email, 'dana@example.com')
    await user.clear(dialog.getByRole('textbox', { name: /Phone/ }))
    await user.click(dialog.getByRole('button', { name: 'Save contact' }))
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    })
    expect(bodies).toEqual([{ email: 'dana@example.com', phone: null }])
    expect(await screen.findByRole('link', { name: /dana@example\.com/ })).toBeVisible()
    expect(await screen.findByText('Saved the details of Dana Whitfield.')).toBeVisible()
    expect(db.contacts.find(contact.id)).toMatchObject({ email: 'dana@example.com', phone: null })
  })

  it('shows the change on the other deal too', async () => {
    contactOnTwoDeals()
    const first = await openEditContact(1)
    const last = first.dialog.getByRole('textbox', { name: 'Last name' })
    await first.user.clear(last)
    await first.user.type(last, 'Whitfield-Ray{Enter}')
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    })
    first.unmount()
    renderApp('/properties/2')
    expect(await screen.findByRole('button', { name: 'Edit Dana Whitfield-Ray' })).toBeVisible()
  })

  it('refuses a bad email and an empty name on their fields, and sends nothing', async () => {
    const contact = contactOnTwoDeals()
    const { user, dialog } = await openEditContact(1)
    await user.clear(dialog.getByRole('textbox', { name: 'First name' }))
    const email = dialog.getByRole('textbox', { name: /Email/ })
    await user.clear(email)
    await user.type(email, 'dana at example')
    await user.click(dialog.getByRole('button', { name: 'Save contact' }))
    await waitFor(() => {
      expect(dialog.getByRole('textbox', { name: 'First name' })).toHaveAccessibleDescription(
        'Enter a first name',
      )
    })
    expect(email).toHaveAccessibleDescription('Enter a valid email address')
    expect(db.contacts.find(contact.id)?.first_name).toBe('Dana')
  })

  it('puts a server 400 on its field and keeps the input; a 500 keeps the dialog open', async () => {
    contactOnTwoDeals()
    server.use(
      http.put(
        `*${API_BASE}/contacts/:id`,
        () =>
          HttpResponse.json(
            { message: 'Invalid', errors: { company: ['Company is not known'] } },
            { status: 400 },
          ),
        { once: true },
      ),
      http.put(
        `*${API_BASE}/contacts/:id`,
        () => HttpResponse.json({ message: 'Broken' }, { status: 500 }),
        { once: true },
      ),
    )
    const { user, dialog } = await openEditContact(1)
    const company = dialog.getByRole('textbox', { name: /Company/ })
    await user.type(company, 'Summit')
    await user.click(dialog.getByRole('button', { name: 'Save contact' }))
    await waitFor(() => {
      expect(company).toHaveAccessibleDescription('Company is not known')
    })
    expect(company).toHaveValue('Summit')
    await user.click(dialog.getByRole('button', { name: 'Save contact' }))
    expect(await dialog.findByRole('alert')).toHaveTextContent(/did not confirm the change/)
    expect(company).toHaveValue('Summit')
  })
})
