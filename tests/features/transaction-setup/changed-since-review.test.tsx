import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { db } from '../../../src/mocks/db'
import { server } from '../../../src/mocks/node'
import {
  LINKS,
  addRow,
  cellOf,
  contactBox,
  findAlert,
  openSetup,
  pick,
  primaryBox,
  recordWrites,
  reviewPlan,
  roleSelect,
  rosterOf,
  type User,
} from './setup-helpers'

// Someone else changes the roster between the review and Apply: what they changed is
// not written over, it is said with names, and Review again plans from what is there.
// Property 1's seed: Seller Eric Gonzalez (343, primary), Seller Nancy Thompson (242);
// Buyer Tariq Weber (110, primary), Buyer Patrick Garcia (2). Jordan Smith (7) and
// Rosa Smith (212) are not on it.

afterEach(() => {
  server.events.removeAllListeners()
  // The page keeps its unsent draft there; each test starts without one.
  window.sessionStorage.clear()
})

/** Nancy Thompson as primary Seller, Jordan Smith as primary Buyer, Patrick Garcia as Attorney. */
async function fillSetup(user: User) {
  await pick(user, 'Seller 1', 'Nancy Th', 'Nancy Thompson')
  await pick(user, 'Buyer 1', 'Jordan', 'Jordan Smith')
  await user.click(screen.getByRole('button', { name: 'Remove Agent 2' }))
  await user.click(screen.getByRole('button', { name: 'Remove Agent 1' }))
  await addRow(user, 'Add another party', 'Party 1')
  await pick(user, 'Party 1', 'Patrick Gar', 'Patrick Garcia')
  await user.selectOptions(roleSelect('Party 1'), 'Attorney')
  // The only one of its role, so it starts primary: this setup has it not.
  await user.click(primaryBox('Party 1'))
}

async function applyAndWait(user: User, button: string) {
  await user.click(screen.getByRole('button', { name: button }))
  return screen.findByRole('heading', { level: 2, name: 'Setup applied' })
}

describe('transaction setup: changed since review', () => {
  it('does not write over a change made since the review, says so by name, and plans again', async () => {
    const { user } = await openSetup()
    await fillSetup(user)
    await reviewPlan(user)
    expect(cellOf('Patrick Garcia', 'What will happen')).toHaveTextContent('Update (now Buyer)')

    // A colleague makes Patrick Garcia a Seller while this review is open.
    db.links.update(1, 2, { role: 'Seller' })
    const writes = recordWrites()
    await applyAndWait(user, 'Apply 3 changes')

    expect(
      screen.getByText('2 of 3 done, 1 changed since review. What is done stays done.'),
    ).toHaveAttribute('role', 'status')
    const alert = await findAlert(/not written/)
    expect(within(alert).getByRole('listitem')).toHaveTextContent(
      'Patrick Garcia — changed since review: role Buyer → Seller; not written',
    )
    expect(cellOf('Patrick Garcia', 'Result')).toHaveTextContent(
      'Changed since review: role Buyer → Seller; not written',
    )
    expect(cellOf('Nancy Thompson', 'Result')).toHaveTextContent(/^Done$/)
    expect(cellOf('Jordan Smith', 'Result')).toHaveTextContent(/^Done$/)
    // The colleague's change is intact, and nothing offers to resend over it.
    expect(rosterOf(1)[2]).toBe('Seller')
    expect(screen.queryByRole('button', { name: 'Retry failed' })).not.toBeInTheDocument()
    expect(writes.filter((write) => write.endsWith('/contacts/2'))).toEqual([
      'PUT /api/v1/properties/1/contacts/2',
    ])

    // Review again: the same input against the roster as it is now.
    await user.click(within(alert).getByRole('button', { name: 'Review again' }))
    const heading = await screen.findByRole('heading', { level: 2, name: 'Review the plan' })
    await waitFor(() => {
      expect(heading).toHaveFocus()
    })
    expect(screen.getByText(/^Planned again against the roster as it is now/)).toBeVisible()
    expect(
      screen.getByText('0 to link, 1 to update, 2 already in place. Nobody is unlinked.'),
    ).toBeVisible()
    expect(cellOf('Patrick Garcia', 'What will happen')).toHaveTextContent('Update (now Seller)')
    expect(cellOf('Nancy Thompson', 'What will happen')).toHaveTextContent(
      'Already linked this way: left alone',
    )
    expect(cellOf('Jordan Smith', 'What will happen')).toHaveTextContent(
      'Already linked this way: left alone',
    )

    // Leaving now would lose only what is not applied yet, and the question says so.
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false)
    const breadcrumb = screen.getByRole('navigation', { name: 'Breadcrumb' })
    const propertyLink = within(breadcrumb).getAllByRole('link').at(-1)
    if (!propertyLink) throw new Error('No link back to the property')
    await user.click(propertyLink)
    expect(confirm).toHaveBeenCalledWith(
      'Discard the rest of this transaction setup? What was applied stays applied; the rest has not been sent.',
    )
    expect(screen.getByRole('heading', { level: 2, name: 'Review the plan' })).toBeVisible()
    confirm.mockRestore()

    // The input is kept as it was entered.
    await user.click(screen.getByRole('button', { name: 'Back to edit' }))
    await screen.findByRole('form', { name: 'Transaction setup' })
    expect(contactBox('Seller 1')).toHaveValue('Nancy Thompson')
    expect(contactBox('Buyer 1')).toHaveValue('Jordan Smith')
    expect(contactBox('Party 1')).toHaveValue('Patrick Garcia')
    expect(roleSelect('Party 1')).toHaveValue('Attorney')

    await reviewPlan(user)
    await applyAndWait(user, 'Apply 1 change')
    expect(screen.getByText('All 3 done.')).toBeVisible()
    expect(rosterOf(1)).toMatchObject({
      242: 'Seller, primary',
      7: 'Buyer, primary',
      2: 'Attorney',
    })
  })

  it('says who was linked or removed meanwhile, and Retry failed resends only what failed', async () => {
    const { user } = await openSetup()
    await fillSetup(user)
    await addRow(user, 'Add another party', 'Party 2')
    await pick(user, 'Party 2', 'Rosa', 'Rosa Smith')
    await user.selectOptions(roleSelect('Party 2'), 'Lender')
    // The only one of its role, so it starts primary: this setup has it not.
    await user.click(primaryBox('Party 2'))
    await reviewPlan(user)

    // Meanwhile: someone links Jordan Smith as a Seller and removes Patrick Garcia;
    // Rosa Smith's link fails once.
    db.links.create(1, 7, { role: 'Seller', primary: false })
    db.links.remove(1, 2)
    server.use(
      http.post(
        LINKS,
        async ({ request }) => {
          const body = (await request.clone().json()) as { contact_id: number }
          if (body.contact_id !== 212) return undefined
          return HttpResponse.json({ message: 'Busy' }, { status: 503 })
        },
        { once: true },
      ),
    )
    await applyAndWait(user, 'Apply 4 changes')

    expect(
      screen.getByText('1 of 4 done, 2 changed since review, 1 failed. What is done stays done.'),
    ).toBeVisible()
    const changed = await findAlert(/not written/)
    expect(
      within(changed)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Jordan Smith — was linked since review as Seller; not written',
      'Patrick Garcia — was removed from this deal since review; not written',
    ])
    expect(cellOf('Patrick Garcia', 'Result')).toHaveTextContent(
      'Removed from this deal since review; not written',
    )
    expect(rosterOf(1)[7]).toBe('Seller')
    expect(rosterOf(1)[2]).toBeUndefined()

    const writes = recordWrites()
    const failed = await findAlert(/could not be applied/)
    await user.click(within(failed).getByRole('button', { name: 'Retry failed' }))
    expect(
      await screen.findByText('2 of 4 done, 2 changed since review. What is done stays done.'),
    ).toBeVisible()
    // Only Rosa Smith's link was sent again; the changed ones stay unwritten.
    expect(writes).toEqual(['POST /api/v1/properties/1/contacts'])
    expect(rosterOf(1)).toMatchObject({ 7: 'Seller', 212: 'Lender' })
    expect(rosterOf(1)[2]).toBeUndefined()
  })

  it('does not call a demotion done when the promotion behind it changed since review', async () => {
    const { user } = await openSetup()
    // Nancy Thompson to become the primary Seller, which would demote Eric Gonzalez.
    await pick(user, 'Seller 1', 'Nancy Th', 'Nancy Thompson')
    await addRow(user, 'Add seller', 'Seller 2')
    await pick(user, 'Seller 2', 'Eric Gon', 'Eric Gonzalez')
    await user.click(screen.getByRole('button', { name: 'Remove Buyer 1' }))
    await user.click(screen.getByRole('button', { name: 'Remove Agent 2' }))
    await user.click(screen.getByRole('button', { name: 'Remove Agent 1' }))
    await reviewPlan(user)
    expect(cellOf('Eric Gonzalez', 'What will happen')).toHaveTextContent(
      'No longer primary (Nancy Thompson takes over)',
    )
    db.links.update(1, 242, { role: 'Tenant' })

    await applyAndWait(user, 'Apply 1 change')

    expect(
      screen.getByText('0 of 2 done, 1 changed since review. What is done stays done.'),
    ).toBeVisible()
    expect(cellOf('Eric Gonzalez', 'Result')).toHaveTextContent(
      'Not demoted: Nancy Thompson changed since review',
    )
    expect(rosterOf(1)).toMatchObject({ 343: 'Seller, primary', 242: 'Tenant' })
  })

  it('says when the roster cannot be read to plan again, and stays on the outcome', async () => {
    const { user } = await openSetup()
    await fillSetup(user)
    await reviewPlan(user)
    db.links.update(1, 2, { role: 'Seller' })
    await applyAndWait(user, 'Apply 3 changes')

    server.use(
      http.get(LINKS, () => HttpResponse.json({ message: 'Down' }, { status: 503 }), {
        once: true,
      }),
    )
    const changed = await findAlert(/not written/)
    await user.click(within(changed).getByRole('button', { name: 'Review again' }))
    expect(await findAlert(/^Could not read the current roster to plan again\./)).toBeVisible()
    expect(screen.getByRole('heading', { level: 2, name: 'Setup applied' })).toBeVisible()
    expect(within(changed).getByRole('button', { name: 'Review again' })).toBeEnabled()
  })
})
