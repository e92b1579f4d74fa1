import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { db } from '../../../src/mocks/db'
import { server } from '../../../src/mocks/node'
import { renderApp } from '../../test-utils'
import {
  LINKS,
  SERVER_PROBLEM,
  addRow,
  cellOf,
  contactBox,
  expectOnePrimaryPerRole,
  findAlert,
  openSetup,
  pick,
  planContacts,
  primaryBox,
  recordWrites,
  reviewPlan,
  roleSelect,
  row,
  rosterOf,
  type User,
} from './setup-helpers'

// Seed facts. Property 1 ("Elm Circle Ranch"): Seller Eric Gonzalez (343, primary),
// Seller Nancy Thompson (242); Buyer Tariq Weber (110, primary), Buyer Patrick Garcia
// (2); Listing Agent Fatima Gomez (252, primary), Listing Agent Diego Moore (168);
// Buyer Agent Julie Wood (197, primary). The Smiths (Jordan 7, Emily 58, Marcus 133,
// Rosa 212, Walter 340) are on no roster of property 1.
// Property 5 ("535 Dogwood Rd Purchase"): Buyer Elizabeth Baker (176, primary), Buyer
// Agent Patrick Stewart (148, primary), Lender Maria Clark (201, primary), no sellers
// and no listing agent.

afterEach(() => {
  server.events.removeAllListeners()
  // The page keeps its unsent draft there; each test starts without one.
  window.sessionStorage.clear()
})

describe('transaction setup: the form', () => {
  it('starts with one seller, one buyer and both agents, primary, and no other parties', async () => {
    await openSetup()
    for (const name of ['Sellers (1)', 'Buyers (1)', 'Agents (2)', 'Other parties (0)']) {
      expect(screen.getByRole('region', { name })).toBeVisible()
    }
    expect(screen.getByText('No other parties in this setup.')).toBeVisible()
    for (const name of ['Seller 1', 'Buyer 1', 'Agent 1', 'Agent 2']) {
      expect(contactBox(name)).toHaveValue('')
      expect(primaryBox(name)).toBeChecked()
    }
    expect(roleSelect('Agent 1')).toHaveDisplayValue('Listing Agent')
    expect(roleSelect('Agent 2')).toHaveDisplayValue('Buyer Agent')
    // Sellers and buyers have their role by section: no role select on those rows.
    expect(row('Seller 1').queryByRole('combobox', { name: 'Role' })).not.toBeInTheDocument()
    expect(row('Buyer 1').queryByRole('combobox', { name: 'Role' })).not.toBeInTheDocument()
  })

  it('puts "Pick a contact or remove this row" on every empty row, and sends nothing', async () => {
    const { user } = await openSetup()
    const writes = recordWrites()
    await user.click(screen.getByRole('button', { name: 'Review plan' }))

    const seller = contactBox('Seller 1')
    await waitFor(() => {
      expect(seller).toHaveAttribute('aria-invalid', 'true')
    })
    for (const name of ['Seller 1', 'Buyer 1', 'Agent 1', 'Agent 2']) {
      expect(contactBox(name)).toHaveAttribute('aria-invalid', 'true')
      expect(contactBox(name)).toHaveAccessibleDescription(/Pick a contact or remove this row/)
    }
    // The first problem takes focus, so a keyboard user starts where the fix is.
    expect(seller).toHaveFocus()
    expect(screen.queryByRole('heading', { name: 'Review the plan' })).not.toBeInTheDocument()
    expect(writes).toEqual([])

    // Fixing a row clears its message (and only its).
    await pick(user, 'Seller 1', 'Jordan', 'Jordan Smith')
    await waitFor(() => {
      expect(contactBox('Seller 1')).toHaveAttribute('aria-invalid', 'false')
    })
    expect(contactBox('Seller 1')).not.toHaveAccessibleDescription(/Pick a contact/)
    expect(contactBox('Buyer 1')).toHaveAccessibleDescription(/Pick a contact or remove this row/)
  })

  it('says a contact is already in the form on the second row that has them', async () => {
    const { user } = await openSetup()
    const writes = recordWrites()
    await pick(user, 'Seller 1', 'Eric Gon', 'Eric Gonzalez')
    await pick(user, 'Buyer 1', 'Eric Gon', 'Eric Gonzalez')
    await pick(user, 'Agent 1', 'Jordan', 'Jordan Smith')
    await pick(user, 'Agent 2', 'Emily', 'Emily Smith')
    await user.click(screen.getByRole('button', { name: 'Review plan' }))

    const buyer = contactBox('Buyer 1')
    await waitFor(() => {
      expect(buyer).toHaveAttribute('aria-invalid', 'true')
    })
    expect(buyer).toHaveAccessibleDescription(
      /Eric Gonzalez is listed twice, at Seller 1 and Buyer 1/,
    )
    expect(contactBox('Seller 1')).toHaveAttribute('aria-invalid', 'false')
    expect(contactBox('Seller 1')).not.toHaveAccessibleDescription(/listed twice/)
    expect(buyer).toHaveFocus()
    expect(writes).toEqual([])
  })

  it('puts "only one primary" on both primary checkboxes of a role, and clears it when fixed', async () => {
    const { user } = await openSetup()
    const writes = recordWrites()
    await addRow(user, 'Add seller', 'Seller 2')
    expect(screen.getByRole('region', { name: 'Sellers (2)' })).toBeVisible()
    // A second seller is not primary by default.
    expect(primaryBox('Seller 2')).not.toBeChecked()
    await pick(user, 'Seller 1', 'Jordan', 'Jordan Smith')
    await pick(user, 'Seller 2', 'Emily', 'Emily Smith')
    await user.click(primaryBox('Seller 2'))
    await pick(user, 'Buyer 1', 'Marcus', 'Marcus Smith')
    await pick(user, 'Agent 1', 'Rosa', 'Rosa Smith')
    await pick(user, 'Agent 2', 'Walter', 'Walter Smith')
    await user.click(screen.getByRole('button', { name: 'Review plan' }))

    const message = 'Only one primary per role: Seller is primary at Seller 1 and Seller 2.'
    for (const name of ['Seller 1', 'Seller 2']) {
      await waitFor(() => {
        expect(primaryBox(name)).toHaveAttribute('aria-invalid', 'true')
      })
      expect(primaryBox(name)).toHaveAccessibleDescription(message)
    }
    // The contacts are fine: only the primary flags are at fault.
    expect(contactBox('Seller 1')).toHaveAttribute('aria-invalid', 'false')
    expect(contactBox('Seller 2')).toHaveAttribute('aria-invalid', 'false')
    // Other roles' primaries are not in the way.
    expect(primaryBox('Buyer 1')).toHaveAttribute('aria-invalid', 'false')
    expect(writes).toEqual([])

    await user.click(primaryBox('Seller 1'))
    await waitFor(() => {
      expect(primaryBox('Seller 1')).toHaveAttribute('aria-invalid', 'false')
    })
    expect(primaryBox('Seller 1')).not.toHaveAccessibleDescription(/Only one primary/)
    expect(primaryBox('Seller 2')).not.toHaveAccessibleDescription(/Only one primary/)
    await reviewPlan(user)
    expect(
      screen.getByText('5 to link, 0 to update, 0 already in place. Nobody is unlinked.'),
    ).toBeVisible()
    expect(cellOf('Jordan Smith', 'Primary')).toHaveTextContent('—')
    expect(cellOf('Emily Smith', 'Primary')).toHaveTextContent('Primary')
    expect(writes).toEqual([])
  })

  // A message about two rows must be refreshed on both, not only on the row changed.
  it('clears "only one primary" from both rows when one of them is fixed', async () => {
    const { user } = await openSetup()
    await addRow(user, 'Add seller', 'Seller 2')
    await pick(user, 'Seller 1', 'Jordan', 'Jordan Smith')
    await pick(user, 'Seller 2', 'Emily', 'Emily Smith')
    await user.click(primaryBox('Seller 2'))
    await user.click(screen.getByRole('button', { name: 'Review plan' }))
    await waitFor(() => {
      expect(primaryBox('Seller 2')).toHaveAttribute('aria-invalid', 'true')
    })
    await user.click(primaryBox('Seller 1'))
    await waitFor(() => {
      expect(primaryBox('Seller 1')).toHaveAttribute('aria-invalid', 'false')
    })
    // Seller 2 must not keep saying "Seller is primary at Seller 1 and Seller 2".
    await waitFor(
      () => {
        expect(primaryBox('Seller 2')).toHaveAttribute('aria-invalid', 'false')
      },
      { timeout: 500 },
    )
  })

  // The same for duplicates: changing the first row's contact clears the second's.
  it('clears "listed twice" when the first row changes contact', async () => {
    const { user } = await openSetup()
    await pick(user, 'Seller 1', 'Eric Gon', 'Eric Gonzalez')
    await pick(user, 'Buyer 1', 'Eric Gon', 'Eric Gonzalez')
    await user.click(screen.getByRole('button', { name: 'Review plan' }))
    await waitFor(() => {
      expect(contactBox('Buyer 1')).toHaveAccessibleDescription(/listed twice/)
    })
    await user.clear(contactBox('Seller 1'))
    await pick(user, 'Seller 1', 'Jordan', 'Jordan Smith')
    await waitFor(
      () => {
        expect(contactBox('Buyer 1')).toHaveAttribute('aria-invalid', 'false')
      },
      { timeout: 500 },
    )
  })

  it('asks for a role on another party, and for the text of an "Other…" role', async () => {
    const { user } = await openSetup()
    const writes = recordWrites()
    await pick(user, 'Seller 1', 'Jordan', 'Jordan Smith')
    await pick(user, 'Buyer 1', 'Emily', 'Emily Smith')
    await pick(user, 'Agent 1', 'Marcus', 'Marcus Smith')
    await pick(user, 'Agent 2', 'Rosa', 'Rosa Smith')

    await addRow(user, 'Add another party', 'Party 1')
    expect(screen.getByRole('region', { name: 'Other parties (1)' })).toBeVisible()
    await pick(user, 'Party 1', 'Walter', 'Walter Smith')
    // Another party is not primary unless said, and has no role yet.
    expect(primaryBox('Party 1')).not.toBeChecked()
    expect(roleSelect('Party 1')).toHaveDisplayValue('Choose a role…')
    // Sellers, buyers and agents have their own sections: not offered here.
    const offered = within(roleSelect('Party 1'))
      .getAllByRole('option')
      .map((option) => option.textContent)
    expect(offered).toEqual(expect.arrayContaining(['Lender', 'Inspector', 'Other…']))
    expect(offered).not.toEqual(expect.arrayContaining(['Seller']))
    expect(offered).not.toEqual(expect.arrayContaining(['Listing Agent']))

    await user.click(screen.getByRole('button', { name: 'Review plan' }))
    await waitFor(() => {
      expect(roleSelect('Party 1')).toHaveAttribute('aria-invalid', 'true')
    })
    expect(roleSelect('Party 1')).toHaveAccessibleDescription('Choose a role')

    expect(row('Party 1').queryByRole('textbox', { name: 'Other role' })).not.toBeInTheDocument()
    await user.selectOptions(roleSelect('Party 1'), 'Other…')
    const otherRole = await row('Party 1').findByRole('textbox', { name: 'Other role' })
    await user.type(otherRole, '   ')
    await user.click(screen.getByRole('button', { name: 'Review plan' }))
    await waitFor(() => {
      expect(otherRole).toHaveAttribute('aria-invalid', 'true')
    })
    expect(otherRole).toHaveAccessibleDescription('Type the role')
    expect(roleSelect('Party 1')).toHaveAttribute('aria-invalid', 'false')
    expect(writes).toEqual([])

    await user.type(otherRole, 'Home Warranty')
    await waitFor(() => {
      expect(otherRole).toHaveAttribute('aria-invalid', 'false')
    })
    await reviewPlan(user)
    expect(cellOf('Walter Smith', 'Role')).toHaveTextContent('Home Warranty')
    expect(writes).toEqual([])
  })

  it('refuses an "Other…" role that mixes alphabets, on its field, and sends nothing', async () => {
    const { user } = await openSetup()
    const writes = recordWrites()
    await pick(user, 'Seller 1', 'Jordan', 'Jordan Smith')
    await pick(user, 'Buyer 1', 'Emily', 'Emily Smith')
    await pick(user, 'Agent 1', 'Marcus', 'Marcus Smith')
    await pick(user, 'Agent 2', 'Rosa', 'Rosa Smith')
    await addRow(user, 'Add another party', 'Party 1')
    await pick(user, 'Party 1', 'Walter', 'Walter Smith')
    await user.selectOptions(roleSelect('Party 1'), 'Other…')
    const otherRole = await row('Party 1').findByRole('textbox', { name: 'Other role' })
    await user.type(otherRole, 'Insp\u0435ctor')
    await user.click(screen.getByRole('button', { name: 'Review plan' }))
    await waitFor(() => {
      expect(otherRole).toHaveAttribute('aria-invalid', 'true')
    })
    expect(otherRole).toHaveAccessibleDescription(
      'Role mixes letters from different alphabets (Latin and Cyrillic); retype it',
    )
    expect(writes).toEqual([])
  })

  it('adds, reorders and removes rows; the contact and its flags move with the row', async () => {
    const { user } = await openSetup()
    await pick(user, 'Seller 1', 'Jordan', 'Jordan Smith')
    await addRow(user, 'Add seller', 'Seller 2')
    await pick(user, 'Seller 2', 'Emily', 'Emily Smith')
    await addRow(user, 'Add seller', 'Seller 3')
    await pick(user, 'Seller 3', 'Marcus', 'Marcus Smith')
    expect(screen.getByRole('region', { name: 'Sellers (3)' })).toBeVisible()

    // The first cannot go up, the last cannot go down.
    expect(row('Seller 1').getByRole('button', { name: 'Move Seller 1 up' })).toBeDisabled()
    expect(row('Seller 3').getByRole('button', { name: 'Move Seller 3 down' })).toBeDisabled()
    expect(row('Seller 2').getByRole('button', { name: 'Move Seller 2 up' })).toBeEnabled()

    await user.click(row('Seller 2').getByRole('button', { name: 'Move Seller 2 up' }))
    await waitFor(() => {
      expect(contactBox('Seller 1')).toHaveValue('Emily Smith')
    })
    // Focus stays on the moved row: its "up" is disabled at the top, so on "down".
    await waitFor(() => {
      expect(row('Seller 1').getByRole('button', { name: 'Move Seller 1 down' })).toHaveFocus()
    })
    expect(contactBox('Seller 2')).toHaveValue('Jordan Smith')
    expect(contactBox('Seller 3')).toHaveValue('Marcus Smith')
    // Jordan's primary flag went with Jordan.
    expect(primaryBox('Seller 1')).not.toBeChecked()
    expect(primaryBox('Seller 2')).toBeChecked()

    await user.click(row('Seller 2').getByRole('button', { name: 'Move Seller 2 down' }))
    await waitFor(() => {
      expect(contactBox('Seller 3')).toHaveValue('Jordan Smith')
    })
    await waitFor(() => {
      expect(row('Seller 3').getByRole('button', { name: 'Move Seller 3 up' })).toHaveFocus()
    })
    expect(contactBox('Seller 2')).toHaveValue('Marcus Smith')
    expect(primaryBox('Seller 3')).toBeChecked()

    await user.click(row('Seller 1').getByRole('button', { name: 'Remove Seller 1' }))
    await waitFor(() => {
      expect(screen.getByRole('region', { name: 'Sellers (2)' })).toBeVisible()
    })
    expect(contactBox('Seller 1')).toHaveValue('Marcus Smith')
    expect(contactBox('Seller 2')).toHaveValue('Jordan Smith')
    expect(screen.queryByRole('group', { name: 'Seller 3' })).not.toBeInTheDocument()
    // Focus moves to the row that took the removed one's place.
    await waitFor(() => {
      expect(row('Seller 1').getByRole('button', { name: 'Remove Seller 1' })).toHaveFocus()
    })
    // Removing the last row focuses the one before it.
    await user.click(row('Seller 2').getByRole('button', { name: 'Remove Seller 2' }))
    await waitFor(() => {
      expect(row('Seller 1').getByRole('button', { name: 'Remove Seller 1' })).toHaveFocus()
    })
    await addRow(user, 'Add seller', 'Seller 2')
    await pick(user, 'Seller 2', 'Jordan', 'Jordan Smith')

    // The order is the order of the plan.
    await pick(user, 'Buyer 1', 'Rosa', 'Rosa Smith')
    await user.click(row('Agent 2').getByRole('button', { name: 'Remove Agent 2' }))
    await pick(user, 'Agent 1', 'Walter', 'Walter Smith')
    await reviewPlan(user)
    expect(planContacts()).toEqual(['Marcus Smith', 'Jordan Smith', 'Rosa Smith', 'Walter Smith'])
  })

  it('asks for at least one contact when every row was removed', async () => {
    const { user } = await openSetup()
    const writes = recordWrites()
    for (const name of ['Seller 1', 'Buyer 1', 'Agent 2', 'Agent 1']) {
      await user.click(row(name).getByRole('button', { name: `Remove ${name}` }))
    }
    expect(screen.getByRole('region', { name: 'Agents (0)' })).toBeVisible()
    expect(screen.getByText('No sellers in this setup.')).toBeVisible()
    await user.click(screen.getByRole('button', { name: 'Review plan' }))
    expect(await findAlert(/Add at least one contact before reviewing\./)).toBeVisible()
    expect(writes).toEqual([])
  })

  it('has a Cancel link back to the property, which leaves an untouched form at once', async () => {
    const { user } = await openSetup()
    const cancel = screen.getByRole('link', { name: 'Cancel' })
    expect(cancel).toHaveAttribute('href', '/properties/1')
    expect(
      within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('link', {
        name: 'Elm Circle Ranch',
      }),
    ).toHaveAttribute('href', '/properties/1')
    await user.click(cancel)
    expect(await screen.findByRole('heading', { level: 1, name: 'Elm Circle Ranch' })).toBeVisible()
    expect(window.location.pathname).toBe('/properties/1')
  })

  it.each(['/properties/abc/setup', '/properties/0/setup', '/properties/99999/setup'])(
    'shows a not-found page for %s',
    async (url) => {
      renderApp(url)
      expect(
        await screen.findByRole('heading', { level: 1, name: 'Property not found' }),
      ).toBeVisible()
      expect(screen.getByRole('link', { name: 'Back to all properties' })).toHaveAttribute(
        'href',
        '/',
      )
      expect(screen.queryByRole('form', { name: 'Transaction setup' })).not.toBeInTheDocument()
    },
  )
})

describe('transaction setup: review and apply', () => {
  /**
   * Against property 1's roster: Nancy Thompson becomes the primary Seller (an update
   * that demotes Eric Gonzalez, kept as a non-primary Seller); Jordan Smith the new
   * primary Buyer; Fatima Gomez stays primary Listing Agent; Marcus Smith the new
   * primary Buyer Agent; Patrick Garcia moves from Buyer to Attorney; Rosa Smith
   * joins as a Lender.
   */
  async function fillMixedSetup(user: User) {
    await pick(user, 'Seller 1', 'Nancy Th', 'Nancy Thompson')
    await addRow(user, 'Add seller', 'Seller 2')
    await pick(user, 'Seller 2', 'Eric Gon', 'Eric Gonzalez')
    await pick(user, 'Buyer 1', 'Jordan', 'Jordan Smith')
    await pick(user, 'Agent 1', 'Fatima', 'Fatima Gomez')
    await pick(user, 'Agent 2', 'Marcus', 'Marcus Smith')
    await addRow(user, 'Add another party', 'Party 1')
    await pick(user, 'Party 1', 'Patrick Gar', 'Patrick Garcia')
    await user.selectOptions(roleSelect('Party 1'), 'Attorney')
    // The only one of its role, so it starts primary: this setup has it not.
    await user.click(primaryBox('Party 1'))
    await addRow(user, 'Add another party', 'Party 2')
    await pick(user, 'Party 2', 'Rosa', 'Rosa Smith')
    await user.selectOptions(roleSelect('Party 2'), 'Lender')
    // The only one of its role, so it starts primary: this setup has it not.
    await user.click(primaryBox('Party 2'))
  }

  it('reviews the plan against the current roster, then applies it with progress', async () => {
    const { user } = await openSetup()
    const before = rosterOf(1)
    await fillMixedSetup(user)
    const writes = recordWrites()
    const heading = await reviewPlan(user)
    // Reviewing reads; it writes nothing.
    expect(writes).toEqual([])
    expect(rosterOf(1)).toEqual(before)
    // Keyboard users land on the new step.
    expect(heading).toHaveFocus()

    expect(
      screen.getByText('3 to link, 2 to update, 2 already in place. Nobody is unlinked.'),
    ).toBeVisible()
    expect(screen.getByRole('table', { name: 'What the setup will do' })).toBeVisible()
    expect(planContacts()).toEqual([
      'Nancy Thompson',
      'Eric Gonzalez',
      'Jordan Smith',
      'Fatima Gomez',
      'Marcus Smith',
      'Patrick Garcia',
      'Rosa Smith',
    ])
    const planned = (name: string) => cellOf(name, 'What will happen')
    expect(planned('Nancy Thompson')).toHaveTextContent('Update (now Seller)')
    expect(planned('Eric Gonzalez')).toHaveTextContent(
      'No longer primary (Nancy Thompson takes over)',
    )
    expect(planned('Jordan Smith')).toHaveTextContent(/^Link$/)
    expect(planned('Fatima Gomez')).toHaveTextContent('Already linked this way: left alone')
    expect(planned('Marcus Smith')).toHaveTextContent(/^Link$/)
    expect(planned('Patrick Garcia')).toHaveTextContent('Update (now Buyer)')
    expect(planned('Rosa Smith')).toHaveTextContent(/^Link$/)
    expect(cellOf('Patrick Garcia', 'Role')).toHaveTextContent('Attorney')
    expect(cellOf('Nancy Thompson', 'Primary')).toHaveTextContent('Primary')
    expect(cellOf('Eric Gonzalez', 'Primary')).toHaveTextContent('—')
    expect(cellOf('Rosa Smith', 'Primary')).toHaveTextContent('—')

    // Hold the writes at the door, to see the progress while they are in flight.
    let release = () => {
      /* replaced below */
    }
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const holdWrites = async () => {
      await gate
      return undefined // on to the mock backend's own handler
    }
    server.use(http.post(LINKS, holdWrites), http.put(`${LINKS}/:contactId`, holdWrites))

    await user.click(screen.getByRole('button', { name: 'Apply 5 changes' }))
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Applying the setup…' }),
    ).toBeVisible()
    expect(screen.getByText(/^\d of 7 finished\.$/)).toHaveAttribute('role', 'status')
    expect(screen.getByRole('table', { name: 'Progress of the transaction setup' })).toBeVisible()
    expect(cellOf('Fatima Gomez', 'Result')).toHaveTextContent('Left alone')
    expect(cellOf('Jordan Smith', 'Result')).toHaveTextContent('Working…')
    expect(screen.queryByRole('link', { name: 'Back to the property' })).not.toBeInTheDocument()

    release()
    expect(await screen.findByRole('heading', { level: 2, name: 'Setup applied' })).toBeVisible()
    expect(screen.getByText('All 7 done.')).toBeVisible()
    for (const name of ['Nancy Thompson', 'Eric Gonzalez', 'Jordan Smith', 'Marcus Smith']) {
      expect(cellOf(name, 'Result')).toHaveTextContent(/^Done$/)
    }
    expect(cellOf('Patrick Garcia', 'Result')).toHaveTextContent(/^Done$/)
    expect(cellOf('Rosa Smith', 'Result')).toHaveTextContent(/^Done$/)
    expect(cellOf('Fatima Gomez', 'Result')).toHaveTextContent('Left alone')
    expect(screen.queryByRole('button', { name: 'Retry failed' })).not.toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Back to the property' })).toHaveAttribute(
      'href',
      '/properties/1',
    )

    // 3 POSTs and 2 PUTs: the skips (and the demotion) cost no request.
    expect(writes.filter((write) => write.startsWith('POST'))).toHaveLength(3)
    expect(writes.filter((write) => write.startsWith('PUT')).sort()).toEqual([
      'PUT /api/v1/properties/1/contacts/2',
      'PUT /api/v1/properties/1/contacts/242',
    ])
    expect(rosterOf(1)).toEqual({
      ...before,
      343: 'Seller',
      242: 'Seller, primary',
      110: 'Buyer',
      7: 'Buyer, primary',
      2: 'Attorney',
      252: 'Listing Agent, primary',
      197: 'Buyer Agent',
      133: 'Buyer Agent, primary',
      212: 'Lender',
    })
    expectOnePrimaryPerRole(1)
  })

  it('goes back to edit with everything kept', async () => {
    const { user } = await openSetup()
    await fillMixedSetup(user)
    await reviewPlan(user)
    await user.click(screen.getByRole('button', { name: 'Back to edit' }))
    await screen.findByRole('form', { name: 'Transaction setup' })
    // Editing starts at the first field.
    await waitFor(() => {
      expect(contactBox('Seller 1')).toHaveFocus()
    })
    expect(contactBox('Seller 1')).toHaveValue('Nancy Thompson')
    expect(contactBox('Seller 2')).toHaveValue('Eric Gonzalez')
    expect(primaryBox('Seller 2')).not.toBeChecked()
    expect(contactBox('Party 1')).toHaveValue('Patrick Garcia')
    expect(roleSelect('Party 1')).toHaveDisplayValue('Attorney')
    expect(roleSelect('Party 2')).toHaveDisplayValue('Lender')
    expect(screen.getByRole('region', { name: 'Other parties (2)' })).toBeVisible()
  })

  it('says when the roster cannot be read to plan, and stays on the form', async () => {
    const { user } = await openSetup()
    await pick(user, 'Seller 1', 'Jordan', 'Jordan Smith')
    await pick(user, 'Buyer 1', 'Emily', 'Emily Smith')
    await pick(user, 'Agent 1', 'Marcus', 'Marcus Smith')
    await pick(user, 'Agent 2', 'Rosa', 'Rosa Smith')
    server.use(
      http.get(
        LINKS,
        () => HttpResponse.json({ message: 'Database unavailable' }, { status: 503 }),
        { once: true },
      ),
    )
    await user.click(screen.getByRole('button', { name: 'Review plan' }))
    const alert = await findAlert(/Could not read the current roster to plan the setup\./)
    expect(alert).toHaveTextContent(SERVER_PROBLEM)
    expect(contactBox('Seller 1')).toHaveValue('Jordan Smith')
    // Trying again works once the server is back.
    await reviewPlan(user)
    expect(
      screen.getByText('4 to link, 0 to update, 0 already in place. Nobody is unlinked.'),
    ).toBeVisible()
  })

  it('reports failures per row and resends only the failed ones on "Retry failed"', async () => {
    // The first POST for Jordan Smith (7) and for Emily Smith (58) fails with a 500.
    const failOnce = new Set([7, 58])
    server.use(
      http.post(LINKS, async ({ request }) => {
        const body = (await request.clone().json()) as { contact_id?: number }
        if (body.contact_id !== undefined && failOnce.delete(body.contact_id)) {
          return HttpResponse.json({ message: 'Database unavailable' }, { status: 500 })
        }
        return undefined
      }),
    )
    const { user } = await openSetup()
    await pick(user, 'Seller 1', 'Jordan', 'Jordan Smith')
    await pick(user, 'Buyer 1', 'Emily', 'Emily Smith')
    await pick(user, 'Agent 1', 'Marcus', 'Marcus Smith')
    await pick(user, 'Agent 2', 'Julie W', 'Julie Wood')
    await reviewPlan(user)
    expect(
      screen.getByText('3 to link, 0 to update, 1 already in place. Nobody is unlinked.'),
    ).toBeVisible()

    const posted: number[] = []
    server.events.on('request:start', async ({ request }) => {
      if (request.method !== 'POST') return
      const body = (await request.clone().json()) as { contact_id: number }
      posted.push(body.contact_id)
    })
    await user.click(screen.getByRole('button', { name: 'Apply 3 changes' }))
    expect(await screen.findByRole('heading', { level: 2, name: 'Setup applied' })).toBeVisible()
    expect(screen.getByText('2 of 4 done, 2 failed. What is done stays done.')).toBeVisible()
    const alert = await findAlert(/could not be applied/)
    expect(alert).toHaveTextContent(
      '2 changes could not be applied: Jordan Smith, Emily Smith. See the reasons below.',
    )
    expect(cellOf('Jordan Smith', 'Result')).toHaveTextContent(`Failed: ${SERVER_PROBLEM}`)
    expect(cellOf('Emily Smith', 'Result')).toHaveTextContent(`Failed: ${SERVER_PROBLEM}`)
    expect(cellOf('Marcus Smith', 'Result')).toHaveTextContent(/^Done$/)
    expect(cellOf('Julie Wood', 'Result')).toHaveTextContent('Left alone')
    // What is done stays done; what failed is not there.
    expect(db.links.find(1, 133)).toMatchObject({ role: 'Listing Agent', primary: true })
    expect(db.links.find(1, 7)).toBeUndefined()
    expect(db.links.find(1, 58)).toBeUndefined()
    await waitFor(() => {
      expect(posted).toHaveLength(3)
    })

    await user.click(within(alert).getByRole('button', { name: 'Retry failed' }))
    expect(await screen.findByText('All 4 done.')).toBeVisible()
    // The button went away while it ran; focus is on the heading, not lost.
    expect(screen.getByRole('heading', { level: 2, name: 'Setup applied' })).toHaveFocus()
    // Only the two failed items were sent again.
    await waitFor(() => {
      expect(posted).toHaveLength(5)
    })
    expect(posted.slice(3).sort((a, b) => a - b)).toEqual([7, 58])
    expect(cellOf('Jordan Smith', 'Result')).toHaveTextContent(/^Done$/)
    expect(cellOf('Emily Smith', 'Result')).toHaveTextContent(/^Done$/)
    expect(screen.queryByRole('button', { name: 'Retry failed' })).not.toBeInTheDocument()
    expect(screen.getAllByRole('alert').map((element) => element.textContent)).not.toContain(
      expect.stringMatching(/could not be applied/),
    )

    expect(db.links.find(1, 7)).toMatchObject({ role: 'Seller', primary: true })
    expect(db.links.find(1, 58)).toMatchObject({ role: 'Buyer', primary: true })
    expect(db.links.find(1, 343)).toMatchObject({ role: 'Seller', primary: false })
    expect(db.links.find(1, 110)).toMatchObject({ role: 'Buyer', primary: false })
    expect(db.links.find(1, 252)).toMatchObject({ role: 'Listing Agent', primary: false })
    expectOnePrimaryPerRole(1)
  })

  /** Jordan Smith (7) as Seller, Emily Smith (58) as Buyer, Marcus Smith (133) as Listing Agent. */
  async function fillThreeLinks(user: User) {
    await pick(user, 'Seller 1', 'Jordan', 'Jordan Smith')
    await pick(user, 'Buyer 1', 'Emily', 'Emily Smith')
    await pick(user, 'Agent 1', 'Marcus', 'Marcus Smith')
    await pick(user, 'Agent 2', 'Julie W', 'Julie Wood')
    await reviewPlan(user)
  }

  it('takes writes answered 204 as done', async () => {
    server.use(
      http.post(LINKS, async ({ request, params }) => {
        const body = (await request.clone().json()) as { contact_id: number; role: string }
        const primary = (body as { primary?: boolean }).primary ?? false
        db.links.create(Number(params.propertyId), body.contact_id, { role: body.role, primary })
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const { user } = await openSetup()
    await fillThreeLinks(user)
    await user.click(screen.getByRole('button', { name: 'Apply 3 changes' }))
    expect(await screen.findByText('All 4 done.')).toBeVisible()
    expect(cellOf('Jordan Smith', 'Result')).toHaveTextContent(/^Done$/)
    expect(db.links.find(1, 7)).toMatchObject({ role: 'Seller', primary: true })
  })

  it('reads the roster again before it shows the outcome and offers "Retry failed"', async () => {
    let wrote = false
    let rosterReads = 0
    let release = () => {
      /* replaced below */
    }
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    server.use(
      http.post(
        LINKS,
        () => {
          wrote = true
          return HttpResponse.json({ message: 'Database unavailable' }, { status: 500 })
        },
        { once: true },
      ),
      http.get(LINKS, async () => {
        if (!wrote) return undefined
        rosterReads += 1
        await gate
        return undefined
      }),
    )
    const { user } = await openSetup()
    await fillThreeLinks(user)
    await user.click(screen.getByRole('button', { name: 'Apply 3 changes' }))
    await waitFor(() => {
      expect(rosterReads).toBe(1)
    })
    expect(screen.getByRole('heading', { level: 2, name: 'Applying the setup…' })).toBeVisible()
    expect(screen.queryByRole('button', { name: 'Retry failed' })).not.toBeInTheDocument()

    release()
    expect(await screen.findByRole('heading', { level: 2, name: 'Setup applied' })).toBeVisible()
    expect(screen.getByRole('button', { name: 'Retry failed' })).toBeVisible()
  })

  it('shows a write that got no answer and could not be checked as "may have been saved", never resent', async () => {
    server.use(
      http.post(LINKS, async ({ request }) => {
        const body = (await request.clone().json()) as { contact_id?: number }
        return body.contact_id === 7 ? HttpResponse.error() : undefined
      }),
      http.get(
        `${LINKS}/:contactId`,
        () => HttpResponse.json({ message: 'Database unavailable' }, { status: 503 }),
        { once: true },
      ),
    )
    const { user } = await openSetup()
    await fillThreeLinks(user)
    const writes = recordWrites()
    await user.click(screen.getByRole('button', { name: 'Apply 3 changes' }))
    expect(await screen.findByRole('heading', { level: 2, name: 'Setup applied' })).toBeVisible()
    expect(screen.getByText('3 of 4 done, 1 not confirmed. What is done stays done.')).toBeVisible()
    expect(cellOf('Jordan Smith', 'Result')).toHaveTextContent(/^May have been saved: /)
    expect(screen.getByText(/^One change may have been saved: Jordan Smith\./)).toBeVisible()
    expect(screen.queryByText(/could not be applied/)).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Retry failed' })).not.toBeInTheDocument()
    expect(writes.filter((write) => write.startsWith('POST'))).toHaveLength(3)
  })

  // A demotion happens with the promotion that replaces it: if that fails, the
  // old primary is still primary and must not read "Done".
  it('does not report a demotion as done when the promotion failed', async () => {
    server.use(
      http.put(
        `${LINKS}/:contactId`,
        () => HttpResponse.json({ message: 'Database unavailable' }, { status: 500 }),
        { once: true },
      ),
    )
    const { user } = await openSetup()
    await pick(user, 'Seller 1', 'Nancy Th', 'Nancy Thompson')
    await addRow(user, 'Add seller', 'Seller 2')
    await pick(user, 'Seller 2', 'Eric Gon', 'Eric Gonzalez')
    for (const name of ['Agent 2', 'Agent 1', 'Buyer 1']) {
      await user.click(row(name).getByRole('button', { name: `Remove ${name}` }))
    }
    await reviewPlan(user)
    await user.click(screen.getByRole('button', { name: 'Apply 1 change' }))
    expect(await screen.findByRole('heading', { level: 2, name: 'Setup applied' })).toHaveFocus()
    expect(cellOf('Nancy Thompson', 'Result')).toHaveTextContent(`Failed: ${SERVER_PROBLEM}`)
    // Eric is still the primary Seller on the server…
    expect(db.links.find(1, 343)).toMatchObject({ role: 'Seller', primary: true })
    // …so the page must not say his demotion is done.
    expect(cellOf('Eric Gonzalez', 'Result')).toHaveTextContent(
      'Still primary: Nancy Thompson could not take over',
    )
    expect(screen.getByText('0 of 2 done, 1 failed. What is done stays done.')).toBeVisible()

    // Resending the promotion (the only failed request) completes the demotion too.
    const writes = recordWrites()
    await user.click(screen.getByRole('button', { name: 'Retry failed' }))
    expect(await screen.findByText('All 2 done.')).toBeVisible()
    expect(writes).toEqual(['PUT /api/v1/properties/1/contacts/242'])
    expect(cellOf('Nancy Thompson', 'Result')).toHaveTextContent(/^Done$/)
    expect(cellOf('Eric Gonzalez', 'Result')).toHaveTextContent(/^Done$/)
    expect(db.links.find(1, 242)).toMatchObject({ role: 'Seller', primary: true })
    expect(db.links.find(1, 343)).toMatchObject({ role: 'Seller', primary: false })
    expectOnePrimaryPerRole(1)
  })

  it('counts what is already in place, and a second run of the same setup plans nothing', async () => {
    const fill = async (user: User) => {
      await pick(user, 'Seller 1', 'Jordan', 'Jordan Smith')
      await pick(user, 'Buyer 1', 'Elizabeth B', 'Elizabeth Baker')
      await pick(user, 'Agent 1', 'Marcus', 'Marcus Smith')
      await pick(user, 'Agent 2', 'Patrick St', 'Patrick Stewart')
      await addRow(user, 'Add another party', 'Party 1')
      await pick(user, 'Party 1', 'Maria Cl', 'Maria Clark')
      await user.selectOptions(roleSelect('Party 1'), 'Lender')
      // The only Lender: primary without being ticked.
      await waitFor(() => {
        expect(primaryBox('Party 1')).toBeChecked()
      })
    }
    const before = rosterOf(5)
    const { user } = await openSetup('/properties/5/setup')
    expect(await screen.findByText(/^535 Dogwood Rd Purchase: link the sellers/)).toBeVisible()
    await fill(user)
    await reviewPlan(user)
    expect(
      screen.getByText('2 to link, 0 to update, 3 already in place. Nobody is unlinked.'),
    ).toBeVisible()
    for (const name of ['Elizabeth Baker', 'Patrick Stewart', 'Maria Clark']) {
      expect(cellOf(name, 'What will happen')).toHaveTextContent(
        'Already linked this way: left alone',
      )
    }
    await user.click(screen.getByRole('button', { name: 'Apply 2 changes' }))
    expect(await screen.findByText('All 5 done.')).toBeVisible()
    expect(rosterOf(5)).toEqual({
      ...before,
      7: 'Seller, primary',
      133: 'Listing Agent, primary',
    })
    expectOnePrimaryPerRole(5)

    // Back to the property, and the same setup again from its "Set up transaction" link.
    await user.click(screen.getByRole('link', { name: 'Back to the property' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: '535 Dogwood Rd Purchase' }),
    ).toBeVisible()
    await user.click(await screen.findByRole('link', { name: 'Set up transaction' }))
    await screen.findByRole('form', { name: 'Transaction setup' })
    expect(contactBox('Seller 1')).toHaveValue('')
    await fill(user)
    const writes = recordWrites()
    await reviewPlan(user)
    expect(
      screen.getByText('0 to link, 0 to update, 5 already in place. Nobody is unlinked.'),
    ).toBeVisible()
    expect(screen.getByRole('button', { name: 'Nothing to apply' })).toBeDisabled()
    expect(screen.queryByRole('button', { name: /^Apply/ })).not.toBeInTheDocument()
    expect(writes).toEqual([])
  })
})
