import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '../../../src/mocks/node'
import { renderApp } from '../../test-utils'

// How the roster copes with what the live API is known to do (docs/contract.md, "What the live API is known to do differently").

function findAlert(text: RegExp) {
  return waitFor(() => {
    const alert = screen.getAllByRole('alert').find((element) => text.test(element.textContent))
    if (!alert) throw new Error(`No alert says ${String(text)}`)
    return alert
  })
}

const contact = (id: number, first: string, last: string, extra: object = {}) => ({
  id,
  first_name: first,
  last_name: last,
  email: null,
  phone: null,
  company: null,
  created: 1_717_464_000,
  ...extra,
})

describe('a server that refuses edits and unlinks (405)', () => {
  it('rolls back an unlink, closes the dialog, says why, and stops offering Unlink', async () => {
    server.use(
      http.delete('*/api/v1/properties/:propertyId/contacts/:contactId', () =>
        HttpResponse.json({ message: 'Method Not Allowed' }, { status: 405 }),
      ),
    )
    const { user } = renderApp('/properties/1')
    await user.click(await screen.findByRole('button', { name: 'Unlink Nancy Thompson' }))
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Unlink Nancy Thompson?' })).getByRole(
        'button',
        { name: 'Unlink' },
      ),
    )
    await findAlert(/The server does not allow this operation\./)
    expect(await screen.findByText('Nancy Thompson')).toBeVisible()
    await waitFor(() => {
      expect(screen.queryByRole('button', { name: /^Unlink / })).not.toBeInTheDocument()
    })
    expect(screen.getByText(/does not allow unlinking contact links/)).toBeVisible()
    expect(screen.getByRole('button', { name: 'Edit Nancy Thompson' })).toBeVisible()
  })

  it('rolls back an edit and stops offering Edit, without an "Edit again" that cannot work', async () => {
    server.use(
      http.put('*/api/v1/properties/:propertyId/contacts/:contactId', () =>
        HttpResponse.json({ message: 'Method Not Allowed' }, { status: 405 }),
      ),
    )
    const { user } = renderApp('/properties/1')
    await user.click(await screen.findByRole('button', { name: 'Edit Patrick Garcia' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Edit Patrick Garcia' }))
    await user.click(dialog.getByRole('checkbox', { name: 'Primary contact for this role' }))
    await user.click(dialog.getByRole('button', { name: 'Save changes' }))
    const alert = await findAlert(/Could not save changes to Patrick Garcia\./)
    expect(within(alert).queryByRole('button', { name: 'Edit again' })).not.toBeInTheDocument()
    await waitFor(() => {
      // The link's Edit; "Edit contact" (the contact's own details) is another endpoint.
      expect(screen.queryByRole('button', { name: /^Edit (?!contact )/ })).not.toBeInTheDocument()
    })
    const buyers = screen.getByRole('region', { name: /^Buyers/ })
    expect(within(buyers).getAllByRole('listitem')[0]).toHaveTextContent(/Tariq Weber\s*Primary/)
  })
})

describe('an expired session (HTML login page instead of JSON)', () => {
  it('shows one message for the page, does not retry, and keeps the rest working', async () => {
    let rosterRequests = 0
    server.use(
      http.get('*/api/v1/properties/:propertyId/contacts', () => {
        rosterRequests += 1
        return HttpResponse.html('<!doctype html><title>Sign in</title><form>…</form>')
      }),
    )
    renderApp('/properties/1', { retry: true })
    expect(await screen.findByRole('heading', { level: 1, name: 'Elm Circle Ranch' })).toBeVisible()
    await findAlert(/Roster cannot sign in to Open To Close\. Check the API token/)
    expect(
      screen.getAllByRole('alert').filter((element) => element.textContent.trim() !== ''),
    ).toHaveLength(1)
    expect(
      screen.getByText('Could not load the contacts on this deal until Roster can sign in.'),
    ).toBeVisible()
    expect(screen.getByRole('button', { name: 'Reload' })).toBeVisible()
    expect(rosterRequests).toBe(1)
  })
})

describe('a rate-limited read (429)', () => {
  it('says it is waiting, then shows the roster once the wait is over', async () => {
    server.use(
      http.get(
        '*/api/v1/properties/:propertyId/contacts',
        () =>
          HttpResponse.json(
            { message: 'Too Many Requests' },
            { status: 429, headers: { 'Retry-After': '1' } },
          ),
        { once: true },
      ),
    )
    renderApp('/properties/1', { retry: true })
    expect(
      await screen.findByText(/The server asked Roster to slow down\. Trying again in 1 seconds…/),
    ).toBeVisible()
    await waitFor(
      () => {
        expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(
          'Contacts on this deal (10)',
        )
      },
      { timeout: 4000 },
    )
    expect(screen.queryByText(/slow down/)).not.toBeInTheDocument()
  })
})

describe('links in the live API shape and hostile text', () => {
  it('shows links without role or primary as "Role not recorded", and text as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">'
    server.use(
      http.get('*/api/v1/properties/:propertyId/contacts', () =>
        HttpResponse.json({
          data: [
            {
              id: 1,
              created: { date: '2025-06-04 01:18:08.767548', timezone_type: 3, timezone: 'UTC' },
              priority: 0,
              property: { id: 1 },
              contact: contact(900, 'Dana', 'Liu', { phone: 5125550142 }),
              contact_role: [],
            },
            {
              id: 2,
              property_id: 1,
              contact_id: 901,
              role: 'Buyer',
              primary: true,
              start_date: null,
              notes: hostile,
              created: '2026-11-01T00:00:00Z',
              updated: '2026-11-01T00:00:00Z',
              contact: contact(901, '"><svg onload=alert(1)>', 'Smith', {
                email: 'javascript:alert(1)',
              }),
            },
          ],
        }),
      ),
    )
    renderApp('/properties/1')
    const noRole = await screen.findByRole('region', { name: /^Role not recorded/ })
    expect(within(noRole).getByText('Dana Liu')).toBeVisible()
    expect(within(noRole).getByRole('link', { name: '5125550142' })).toHaveAttribute(
      'href',
      'tel:5125550142',
    )

    const buyers = screen.getByRole('region', { name: /^Buyers/ })
    expect(within(buyers).getByText('"><svg onload=alert(1)> Smith')).toBeVisible()
    expect(within(buyers).getByText(hostile)).toBeVisible()
    expect(within(buyers).getByText('javascript:alert(1)')).toBeVisible()
    expect(within(buyers).queryByRole('link')).not.toBeInTheDocument()
    expect(document.querySelector('main img, main svg:not([aria-hidden])')).toBeNull()
    expect('__pwned' in window).toBe(false)
  })
})
