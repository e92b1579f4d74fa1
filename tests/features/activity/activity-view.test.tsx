import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { PropertyContactSchema, type PropertyContact } from '../../../src/api'
import { db } from '../../../src/mocks/db'
import { server } from '../../../src/mocks/node'
import type { ActivityEntry } from '../../../src/features/activity/api/activity-schema'
import { renderApp } from '../../test-utils'

// Seed facts: on property 1, Nancy Thompson (contact 242) is a Seller, not primary.

function nancyNow(): PropertyContact {
  const stored = db.links.find(1, 242)
  if (!stored) throw new Error('the seed has Nancy Thompson on property 1')
  return PropertyContactSchema.parse(db.links.withContact(stored))
}

function entry(overrides: Partial<ActivityEntry>): ActivityEntry {
  return {
    id: 1,
    at: '2026-12-01T10:42:00.000Z',
    actor: { id: 'dana@brokerage.test', name: 'Dana Lee' },
    action: 'edit',
    reason: null,
    propertyId: 1,
    contactId: 242,
    contactName: 'Nancy Thompson',
    before: null,
    after: null,
    request: null,
    outcome: 'accepted',
    status: 200,
    reverts: null,
    revertedBy: null,
    ...overrides,
  }
}

/** The Activity API as the server would answer it, from these pages of entries. */
function serveActivity(pages: ActivityEntry[][]) {
  const seen: URL[] = []
  server.use(
    http.get('*/api/roster/properties/:id/activity/filters', () =>
      HttpResponse.json({
        people: [{ id: 'dana@brokerage.test', name: 'Dana Lee' }],
        contacts: [{ id: 242, name: 'Nancy Thompson' }],
      }),
    ),
    http.get('*/api/roster/properties/:id/activity', ({ request }) => {
      const url = new URL(request.url)
      seen.push(url)
      const index = url.searchParams.has('before') ? 1 : 0
      return HttpResponse.json({
        entries: pages[index] ?? [],
        next: index + 1 < pages.length ? (pages[index]?.at(-1)?.id ?? null) : null,
      })
    }),
  )
  return seen
}

describe('the Activity view', () => {
  it('reads each change as a sentence, refused ones with their status, and pages back', async () => {
    const now = nancyNow()
    serveActivity([
      [
        entry({
          id: 3,
          before: { ...now, role: 'Seller', primary: false },
          after: { ...now, role: 'Buyer', primary: true },
        }),
        entry({
          id: 2,
          action: 'link',
          outcome: 'refused',
          status: 409,
          request: { contact_id: 242, role: 'Buyer' },
        }),
      ],
      [entry({ id: 1, action: 'unlink', reason: 'undo', before: now, after: null })],
    ])
    const { user } = renderApp('/properties/1/activity')
    const list = await screen.findByRole('list', { name: 'Changes, newest first' })
    const items = within(list).getAllByRole('listitem')
    expect(items[0]).toHaveTextContent('Dana Lee made Nancy Thompson primary Buyer (was: Seller) ·')
    expect(items[1]).toHaveTextContent(
      'Dana Lee tried to link Nancy Thompson as Buyer — refused (409)',
    )
    const refused = items[1]
    if (!refused) throw new Error('the refused entry is listed')
    expect(within(refused).queryByRole('button', { name: 'Revert' })).toBeNull()

    await user.click(screen.getByRole('button', { name: 'Show older' }))
    await waitFor(() => {
      expect(within(list).getAllByRole('listitem')).toHaveLength(3)
    })
    expect(within(list).getAllByRole('listitem')[2]).toHaveTextContent(
      'Dana Lee removed Nancy Thompson (Seller) from this deal with Undo',
    )
    expect(screen.queryByRole('button', { name: 'Show older' })).toBeNull()
  })

  it('filters by person and contact through the address', async () => {
    const seen = serveActivity([[]])
    const { user } = renderApp('/properties/1/activity')
    expect(await screen.findByText(/No changes recorded yet/)).toBeInTheDocument()
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Person' }), 'Dana Lee')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Contact' }), 'Nancy Thompson')
    expect(await screen.findByText('No changes match these filters.')).toBeInTheDocument()
    expect(window.location.search).toBe('?actor=dana%40brokerage.test&contact=242')
    const last = seen.at(-1)
    expect(last?.searchParams.get('actor')).toBe('dana@brokerage.test')
    expect(last?.searchParams.get('contact')).toBe('242')
  })

  it('reverts an edit after a confirm step, conditionally and labelled as a revert', async () => {
    const now = nancyNow()
    serveActivity([[entry({ id: 7, before: { ...now, role: 'Inspector' }, after: now })]])
    const sent: Headers[] = []
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'PUT') sent.push(request.headers)
    })
    const { user } = renderApp('/properties/1/activity')
    const item = (await screen.findAllByRole('listitem')).find((li) =>
      li.textContent.includes('Nancy Thompson'),
    )
    if (!item) throw new Error('the entry is listed')
    await user.click(within(item).getByRole('button', { name: 'Revert' }))
    const confirm = within(item).getByRole('group')
    expect(confirm).toHaveTextContent('This makes Nancy Thompson Inspector again')
    expect(sent).toHaveLength(0)
    await user.click(within(confirm).getByRole('button', { name: 'Revert change' }))
    await waitFor(() => {
      expect(db.links.find(1, 242)?.role).toBe('Inspector')
    })
    expect(sent[0]?.get('x-roster-change')).toBe('revert')
    expect(sent[0]?.get('x-roster-reverts')).toBe('7')
    expect(sent[0]?.get('if-match')).toMatch(/^"v1-/)
    server.events.removeAllListeners()
  })

  it('writes nothing when the entry changed since, and says what changed', async () => {
    const now = nancyNow()
    const recorded = { ...now, notes: 'An older note.' }
    serveActivity([[entry({ id: 8, before: { ...recorded, role: 'Inspector' }, after: recorded })]])
    const { user } = renderApp('/properties/1/activity')
    await user.click(await screen.findByRole('button', { name: 'Revert' }))
    await user.click(screen.getByRole('button', { name: 'Revert change' }))
    const list = screen.getByRole('list', { name: 'Changes, newest first' })
    expect(await within(list).findByRole('alert')).toHaveTextContent(
      /^Not reverted: Nancy Thompson’s entry changed since \(notes changed\)\. Nothing was written\.$/,
    )
    expect(db.links.find(1, 242)?.role).toBe('Seller')
  })

  it('reverts a contact edit when the details are as it left them, and not otherwise', async () => {
    const now = db.contacts.find(242)
    if (!now) throw new Error('the seed has Nancy Thompson')
    const before = { ...now, email: 'nancy.old@example.com', phone: '(208) 555-0100' }
    serveActivity([
      [
        entry({ id: 9, action: 'contact_edit', before, after: now }),
        entry({ id: 8, action: 'contact_create', after: now }),
      ],
    ])
    const sent: Headers[] = []
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'PUT') sent.push(request.headers)
    })
    const { user } = renderApp('/properties/1/activity')
    const list = await screen.findByRole('list', { name: 'Changes, newest first' })
    const [edit, created] = within(list).getAllByRole('listitem')
    if (!edit || !created) throw new Error('both entries are listed')
    expect(created).toHaveTextContent('Cannot be reverted: The API cannot delete a contact')

    // Someone changes the phone meanwhile: the revert writes nothing and says so.
    db.contacts.update(242, { phone: '(208) 555-0199' })
    await user.click(within(edit).getByRole('button', { name: 'Revert' }))
    expect(within(edit).getByRole('group')).toHaveTextContent(
      'This puts Nancy Thompson’s own details (name, email, phone, company) back as they were',
    )
    await user.click(within(edit).getByRole('button', { name: 'Revert change' }))
    expect(
      await within(edit).findByText(/^Not reverted: Nancy Thompson’s details changed since \(/),
    ).toBeInTheDocument()
    expect(sent).toHaveLength(0)
    expect(db.contacts.find(242)?.email).toBe(now.email)

    // As the entry left it again: the revert puts the old details back, labelled.
    db.contacts.update(242, { phone: now.phone ?? '' })
    await user.click(within(edit).getByRole('button', { name: 'Revert' }))
    await user.click(within(edit).getByRole('button', { name: 'Revert change' }))
    await waitFor(() => {
      expect(db.contacts.find(242)?.email).toBe('nancy.old@example.com')
    })
    expect(db.contacts.find(242)?.phone).toBe('(208) 555-0100')
    expect(sent[0]?.get('x-roster-change')).toBe('revert')
    expect(sent[0]?.get('x-roster-reverts')).toBe('9')
    server.events.removeAllListeners()
  })
})
