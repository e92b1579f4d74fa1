import { screen, waitFor, within } from '@testing-library/react'
import { delay, http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { db } from '../../../src/mocks/db'
import { server } from '../../../src/mocks/node'
import { renderApp } from '../../test-utils'

// Seed facts: property 1 is "Elm Circle Ranch" with 10 links; Eric Gonzalez is the
// primary Seller, Nancy Thompson the other Seller; Tariq Weber the primary Buyer,
// Patrick Garcia the other Buyer.

/** The alert that says `text` (the status region's alert is always in the page). */
function findAlert(text: RegExp) {
  return waitFor(() => {
    const alert = screen.getAllByRole('alert').find((element) => text.test(element.textContent))
    if (!alert) throw new Error(`No alert says ${String(text)}`)
    return alert
  })
}

function roleGroup(name: RegExp) {
  return screen.getByRole('region', { name })
}

describe('the roster', () => {
  it('lists the links grouped by role, primary first, with contact links', async () => {
    renderApp('/properties/1')
    expect(await screen.findByRole('heading', { level: 1, name: 'Elm Circle Ranch' })).toBeVisible()
    const rosterHeading = await screen.findByRole('heading', {
      level: 2,
      name: /Contacts on this deal/,
    })
    await waitFor(() => {
      expect(rosterHeading).toHaveTextContent('Contacts on this deal (10)')
    })

    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)
    expect(headings.slice(0, 2)).toEqual(['Sellers (2)', 'Buyers (2)'])

    const sellers = within(roleGroup(/^Sellers/))
    const entries = sellers.getAllByRole('listitem')
    expect(entries[0]).toHaveTextContent(/Eric Gonzalez\s*Primary/)
    expect(entries[1]).toHaveTextContent('Nancy Thompson')
    expect(entries[1]).not.toHaveTextContent('Primary')
    expect(sellers.getByRole('link', { name: 'eric.gonzalez@proton.me' })).toHaveAttribute(
      'href',
      'mailto:eric.gonzalez@proton.me',
    )
    expect(sellers.getByRole('link', { name: '(480) 555-0194' })).toHaveAttribute(
      'href',
      'tel:4805550194',
    )
    expect(sellers.getByRole('button', { name: 'Edit Eric Gonzalez' })).toBeEnabled()
    expect(sellers.getByRole('button', { name: 'Unlink Eric Gonzalez' })).toBeEnabled()
  })

  it('shows a loading state, then an empty state that offers to link the first contact', async () => {
    server.use(
      http.get('*/api/v1/properties/:propertyId/contacts', async () => {
        await delay(50)
        return HttpResponse.json([])
      }),
    )
    const { user } = renderApp('/properties/1')
    expect(await screen.findByText('Loading contacts…')).toBeInTheDocument()
    expect(await screen.findByText('No one is linked to this property yet.')).toBeVisible()
    await user.click(screen.getByRole('button', { name: 'Link the first contact' }))
    expect(await screen.findByRole('dialog', { name: 'Link a contact' })).toBeVisible()
  })

  it('shows an error with a retry that recovers', async () => {
    server.use(
      http.get(
        '*/api/v1/properties/:propertyId/contacts',
        () => HttpResponse.json({ message: 'Database unavailable' }, { status: 503 }),
        { once: true },
      ),
    )
    const { user } = renderApp('/properties/1')
    const alert = await findAlert(/Could not load the contacts on this deal\./)
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    await waitFor(() => {
      expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(
        'Contacts on this deal (10)',
      )
    })
  })

  it.each(['/properties/abc', '/properties/0', '/properties/99999'])(
    'shows a not-found page with a way back for %s',
    async (url) => {
      renderApp(url)
      expect(
        await screen.findByRole('heading', { level: 1, name: 'Property not found' }),
      ).toBeVisible()
      expect(screen.getByRole('link', { name: 'Back to all properties' })).toHaveAttribute(
        'href',
        '/',
      )
    },
  )

  it('shows links without a role as "Role not recorded", and can filter to them', async () => {
    // Property 4 has one link with no role (contact 54).
    const { user } = renderApp('/properties/4')
    const showRole = await screen.findByRole('combobox', { name: 'Show role' })
    expect(showRole).toHaveDisplayValue('All roles')
    const noRole = roleGroup(/^Role not recorded/)
    expect(within(noRole).getAllByRole('listitem')).toHaveLength(1)
    await user.selectOptions(showRole, 'Role not recorded (1)')
    expect(await screen.findByText(/Showing 1 of \d+ contacts\./)).toBeVisible()
    expect(window.location.search).toBe('?role=%28none%29')
  })

  it('reads its filters from the URL and writes changes back', async () => {
    const { user } = renderApp('/properties/1?role=Buyer')
    expect(await screen.findByText(/Showing 2 of 10 contacts\./)).toBeVisible()
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Buyers (2)',
    ])
    await user.click(screen.getByRole('checkbox', { name: 'Primary only' }))
    expect(await screen.findByText(/Showing 1 of 10 contacts\./)).toBeVisible()
    expect(window.location.search).toBe('?role=Buyer&primary=1')
    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    expect(await screen.findByText('10 contacts in 7 roles.')).toBeVisible()
    expect(window.location.search).toBe('')
    // The button went with the filters: focus is on the first filter, not lost.
    await waitFor(() => {
      expect(screen.getByRole('combobox', { name: 'Show role' })).toHaveFocus()
    })
  })

  it('clears a typed search with the other filters, and it stays cleared', async () => {
    const { user } = renderApp('/properties/1')
    await user.type(await screen.findByRole('searchbox', { name: 'Find by name' }), 'Gonzalez')
    expect(await screen.findByText(/Showing 1 of 10 contacts\./)).toBeVisible()
    expect(window.location.search).toBe('?q=Gonzalez')
    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    expect(await screen.findByText('10 contacts in 7 roles.')).toBeVisible()
    expect(screen.getByRole('searchbox', { name: 'Find by name' })).toHaveValue('')
    expect(screen.getByRole('combobox', { name: 'Show role' })).toHaveFocus()
    // Past the search's debounce: the text it held before is not written back.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(window.location.search).toBe('')
    expect(screen.getByText('10 contacts in 7 roles.')).toBeVisible()
  })
})

describe('a long roster', () => {
  // Role queries walk the accessibility tree of the whole page, slow in jsdom with
  // hundreds of entries: this test reads text, labels and the DOM instead.
  const entries = () => document.querySelectorAll('section.roster li.entry')
  const groupsBox = () => document.querySelector('.roster-groups')

  /** Property 12 plus 200 more links: 20 show at once, then 150 per step. */
  function lengthenRoster() {
    const roles = ['Inspector', 'Appraiser', 'Attorney', 'Lender']
    let added = 0
    for (const contact of db.contacts.list()) {
      if (added === 200) break
      if (db.links.find(12, contact.id)) continue
      db.links.create(12, contact.id, { role: roles[added % roles.length] ?? null })
      added += 1
    }
    return db.links.list(12).length
  }

  it('shows the first entries at once and the rest in steps, busy until all are there', async () => {
    const total = lengthenRoster()
    const { user } = renderApp('/properties/12')
    const summary = new RegExp(`^${total} contacts in \\d+ roles\\.$`)
    expect(await screen.findByText(summary)).toBeInTheDocument()
    // The first step: some entries, not all, and the list says it is still filling.
    expect(entries().length).toBeGreaterThan(0)
    expect(entries().length).toBeLessThan(total)
    expect(groupsBox()).toHaveAttribute('aria-busy', 'true')

    await waitFor(() => {
      expect(groupsBox()).toHaveAttribute('aria-busy', 'false')
    })
    // Every role group ends up as far as it shows: whole, or its first 25 of a longer
    // group (with "Show all"); its heading's count is its number of links.
    let shownTotal = 0
    for (const group of document.querySelectorAll('section.role-group')) {
      const count = Number(/\((\d+)\)/.exec(group.querySelector('h3')?.textContent ?? '')?.[1])
      expect(group.querySelectorAll('li.entry')).toHaveLength(Math.min(count, 25))
      shownTotal += Math.min(count, 25)
    }
    expect(shownTotal).toBeLessThan(total)
    expect(entries()).toHaveLength(shownTotal)

    // A filter starts again from its first step; back to all roles fills up again.
    const showRole = screen.getByLabelText('Show role')
    await user.selectOptions(showRole, 'Inspector (50)')
    expect(await screen.findByText(`Showing 50 of ${total} contacts.`)).toBeInTheDocument()
    await waitFor(() => {
      expect(entries()).toHaveLength(25)
    })
    await user.selectOptions(showRole, 'All roles')
    expect(await screen.findByText(summary)).toBeInTheDocument()
    expect(entries().length).toBeLessThan(shownTotal)
    await waitFor(() => {
      expect(entries()).toHaveLength(shownTotal)
    })
  })
})

describe('linking a contact', () => {
  async function openLinkDialog() {
    const view = renderApp('/properties/1')
    await view.user.click(await screen.findByRole('button', { name: 'Link contact' }))
    const dialog = await screen.findByRole('dialog', { name: 'Link a contact' })
    return { ...view, dialog: within(dialog) }
  }

  async function chooseContact(
    user: Awaited<ReturnType<typeof openLinkDialog>>['user'],
    dialog: Awaited<ReturnType<typeof openLinkDialog>>['dialog'],
    search: string,
    name: string,
  ) {
    await user.type(dialog.getByRole('combobox', { name: 'Contact' }), search)
    await user.click(await dialog.findByRole('option', { name: new RegExp(name) }))
  }

  it('tells what is missing, on the fields, before sending anything', async () => {
    let posts = 0
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST') posts += 1
    })
    const { user, dialog } = await openLinkDialog()
    await user.click(dialog.getByRole('button', { name: 'Link contact' }))

    const contact = dialog.getByRole('combobox', { name: 'Contact' })
    await waitFor(() => {
      expect(contact).toHaveAttribute('aria-invalid', 'true')
    })
    expect(contact).toHaveAccessibleDescription(/Choose a contact/)
    expect(contact).toHaveFocus()
    const role = dialog.getByRole('combobox', { name: 'Role' })
    expect(role).toHaveAttribute('aria-invalid', 'true')
    expect(role).toHaveAccessibleDescription('Choose a role')
    expect(posts).toBe(0)
    server.events.removeAllListeners()
  })

  it('links a contact as primary and shows the previous primary demoted', async () => {
    const { user, dialog } = await openLinkDialog()
    await chooseContact(user, dialog, 'smi', 'Jordan Smith')
    await user.selectOptions(dialog.getByRole('combobox', { name: 'Role' }), 'Buyer')
    await user.click(dialog.getByRole('checkbox', { name: 'Primary contact for this role' }))
    expect(
      dialog.getByText('Tariq Weber is the primary Buyer now and will no longer be primary.'),
    ).toBeVisible()
    await user.click(dialog.getByRole('button', { name: 'Link contact' }))

    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    })
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Linked Jordan Smith as primary Buyer; Tariq Weber is no longer primary.',
    )
    const buyers = within(roleGroup(/^Buyers/))
    await waitFor(() => {
      expect(buyers.getAllByRole('listitem')[0]).toHaveTextContent(/Jordan Smith\s*Primary/)
    })
    expect(buyers.getByText('Tariq Weber').closest('li')).not.toHaveTextContent('Primary')
  })

  it('marks contacts already on the deal and does not let them be chosen', async () => {
    const { user, dialog } = await openLinkDialog()
    await user.type(dialog.getByRole('combobox', { name: 'Contact' }), 'Gonzalez')
    const option = await dialog.findByRole('option', { name: /Eric Gonzalez/ })
    expect(option).toHaveTextContent('Already on this deal as Seller')
    expect(option).toHaveAttribute('aria-disabled', 'true')
  })

  it('puts server field errors on their fields and keeps what was typed', async () => {
    server.use(
      http.post(
        '*/api/v1/properties/:propertyId/contacts',
        () =>
          HttpResponse.json(
            {
              message: 'The given data was invalid.',
              // Listed notes first: focus still goes to the first field in the form.
              errors: { notes: ['Notes mention a blocked word.'], role: ['Role is not allowed.'] },
            },
            { status: 400 },
          ),
        { once: true },
      ),
    )
    const { user, dialog } = await openLinkDialog()
    await chooseContact(user, dialog, 'smi', 'Rosa Smith')
    await user.selectOptions(dialog.getByRole('combobox', { name: 'Role' }), 'Inspector')
    await user.type(dialog.getByRole('textbox', { name: /Notes/ }), 'Call before noon')
    await user.click(dialog.getByRole('button', { name: 'Link contact' }))

    const notes = dialog.getByRole('textbox', { name: /Notes/ })
    await waitFor(() => {
      expect(notes).toHaveAttribute('aria-invalid', 'true')
    })
    expect(notes).toHaveAccessibleDescription(/Notes mention a blocked word\./)
    const role = dialog.getByRole('combobox', { name: 'Role' })
    expect(role).toHaveAccessibleDescription(/Role is not allowed\./)
    expect(role).toHaveFocus()
    expect(notes).toHaveValue('Call before noon')
    expect(dialog.getByRole('combobox', { name: 'Contact' })).toHaveValue('Rosa Smith')
    expect(dialog.getByRole('combobox', { name: 'Role' })).toHaveValue('Inspector')
  })

  it('says when the contact is already linked, and as what, and refreshes the roster', async () => {
    const { user, dialog } = await openLinkDialog()
    // Someone else links Rosa Smith now; this screen does not know yet.
    db.links.create(1, 212, { role: 'Lender' })
    await chooseContact(user, dialog, 'smi', 'Rosa Smith')
    await user.selectOptions(dialog.getByRole('combobox', { name: 'Role' }), 'Lender')
    await user.click(dialog.getByRole('button', { name: 'Link contact' }))
    const contact = dialog.getByRole('combobox', { name: 'Contact' })
    await waitFor(() => {
      expect(contact).toHaveAccessibleDescription(
        expect.stringContaining(
          'Rosa Smith was linked to this deal meanwhile, as Lender; the roster is refreshed.',
        ),
      )
    })
    expect(screen.getByRole('dialog', { name: 'Link a contact' })).toBeVisible()
    // The 409 says our copy is out of date: the roster is read again and shows her.
    await waitFor(() => {
      expect(
        screen.getByRole('heading', { level: 2, name: /Contacts on this deal/, hidden: true }),
      ).toHaveTextContent('Contacts on this deal (11)')
    })
    expect(db.links.list(1).filter((link) => link.contact_id === 212)).toHaveLength(1)
  })

  it('keeps the dialog and its input when the server fails, and creates nothing', async () => {
    server.use(
      http.post(
        '*/api/v1/properties/:propertyId/contacts',
        () => HttpResponse.json({ message: 'boom' }, { status: 500 }),
        { once: true },
      ),
    )
    const { user, dialog } = await openLinkDialog()
    await chooseContact(user, dialog, 'smi', 'Walter Smith')
    await user.selectOptions(dialog.getByRole('combobox', { name: 'Role' }), 'Appraiser')
    await user.click(dialog.getByRole('button', { name: 'Link contact' }))
    // A 5xx may come after the write landed: "may have been saved", not "Nothing was saved".
    await findAlert(
      /^The server did not confirm this link\. It may have been saved — the roster is refreshed; check it before trying again\. Walter Smith is not on it yet\.$/,
    )
    expect(dialog.getByRole('combobox', { name: 'Role' })).toHaveValue('Appraiser')
    expect(db.links.list(1).some((link) => link.contact_id === 340)).toBe(false)
  })
})

describe('editing a link', () => {
  it('shows a new primary at once, and on a refusal rolls back and keeps the dialog with its input', async () => {
    server.use(
      http.put(
        '*/api/v1/properties/:propertyId/contacts/:contactId',
        async () => {
          await delay(100)
          return HttpResponse.json({ message: 'Locked by another user' }, { status: 423 })
        },
        { once: true },
      ),
    )
    const { user } = renderApp('/properties/1')
    await user.click(await screen.findByRole('button', { name: 'Edit Patrick Garcia' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Edit Patrick Garcia' }))
    await user.click(dialog.getByRole('checkbox', { name: 'Primary contact for this role' }))
    await user.click(dialog.getByRole('button', { name: 'Save changes' }))

    // At once: Patrick is primary, Tariq demoted, before the server answers.
    const buyers = within(roleGroup(/^Buyers/))
    await waitFor(() => {
      expect(buyers.getAllByRole('listitem')[0]).toHaveTextContent(/Patrick Garcia\s*Primary/)
    })
    expect(buyers.getByText('Tariq Weber').closest('li')).not.toHaveTextContent('Primary')

    // Then the refusal: rolled back, and said in the dialog, which keeps what was entered.
    expect(
      await dialog.findByText(/Could not save changes to Patrick Garcia\. Locked by another user/),
    ).toBeVisible()
    await waitFor(() => {
      expect(buyers.getAllByRole('listitem')[0]).toHaveTextContent(/Tariq Weber\s*Primary/)
    })
    expect(dialog.getByRole('checkbox', { name: 'Primary contact for this role' })).toBeChecked()
    // Saving again works once the server lets it.
    await user.click(dialog.getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByText('Saved changes to Patrick Garcia.')).toBeVisible()
    const patrick = db.contacts
      .list()
      .find((contact) => contact.first_name === 'Patrick' && contact.last_name === 'Garcia')
    expect(patrick && db.links.find(1, patrick.id)?.primary).toBe(true)
  })

  it('saves a role change and settles on the server state', async () => {
    const { user } = renderApp('/properties/1')
    await user.click(await screen.findByRole('button', { name: 'Edit Nancy Thompson' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Edit Nancy Thompson' }))
    await user.selectOptions(dialog.getByRole('combobox', { name: 'Role' }), 'Buyer')
    await user.clear(dialog.getByRole('textbox', { name: /Notes/ }))
    await user.click(dialog.getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByText('Saved changes to Nancy Thompson.')).toBeVisible()
    await waitFor(() => {
      expect(within(roleGroup(/^Buyers/)).getByText('Nancy Thompson')).toBeVisible()
    })
    expect(db.links.find(1, 242)).toMatchObject({ role: 'Buyer', notes: null })
    // Her entry moved to Buyers, Edit button and all: focus followed it.
    expect(
      within(roleGroup(/^Buyers/)).getByRole('button', { name: 'Edit Nancy Thompson' }),
    ).toHaveFocus()
  })
})

describe('dialogs start where the work is', () => {
  it('focuses the first field, or Cancel in a confirmation', async () => {
    const { user } = renderApp('/properties/1')
    await user.click(await screen.findByRole('button', { name: 'Link contact' }))
    const link = within(await screen.findByRole('dialog', { name: 'Link a contact' }))
    await waitFor(() => {
      expect(link.getByRole('combobox', { name: 'Contact' })).toHaveFocus()
    })
    await user.keyboard('{Escape}')
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    })

    await user.click(screen.getByRole('button', { name: 'Edit Nancy Thompson' }))
    const edit = within(await screen.findByRole('dialog', { name: 'Edit Nancy Thompson' }))
    await waitFor(() => {
      expect(edit.getByRole('combobox', { name: 'Role' })).toHaveFocus()
    })
    await user.keyboard('{Escape}')
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    })

    await user.click(screen.getByRole('button', { name: 'Unlink Nancy Thompson' }))
    const unlink = within(await screen.findByRole('dialog', { name: 'Unlink Nancy Thompson?' }))
    await waitFor(() => {
      expect(unlink.getByRole('button', { name: 'Cancel' })).toHaveFocus()
    })
  })
})

describe('unlinking', () => {
  it('asks first, unlinks, and Undo links the contact again as before', async () => {
    const before = db.links.find(1, 343)
    const { user } = renderApp('/properties/1')
    await user.click(await screen.findByRole('button', { name: 'Unlink Eric Gonzalez' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Unlink Eric Gonzalez?' }))
    expect(dialog.getByText(/removed from this deal as Seller \(primary contact\)/)).toBeVisible()
    await user.click(dialog.getByRole('button', { name: 'Unlink' }))

    const status = await screen.findByRole('status')
    await waitFor(() => {
      expect(status).toHaveTextContent('Unlinked Eric Gonzalez (Seller).')
    })
    expect(screen.queryByText('Eric Gonzalez')).not.toBeInTheDocument()
    expect(db.links.find(1, 343)).toBeUndefined()

    await user.click(within(status).getByRole('button', { name: 'Undo' }))
    await waitFor(() => {
      expect(status).toHaveTextContent('Linked Eric Gonzalez (Seller) again.')
    })
    // Undo went with its message: focus is on the roster heading, not lost.
    expect(screen.getByRole('heading', { level: 2, name: /^Contacts on this deal/ })).toHaveFocus()
    expect(within(roleGroup(/^Sellers/)).getAllByRole('listitem')[0]).toHaveTextContent(
      /Eric Gonzalez\s*Primary/,
    )
    expect(db.links.find(1, 343)).toMatchObject({
      role: before?.role,
      primary: true,
      start_date: before?.start_date,
      notes: before?.notes,
    })
  })

  it('puts the entry back and says why when the server refuses', async () => {
    server.use(
      http.delete(
        '*/api/v1/properties/:propertyId/contacts/:contactId',
        () => HttpResponse.json({ message: 'Method Not Allowed' }, { status: 405 }),
        { once: true },
      ),
    )
    const { user } = renderApp('/properties/1')
    await user.click(await screen.findByRole('button', { name: 'Unlink Nancy Thompson' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Unlink Nancy Thompson?' }))
    await user.click(dialog.getByRole('button', { name: 'Unlink' }))
    await findAlert(
      /Could not unlink Nancy Thompson \(Seller\)\. The server does not allow this operation\./,
    )
    expect(within(roleGroup(/^Sellers/)).getByText('Nancy Thompson')).toBeVisible()
  })
})
