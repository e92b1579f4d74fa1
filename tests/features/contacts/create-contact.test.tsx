// "Create contact" from the link dialog's picker (issue 15): the option in the list, the
// form in place, the duplicate check before creating, and what a failure keeps.
import { screen, waitFor, within } from '@testing-library/react'
import { delay, http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { API_BASE } from '../../../src/config/paths'
import { db } from '../../../src/mocks/db'
import { server } from '../../../src/mocks/node'
import { renderApp } from '../../test-utils'

afterEach(() => {
  server.events.removeAllListeners()
})

async function openLinkDialog(propertyId = 1) {
  const view = renderApp(`/properties/${propertyId}`)
  await view.user.click(await screen.findByRole('button', { name: 'Link contact' }))
  const dialog = within(await screen.findByRole('dialog', { name: 'Link a contact' }))
  return { ...view, dialog, contact: dialog.getByRole('combobox', { name: 'Contact' }) }
}

/** Types in the picker and chooses "Create contact" with the keyboard alone. */
async function openCreateForm(text: string) {
  const view = await openLinkDialog()
  await view.user.type(view.contact, text)
  const option = await view.dialog.findByRole('option', { name: `Create contact “${text}”` })
  // The option is part of the list: reached with the arrows, chosen with Enter.
  await waitFor(async () => {
    await view.user.keyboard('{ArrowDown}')
    expect(option).toHaveAttribute('data-focus')
  })
  await view.user.keyboard('{Enter}')
  const form = within(await view.dialog.findByRole('group', { name: 'New contact' }))
  return { ...view, form }
}

function countPosts() {
  const posts: unknown[] = []
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/contacts')) {
      posts.push(request.url)
    }
  })
  return posts
}

const someContact = () => {
  const found = db.contacts.list().find((c) => c.email && c.phone)
  if (!found?.email || !found.phone) throw new Error('the seed has no contact with email and phone')
  return { ...found, email: found.email, phone: found.phone }
}

describe('creating a contact from the picker', () => {
  it('prefills the names, creates the contact, selects it and links it', async () => {
    const { user, dialog, form } = await openCreateForm('Zed Newman')
    expect(form.getByRole('textbox', { name: 'First name' })).toHaveValue('Zed')
    expect(form.getByRole('textbox', { name: 'Last name' })).toHaveValue('Newman')
    expect(form.getByRole('textbox', { name: 'First name' })).toHaveFocus()
    await user.type(form.getByRole('textbox', { name: /Company/ }), 'Summit Lending{Enter}')

    const contact = await dialog.findByRole('combobox', { name: 'Contact' })
    await waitFor(() => {
      expect(contact).toHaveValue('Zed Newman')
    })
    expect(contact).toHaveAccessibleDescription('Created and selected: Zed Newman')
    expect(contact).toHaveFocus()
    expect(db.contacts.list().filter((c) => c.last_name === 'Newman')).toMatchObject([
      { first_name: 'Zed', company: 'Summit Lending', email: null },
    ])

    await user.selectOptions(dialog.getByRole('combobox', { name: 'Role' }), 'Lender')
    await user.click(dialog.getByRole('button', { name: 'Link contact' }))
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    })
    expect(await screen.findByRole('button', { name: 'Edit Zed Newman' })).toBeVisible()
  })

  it('puts a typed email in email and digits in phone', async () => {
    const email = await openCreateForm('zed@newman.example')
    expect(email.form.getByRole('textbox', { name: /Email/ })).toHaveValue('zed@newman.example')
    expect(email.form.getByRole('textbox', { name: 'First name' })).toHaveValue('')
    email.unmount()
    const phone = await openCreateForm('602 555 9999')
    expect(phone.form.getByRole('textbox', { name: /Phone/ })).toHaveValue('602 555 9999')
  })

  it('requires both names, on their fields, and sends nothing', async () => {
    const posts = countPosts()
    const { user, form } = await openCreateForm('Zed')
    await user.click(form.getByRole('button', { name: 'Save contact' }))
    const last = form.getByRole('textbox', { name: 'Last name' })
    await waitFor(() => {
      expect(last).toHaveAccessibleDescription('Enter a last name')
    })
    expect(last).toHaveFocus()
    await user.clear(form.getByRole('textbox', { name: 'First name' }))
    await user.type(form.getByRole('textbox', { name: /Email/ }), 'nope')
    await user.click(form.getByRole('button', { name: 'Save contact' }))
    await waitFor(() => {
      expect(form.getByRole('textbox', { name: 'First name' })).toHaveAccessibleDescription(
        'Enter a first name',
      )
    })
    expect(form.getByRole('textbox', { name: /Email/ })).toHaveAccessibleDescription(
      'Enter a valid email address',
    )
    expect(posts).toEqual([])
  })

  it('Cancel (or Escape) returns to the search with the text kept', async () => {
    const { user, dialog, form } = await openCreateForm('Zed Newman')
    await user.click(form.getByRole('button', { name: 'Cancel' }))
    const contact = dialog.getByRole('combobox', { name: 'Contact' })
    expect(contact).toHaveValue('Zed Newman')
    expect(contact).toHaveFocus()
    // Escape from inside the form leaves the form, not the dialog.
    await user.keyboard('{ArrowDown}')
    const option = await dialog.findByRole('option', { name: 'Create contact “Zed Newman”' })
    await user.click(option)
    await dialog.findByRole('group', { name: 'New contact' })
    await user.keyboard('{Escape}')
    expect(dialog.getByRole('combobox', { name: 'Contact' })).toHaveValue('Zed Newman')
    expect(screen.getByRole('dialog', { name: 'Link a contact' })).toBeVisible()
  })
})

describe('duplicates are caught before they exist', () => {
  it('a known email in another case offers the existing contact, and using it selects them', async () => {
    const existing = someContact()
    const posts = countPosts()
    const { user, dialog, form } = await openCreateForm('New Person')
    await user.type(
      form.getByRole('textbox', { name: /Email/ }),
      ` ${existing.email.toUpperCase()}`,
    )
    await user.click(form.getByRole('button', { name: 'Save contact' }))
    const name = `${existing.first_name} ${existing.last_name}`
    const use = await form.findByRole('button', { name: `Use this contact: ${name}` })
    expect(form.getByText(/may be someone already in your contacts/)).toHaveFocus()
    expect(form.getByRole('listitem')).toHaveTextContent(existing.email)
    expect(form.getByRole('listitem')).toHaveTextContent('same email')
    // Creating anyway is a second, deliberate step.
    expect(form.queryByRole('button', { name: 'Save contact' })).not.toBeInTheDocument()
    expect(form.getByRole('button', { name: 'Create anyway' })).toBeVisible()
    await user.click(use)
    const contact = dialog.getByRole('combobox', { name: 'Contact' })
    await waitFor(() => {
      expect(contact).toHaveValue(name)
    })
    expect(contact).toHaveAccessibleDescription(`Selected: ${name}, ${existing.email}`)
    expect(posts).toEqual([])
  })

  it('finds the same phone and a near-miss name, and "Create anyway" creates once', async () => {
    const existing = someContact()
    const digits = existing.phone.replace(/\D/g, '')
    const posts = countPosts()
    const { user, dialog, form } = await openCreateForm(`Zed Newman`)
    await user.type(form.getByRole('textbox', { name: /Phone/ }), `+1 ${digits}`)
    await user.click(form.getByRole('button', { name: 'Save contact' }))
    expect((await form.findAllByText('(same phone)'))[0]).toBeVisible()
    await user.dblClick(form.getByRole('button', { name: 'Create anyway' }))
    await waitFor(() => {
      expect(dialog.getByRole('combobox', { name: 'Contact' })).toHaveValue('Zed Newman')
    })
    expect(posts).toHaveLength(1)
    expect(db.contacts.list().filter((c) => c.last_name === 'Newman')).toHaveLength(1)
  })

  it('takes "Jon" for an existing "John" with the same last name', async () => {
    const john = db.contacts.create({ first_name: 'John', last_name: 'Quibbleton' })
    const { user, form } = await openCreateForm('Jon Quibbleton')
    await user.click(form.getByRole('button', { name: 'Save contact' }))
    expect(
      await form.findByRole('button', { name: 'Use this contact: John Quibbleton' }),
    ).toBeVisible()
    expect(form.getByText('(similar name)')).toBeVisible()
    expect(john.id).toBeGreaterThan(0)
  })

  it('says when a match is already on this deal, and does not offer to link them twice', async () => {
    const link = db.links.list(1)[0]
    const onDeal = link && db.contacts.find(link.contact_id)
    if (!link || !onDeal) throw new Error('property 1 has no links')
    const { user, form } = await openCreateForm(`${onDeal.first_name} ${onDeal.last_name}`)
    await user.click(form.getByRole('button', { name: 'Save contact' }))
    const item = await form.findByText(/^Already on this deal/)
    expect(item).toHaveTextContent(link.role ? `Already on this deal as ${link.role}` : '')
    expect(
      form.queryByRole('button', {
        name: `Use this contact: ${onDeal.first_name} ${onDeal.last_name}`,
      }),
    ).not.toBeInTheDocument()
  })
})

describe('a failed create keeps what was typed', () => {
  it('puts a 400 on its field', async () => {
    server.use(
      http.post(
        `*${API_BASE}/contacts`,
        () =>
          HttpResponse.json(
            { message: 'Invalid', errors: { phone: ['Phone is not a number we can dial'] } },
            { status: 400 },
          ),
        { once: true },
      ),
    )
    const { user, form } = await openCreateForm('Zed Newman')
    await user.type(form.getByRole('textbox', { name: /Phone/ }), '12345')
    await user.click(form.getByRole('button', { name: 'Save contact' }))
    const phone = form.getByRole('textbox', { name: /Phone/ })
    await waitFor(() => {
      expect(phone).toHaveAccessibleDescription('Phone is not a number we can dial')
    })
    expect(phone).toHaveFocus()
    expect(phone).toHaveValue('12345')
    expect(form.getByRole('textbox', { name: 'First name' })).toHaveValue('Zed')
  })

  it('says a 500 may have created it, keeps the input, and the next Save finds it', async () => {
    server.use(
      http.post(
        `*${API_BASE}/contacts`,
        async ({ request }) => {
          const body = (await request.json()) as { first_name: string; last_name: string }
          db.contacts.create(body)
          return HttpResponse.json({ message: 'Upstream timed out' }, { status: 502 })
        },
        { once: true },
      ),
    )
    const { user, form } = await openCreateForm('Zed Newman')
    await user.click(form.getByRole('button', { name: 'Save contact' }))
    expect(await form.findByRole('alert')).toHaveTextContent(/did not confirm the new contact/)
    expect(form.getByRole('textbox', { name: 'Last name' })).toHaveValue('Newman')
    await user.click(form.getByRole('button', { name: 'Save contact' }))
    expect(await form.findByRole('button', { name: 'Use this contact: Zed Newman' })).toBeVisible()
  })

  it('sends one request however fast Save is pressed', async () => {
    server.use(
      http.post(`*${API_BASE}/contacts`, async () => {
        await delay(150)
        return HttpResponse.json(db.contacts.create({ first_name: 'Zed', last_name: 'Newman' }), {
          status: 201,
        })
      }),
    )
    const posts = countPosts()
    const { user, dialog, form } = await openCreateForm('Zed Newman')
    const save = form.getByRole('button', { name: 'Save contact' })
    await user.click(save)
    await user.click(save)
    await user.keyboard('{Enter}')
    await waitFor(() => {
      expect(dialog.getByRole('combobox', { name: 'Contact' })).toHaveValue('Zed Newman')
    })
    expect(posts).toHaveLength(1)
  })
})
