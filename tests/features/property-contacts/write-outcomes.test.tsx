import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { PropertyContactCreate, PropertyContactUpdate } from '../../../src/api'
import { db } from '../../../src/mocks/db'
import { server } from '../../../src/mocks/node'
import { renderApp } from '../../test-utils'

// What the roster says after a write whose answer is bare (204, empty, `{success: true}`)
// or missing (a 504 from the proxy, maybe after Open To Close applied it).
// Seed facts: property 1 has 10 links; Nancy Thompson (242) is the other Seller, Eric
// Gonzalez (343) the primary Seller, Patrick Garcia (2) the other Buyer; Walter Smith
// (340) is not on it.

const LINKS = '*/api/v1/properties/:propertyId/contacts'
const LINK = `${LINKS}/:contactId`
const MAY_HAVE_BEEN_SAVED =
  'It may have been saved — the roster is refreshed; check it before trying again.'

type User = ReturnType<typeof renderApp>['user']

function findAlert(text: RegExp) {
  return waitFor(() => {
    const alert = screen.getAllByRole('alert').find((element) => text.test(element.textContent))
    if (!alert) throw new Error(`No alert says ${String(text)}`)
    return alert
  })
}

function rosterHeading() {
  return screen.getByRole('heading', { level: 2, name: /Contacts on this deal/, hidden: true })
}

function retryButtons() {
  return screen.queryAllByRole('button', { name: /retry|try again/i, hidden: true })
}

/** The link the server has, applied from a POST's body the way the mock backend would. */
async function linkFrom(request: Request) {
  const body = (await request.clone().json()) as PropertyContactCreate
  db.links.create(1, Number(body.contact_id), {
    role: body.role ?? null,
    primary: body.primary ?? false,
  })
}

async function linkWalterSmith(user: User) {
  await user.click(await screen.findByRole('button', { name: 'Link contact' }))
  const dialog = within(await screen.findByRole('dialog', { name: 'Link a contact' }))
  await user.type(dialog.getByRole('combobox', { name: 'Contact' }), 'smi')
  await user.click(await dialog.findByRole('option', { name: /Walter Smith/ }))
  await user.selectOptions(dialog.getByRole('combobox', { name: 'Role' }), 'Appraiser')
  await user.click(dialog.getByRole('button', { name: 'Link contact' }))
  return dialog
}

async function unlinkNancy(user: User) {
  await user.click(await screen.findByRole('button', { name: 'Unlink Nancy Thompson' }))
  const dialog = within(await screen.findByRole('dialog', { name: 'Unlink Nancy Thompson?' }))
  await user.click(dialog.getByRole('button', { name: 'Unlink' }))
}

async function makePatrickPrimary(user: User) {
  await user.click(await screen.findByRole('button', { name: 'Edit Patrick Garcia' }))
  const dialog = within(await screen.findByRole('dialog', { name: 'Edit Patrick Garcia' }))
  await user.click(dialog.getByRole('checkbox', { name: 'Primary contact for this role' }))
  await user.click(dialog.getByRole('button', { name: 'Save changes' }))
}

describe('a write acknowledged without the record is a success', () => {
  it('links on a 204 and shows the new link from the refreshed roster', async () => {
    server.use(
      http.post(
        LINKS,
        async ({ request }) => {
          await linkFrom(request)
          return new HttpResponse(null, { status: 204 })
        },
        { once: true },
      ),
    )
    const { user } = renderApp('/properties/1')
    await linkWalterSmith(user)
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    })
    expect(await screen.findByRole('status')).toHaveTextContent('Linked Walter Smith (Appraiser).')
    expect(rosterHeading()).toHaveTextContent('Contacts on this deal (11)')
    expect(screen.getByText('Walter Smith')).toBeVisible()
  })

  it('saves on an empty 200 and settles on the server state', async () => {
    server.use(
      http.put(
        LINK,
        async ({ request, params }) => {
          const patch = (await request.clone().json()) as PropertyContactUpdate
          db.links.update(1, Number(params.contactId), { primary: patch.primary ?? false })
          return new HttpResponse('', { status: 200 })
        },
        { once: true },
      ),
    )
    const { user } = renderApp('/properties/1')
    await makePatrickPrimary(user)
    expect(await screen.findByText('Saved changes to Patrick Garcia.')).toBeVisible()
    const buyers = within(screen.getByRole('region', { name: /^Buyers/ }))
    await waitFor(() => {
      expect(buyers.getAllByRole('listitem')[0]).toHaveTextContent(/Patrick Garcia\s*Primary/)
    })
    expect(db.links.find(1, 2)).toMatchObject({ primary: true })
  })

  it('unlinks on {"success": true}, with Undo', async () => {
    server.use(
      http.delete(
        LINK,
        ({ params }) => {
          db.links.remove(1, Number(params.contactId))
          return HttpResponse.json({ success: true })
        },
        { once: true },
      ),
    )
    const { user } = renderApp('/properties/1')
    await unlinkNancy(user)
    const status = await screen.findByRole('status')
    await waitFor(() => {
      expect(status).toHaveTextContent('Unlinked Nancy Thompson (Seller).')
    })
    expect(within(status).getByRole('button', { name: 'Undo' })).toBeVisible()
    expect(screen.queryByText('Nancy Thompson')).not.toBeInTheDocument()
    expect(rosterHeading()).toHaveTextContent('Contacts on this deal (9)')
  })
})

describe('a link POST whose outcome is unknown', () => {
  it('reads the roster again before saying anything, says it may have been saved, offers no retry', async () => {
    let posted = false
    let rosterReadsAfterPost = 0
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
          posted = true
          return HttpResponse.json({ message: 'Gateway Timeout' }, { status: 504 })
        },
        { once: true },
      ),
      http.get(LINKS, async () => {
        if (!posted) return undefined
        rosterReadsAfterPost += 1
        await gate // hold the refresh, to see that nothing is said before it
        return undefined // on to the mock backend
      }),
    )
    const { user } = renderApp('/properties/1')
    const dialog = await linkWalterSmith(user)
    await waitFor(() => {
      expect(rosterReadsAfterPost).toBe(1)
    })
    expect(dialog.getByRole('button', { name: 'Linking…' })).toBeDisabled()
    expect(screen.queryByText(/did not confirm|Nothing was saved/)).not.toBeInTheDocument()

    release()
    const alert = await findAlert(/The server did not confirm this link\./)
    expect(alert).toHaveTextContent(
      `The server did not confirm this link. ${MAY_HAVE_BEEN_SAVED} Walter Smith is not on it yet.`,
    )
    expect(alert).not.toHaveTextContent('Nothing was saved')
    expect(retryButtons()).toEqual([])
    // The form stays, with what was typed, for linking again against the fresh roster.
    expect(dialog.getByRole('combobox', { name: 'Contact' })).toHaveValue('Walter Smith')
    expect(dialog.getByRole('combobox', { name: 'Role' })).toHaveValue('Appraiser')
    expect(dialog.getByRole('button', { name: 'Link contact' })).toBeEnabled()
  })

  it('says the contact is linked when the refreshed roster shows the link', async () => {
    server.use(
      http.post(
        LINKS,
        async ({ request }) => {
          await linkFrom(request) // it landed…
          return HttpResponse.json({ message: 'Gateway Timeout' }, { status: 504 }) // …late
        },
        { once: true },
      ),
    )
    const { user } = renderApp('/properties/1')
    await linkWalterSmith(user)
    const status = await screen.findByText(/^Linked Walter Smith \(Appraiser\): /)
    expect(status).toHaveTextContent(
      'Linked Walter Smith (Appraiser): the server did not confirm it, but the refreshed roster shows them.',
    )
    // Read before the message was shown: the roster has him already.
    expect(rosterHeading()).toHaveTextContent('Contacts on this deal (11)')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(retryButtons()).toEqual([])
    expect(db.links.list(1).filter((link) => link.contact_id === 340)).toHaveLength(1)
  })

  it('says so when the roster cannot be read again either', async () => {
    let posted = false
    server.use(
      http.post(
        LINKS,
        () => {
          posted = true
          return HttpResponse.error()
        },
        { once: true },
      ),
      http.get(LINKS, () =>
        posted ? HttpResponse.json({ message: 'Unavailable' }, { status: 503 }) : undefined,
      ),
    )
    const { user } = renderApp('/properties/1')
    const dialog = await linkWalterSmith(user)
    await findAlert(
      /^The server did not confirm this link\. It may have been saved, but the roster could not be read again to check; reload the page before trying again\.$/,
    )
    // The only Retry is the roster's own, which reads it again; nothing resends the POST.
    // The roster read before stays on screen, marked with its age.
    const retries = retryButtons()
    expect(retries.map((button) => button.textContent)).toEqual(['Retry'])
    expect(retries[0]?.closest('p')).toHaveTextContent(
      /^Showing the roster as of .+: it could not be read again\./,
    )
    expect(dialog.queryByRole('button', { name: /retry|try again/i })).not.toBeInTheDocument()
  })

  it('offers no blind "Try again" when an Undo got no answer', async () => {
    const { user } = renderApp('/properties/1')
    await user.click(await screen.findByRole('button', { name: 'Unlink Eric Gonzalez' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Unlink Eric Gonzalez?' }))
    await user.click(dialog.getByRole('button', { name: 'Unlink' }))
    const status = await screen.findByRole('status')
    await waitFor(() => {
      expect(status).toHaveTextContent('Unlinked Eric Gonzalez (Seller).')
    })
    server.use(
      http.post(LINKS, () => HttpResponse.json({ message: 'Gateway Timeout' }, { status: 504 }), {
        once: true,
      }),
    )
    await user.click(within(status).getByRole('button', { name: 'Undo' }))
    const alert = await findAlert(/did not confirm linking Eric Gonzalez \(Seller\) again/)
    expect(alert).toHaveTextContent(
      `The server did not confirm linking Eric Gonzalez (Seller) again. ${MAY_HAVE_BEEN_SAVED}`,
    )
    expect(retryButtons()).toEqual([])
  })

  it('keeps "Nothing was saved" for a refusal (4xx)', async () => {
    server.use(
      http.post(
        LINKS,
        () => HttpResponse.json({ message: 'Not allowed for this account.' }, { status: 403 }),
        { once: true },
      ),
    )
    const { user } = renderApp('/properties/1')
    await linkWalterSmith(user)
    await findAlert(
      /^Could not link the contact\. Not allowed for this account\. Nothing was saved\.$/,
    )
  })
})

describe('an edit or unlink whose outcome is unknown', () => {
  it('says in the dialog that an edit may have been saved, shows the server state, keeps the input', async () => {
    server.use(
      http.put(LINK, () => HttpResponse.json({ message: 'Gateway Timeout' }, { status: 504 }), {
        once: true,
      }),
    )
    const { user } = renderApp('/properties/1')
    await makePatrickPrimary(user)
    const alert = await findAlert(/did not confirm the changes to Patrick Garcia/)
    expect(alert).toHaveTextContent(
      `The server did not confirm the changes to Patrick Garcia. ${MAY_HAVE_BEEN_SAVED}`,
    )
    expect(alert).not.toHaveTextContent('Your changes were not applied')
    // A PUT may be sent again, once the roster shows what the server has.
    const buyers = within(screen.getByRole('region', { name: /^Buyers/, hidden: true }))
    expect(buyers.getAllByRole('listitem', { hidden: true })[0]).toHaveTextContent(
      /Tariq Weber\s*Primary/,
    )
    const dialog = within(screen.getByRole('dialog', { name: 'Edit Patrick Garcia' }))
    expect(dialog.getByRole('alert')).toBe(alert)
    expect(dialog.getByRole('checkbox', { name: 'Primary contact for this role' })).toBeChecked()
    await user.click(dialog.getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByText('Saved changes to Patrick Garcia.')).toBeVisible()
  })

  it('says an unlink happened when the refreshed roster no longer shows the contact', async () => {
    server.use(
      http.delete(
        LINK,
        ({ params }) => {
          db.links.remove(1, Number(params.contactId)) // it landed…
          return HttpResponse.json({ message: 'Gateway Timeout' }, { status: 504 }) // …late
        },
        { once: true },
      ),
    )
    const { user } = renderApp('/properties/1')
    await unlinkNancy(user)
    const status = await screen.findByRole('status')
    await waitFor(() => {
      expect(status).toHaveTextContent(
        'Unlinked Nancy Thompson (Seller): the server did not confirm it, but the refreshed roster no longer shows them.',
      )
    })
    expect(screen.queryByText('Nancy Thompson')).not.toBeInTheDocument()
    expect(rosterHeading()).toHaveTextContent('Contacts on this deal (9)')
  })

  it('says an unlink may have been saved when the contact is still on the refreshed roster', async () => {
    server.use(
      http.delete(LINK, () => HttpResponse.json({ message: 'Bad Gateway' }, { status: 502 }), {
        once: true,
      }),
    )
    const { user } = renderApp('/properties/1')
    await unlinkNancy(user)
    const alert = await findAlert(/did not confirm unlinking Nancy Thompson/)
    expect(alert).toHaveTextContent(
      `The server did not confirm unlinking Nancy Thompson (Seller). ${MAY_HAVE_BEEN_SAVED}`,
    )
    expect(screen.getByText('Nancy Thompson')).toBeVisible()
  })
})
