import { act, screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { db } from '../../../src/mocks/db'
import { server } from '../../../src/mocks/node'
import { renderApp } from '../../test-utils'

// Two people, one roster: a change made elsewhere (a colleague: straight into the mock
// db; another tab: the BroadcastChannel message) is never overwritten unseen.
// Seed facts (property 1): Patrick Garcia (2) is the other Buyer, Tariq Weber the
// primary Buyer; Nancy Thompson (242) the other Seller, Eric Gonzalez (343) the
// primary Seller.

const LINK = '*/api/v1/properties/:propertyId/contacts/:contactId'
type User = ReturnType<typeof renderApp>['user']

function writesSeen() {
  const writes: string[] = []
  server.events.on('request:start', ({ request }) => {
    if (request.method !== 'GET') writes.push(`${request.method} ${new URL(request.url).pathname}`)
  })
  return writes
}

async function openEdit(user: User, name: string) {
  await user.click(await screen.findByRole('button', { name: `Edit ${name}` }))
  return within(await screen.findByRole('dialog', { name: `Edit ${name}` }))
}

/** What another tab of this browser says after its write. */
function anotherTabChanged(propertyId: number) {
  const channel = new BroadcastChannel('roster:changes')
  channel.postMessage({ propertyId })
  channel.close()
}

function setBrowserOnline(online: boolean) {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online })
  act(() => {
    window.dispatchEvent(new Event(online ? 'online' : 'offline'))
  })
}

afterEach(() => {
  server.events.removeAllListeners()
  setBrowserOnline(true)
})

describe('an edit that meets a colleague’s change', () => {
  it('writes nothing, says what changed, and keeps the input; Keep theirs closes', async () => {
    const { user } = renderApp('/properties/1')
    const dialog = await openEdit(user, 'Patrick Garcia')
    await user.click(dialog.getByRole('checkbox', { name: 'Primary contact for this role' }))
    await user.type(dialog.getByRole('textbox', { name: /Notes/ }), 'Pre-approved')
    // Meanwhile, a colleague moves him to Seller.
    db.links.update(1, 2, { role: 'Seller' })
    const writes = writesSeen()

    await user.click(dialog.getByRole('button', { name: 'Save changes' }))
    const panel = await dialog.findByRole('alert')
    expect(panel).toHaveTextContent(
      "Someone else changed Patrick Garcia's entry while you were editing: role Buyer → Seller.",
    )
    // The one PUT was refused (412): the colleague's version stands, untouched.
    expect(writes).toEqual(['PUT /api/v1/properties/1/contacts/2'])
    expect(db.links.find(1, 2)).toMatchObject({ role: 'Seller', primary: false, notes: null })
    // The form keeps what was typed; Save waits for a choice.
    expect(dialog.getByRole('checkbox', { name: 'Primary contact for this role' })).toBeChecked()
    expect(dialog.getByRole('textbox', { name: /Notes/ })).toHaveValue('Pre-approved')
    expect(dialog.getByRole('button', { name: 'Save changes' })).toBeDisabled()
    expect(panel).toHaveFocus()

    await user.click(within(panel).getByRole('button', { name: 'Keep theirs' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(
      await screen.findByText(
        'Kept the changes saved meanwhile to Patrick Garcia; yours were not saved.',
      ),
    ).toBeVisible()
    expect(db.links.find(1, 2)).toMatchObject({ role: 'Seller', primary: false, notes: null })
  })

  it('Save mine anyway writes only the fields the user changed, checked again', async () => {
    const { user } = renderApp('/properties/1')
    const dialog = await openEdit(user, 'Patrick Garcia')
    await user.type(dialog.getByRole('textbox', { name: /Notes/ }), 'Pre-approved')
    db.links.update(1, 2, { role: 'Seller' })
    await user.click(dialog.getByRole('button', { name: 'Save changes' }))
    const panel = await dialog.findByRole('alert')

    // And once more meanwhile: the second save must find the version shown.
    db.links.update(1, 2, { start_date: '2026-12-24' })
    await user.click(within(panel).getByRole('button', { name: 'Save mine anyway' }))
    await waitFor(() => {
      expect(dialog.getByRole('alert')).toHaveTextContent(
        /while you were editing: start date empty → “2026-12-24”\./,
      )
    })
    expect(db.links.find(1, 2)).toMatchObject({ notes: null })

    await user.click(
      within(dialog.getByRole('alert')).getByRole('button', { name: 'Save mine anyway' }),
    )
    expect(await screen.findByText('Saved changes to Patrick Garcia.')).toBeVisible()
    // Theirs (role, start date) kept; mine (notes) written.
    expect(db.links.find(1, 2)).toMatchObject({
      role: 'Seller',
      start_date: '2026-12-24',
      notes: 'Pre-approved',
    })
  })

  it('says so before Save when another tab changed the link, and keeps the input', async () => {
    const { user } = renderApp('/properties/1')
    const dialog = await openEdit(user, 'Patrick Garcia')
    await user.type(dialog.getByRole('textbox', { name: /Notes/ }), 'Call after 5')
    db.links.update(1, 2, { primary: true })
    anotherTabChanged(1)

    const panel = await dialog.findByRole('alert')
    expect(panel).toHaveTextContent(
      "Someone else changed Patrick Garcia's entry while you were editing: now the primary contact.",
    )
    expect(dialog.getByRole('textbox', { name: /Notes/ })).toHaveValue('Call after 5')
    expect(dialog.getByRole('button', { name: 'Save changes' })).toBeDisabled()
  })

  it('closes and says so when the contact was removed from the deal meanwhile', async () => {
    const { user } = renderApp('/properties/1')
    const dialog = await openEdit(user, 'Patrick Garcia')
    await user.type(dialog.getByRole('textbox', { name: /Notes/ }), 'x')
    db.links.remove(1, 2)
    await user.click(dialog.getByRole('button', { name: 'Save changes' }))
    expect(
      await screen.findByText(
        'Patrick Garcia was removed from this deal meanwhile, so nothing was changed. The roster is refreshed.',
      ),
    ).toBeVisible()
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Edit Patrick Garcia' })).not.toBeInTheDocument()
    expect(db.links.find(1, 2)).toBeUndefined()
  })

  it('writes nothing when the server answered for another link', async () => {
    server.use(
      http.put(
        LINK,
        () =>
          HttpResponse.json(
            {
              message: 'Open To Close answered for contact 7. Nothing was changed.',
              wrong_link: true,
            },
            { status: 412 },
          ),
        { once: true },
      ),
    )
    const { user } = renderApp('/properties/1')
    const dialog = await openEdit(user, 'Patrick Garcia')
    await user.type(dialog.getByRole('textbox', { name: /Notes/ }), 'x')
    await user.click(dialog.getByRole('button', { name: 'Save changes' }))
    expect(await dialog.findByRole('alert')).toHaveTextContent(
      "Nothing was changed: the server answered for another link than Patrick Garcia's",
    )
    expect(db.links.find(1, 2)).toMatchObject({ notes: null })
    expect(dialog.getByRole('textbox', { name: /Notes/ })).toHaveValue('x')
  })
})

describe('an unlink that meets a colleague’s change', () => {
  it('removes no one, shows what changed, and Unlink anyway is a second, checked step', async () => {
    const { user } = renderApp('/properties/1')
    await user.click(await screen.findByRole('button', { name: 'Unlink Nancy Thompson' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Unlink Nancy Thompson?' }))
    db.links.update(1, 242, { primary: true })
    await user.click(dialog.getByRole('button', { name: 'Unlink' }))

    const panel = await dialog.findByRole('alert')
    expect(panel).toHaveTextContent(
      "Someone else changed Nancy Thompson's entry while you were editing: now the primary contact.",
    )
    expect(db.links.find(1, 242)).toBeDefined()
    await user.click(within(panel).getByRole('button', { name: 'Unlink anyway' }))
    expect(await screen.findByText('Unlinked Nancy Thompson (Seller).')).toBeVisible()
    expect(db.links.find(1, 242)).toBeUndefined()
  })

  it('Undo links again only if nobody linked the contact meanwhile', async () => {
    const { user } = renderApp('/properties/1')
    await user.click(await screen.findByRole('button', { name: 'Unlink Nancy Thompson' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Unlink Nancy Thompson?' }))
    await user.click(dialog.getByRole('button', { name: 'Unlink' }))
    expect(await screen.findByText('Unlinked Nancy Thompson (Seller).')).toBeVisible()
    // A colleague links her again, as Buyer.
    db.links.create(1, 242, { role: 'Buyer' })
    await user.click(screen.getByRole('button', { name: 'Undo' }))
    expect(
      await screen.findByText(
        'Nancy Thompson was linked again meanwhile as Buyer, so Undo changed nothing.',
      ),
    ).toBeVisible()
    expect(db.links.find(1, 242)).toMatchObject({ role: 'Buyer' })
  })
})

describe('changes from elsewhere', () => {
  it('points out another tab’s change without moving focus', async () => {
    const { user } = renderApp('/properties/1')
    const filter = await screen.findByRole('searchbox', { name: 'Find by name' })
    await user.click(filter)
    db.links.update(1, 2, { role: 'Seller' })
    db.links.remove(1, 242)
    anotherTabChanged(1)
    expect(
      await screen.findByText(
        /^Updated just now \(.+\): Patrick Garcia is now Seller \(was Buyer\); Nancy Thompson was removed\.$/,
      ),
    ).toBeVisible()
    expect(filter).toHaveFocus()
    await user.click(screen.getByRole('button', { name: 'Dismiss update notice' }))
    expect(screen.queryByText(/^Updated just now/)).not.toBeInTheDocument()
  })

  it('does not point out this tab’s own change', async () => {
    const { user } = renderApp('/properties/1')
    const dialog = await openEdit(user, 'Patrick Garcia')
    await user.click(dialog.getByRole('checkbox', { name: 'Primary contact for this role' }))
    await user.click(dialog.getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByText('Saved changes to Patrick Garcia.')).toBeVisible()
    anotherTabChanged(1) // e.g. a second listener: reads again, finds nothing new
    await waitFor(() => {
      expect(screen.queryByText(/^Updated just now/)).not.toBeInTheDocument()
    })
  })
})

describe('offline', () => {
  it('says so in one place, sends nothing, keeps the dialog, and saves once back', async () => {
    const { user } = renderApp('/properties/1')
    const dialog = await openEdit(user, 'Patrick Garcia')
    await user.type(dialog.getByRole('textbox', { name: /Notes/ }), 'Keys with the agent')
    const writes = writesSeen()
    setBrowserOnline(false)
    expect(
      screen.getByText("You're offline. Changes can't be saved; nothing you typed is lost.", {
        ignore: '[aria-hidden] *',
      }),
    ).toBeInTheDocument()

    await user.click(dialog.getByRole('button', { name: 'Save changes' }))
    expect(await dialog.findByRole('alert')).toHaveTextContent(
      "You're offline, so nothing was sent. Your changes are kept here: save again once you're back online.",
    )
    expect(writes).toEqual([])
    expect(dialog.getByRole('textbox', { name: /Notes/ })).toHaveValue('Keys with the agent')

    setBrowserOnline(true)
    await user.click(dialog.getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByText('Saved changes to Patrick Garcia.')).toBeVisible()
    expect(db.links.find(1, 2)).toMatchObject({ notes: 'Keys with the agent' })
    expect(screen.queryByText(/You're offline/)).not.toBeInTheDocument()
  })
})

describe('focus, when a change from elsewhere removes the focused entry', () => {
  it('stays in the roster, on its heading', async () => {
    const { user } = renderApp('/properties/1')
    const edit = await screen.findByRole('button', { name: 'Edit Nancy Thompson' })
    await user.click(edit)
    await user.keyboard('{Escape}')
    await waitFor(() => {
      expect(edit).toHaveFocus()
    })
    db.links.remove(1, 242)
    anotherTabChanged(1)
    await waitFor(() => {
      expect(screen.queryByRole('button', { name: 'Edit Nancy Thompson' })).not.toBeInTheDocument()
    })
    await waitFor(() => {
      expect(
        screen.getByRole('heading', { level: 2, name: /^Contacts on this deal/ }),
      ).toHaveFocus()
    })
  })
})
