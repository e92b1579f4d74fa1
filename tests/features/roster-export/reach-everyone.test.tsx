// "Reach everyone on the deal" (issue 15): email, copy, export and print the contacts
// shown, from the roster of the whole app (the mock backend's seed: property 1 has 10).
import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PropertyContact } from '../../../src/api'
import { EmailPanel } from '../../../src/features/roster-export/components/email-panel'
import { db } from '../../../src/mocks/db'
import { renderApp } from '../../test-utils'

function seedRoster(propertyId: number) {
  const { links, contacts } = db.snapshot()
  return links
    .filter((link) => link.property_id === propertyId)
    .map((link) => {
      const contact = contacts.find((candidate) => candidate.id === link.contact_id)
      if (!contact) throw new Error(`no contact ${link.contact_id}`)
      return { link, contact }
    })
}

async function openRoster(url: string) {
  const view = renderApp(url)
  await screen.findByRole('group', { name: /^Reach / })
  return view
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('Reach everyone', () => {
  it('copies everyone’s emails as Name <email> lines, and says so', async () => {
    const { user } = await openRoster('/properties/1')
    const toolbar = screen.getByRole('group', { name: 'Reach everyone on the deal' })
    await user.click(within(toolbar).getByRole('button', { name: 'Copy emails' }))
    const status = await screen.findByText(/^Copied \d+ email address(es)? to the clipboard\./)
    const copied = (await navigator.clipboard.readText()).split('\n')
    const withEmail = seedRoster(1).filter(({ contact }) => contact.email)
    expect(copied).toHaveLength(new Set(withEmail.map(({ contact }) => contact.email)).size)
    for (const { contact } of withEmail) {
      expect(copied).toContain(`${contact.first_name} ${contact.last_name} <${contact.email}>`)
    }
    expect(status.textContent).toContain(`Copied ${copied.length} email`)
  })

  it('says so, as an error, when the browser refuses the clipboard', async () => {
    const { user } = await openRoster('/properties/1')
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new DOMException('', 'NotAllowedError'),
    )
    await user.click(screen.getByRole('button', { name: 'Copy emails' }))
    const message = await screen.findByText(/The browser refused to let Roster copy/)
    // Announced as an error: in the status region's alert.
    expect(message.closest('[role="alert"]')).toBeInTheDocument()
  })

  it('acts on the contacts the filters show, and says how many', async () => {
    const buyers = seedRoster(1).filter(({ link }) => link.role === 'Buyer')
    const { user } = await openRoster('/properties/1?role=Buyer')
    const toolbar = screen.getByRole('group', { name: `Reach the ${buyers.length} contacts shown` })
    const email = within(toolbar).getByRole('button', { name: `Email the ${buyers.length} shown` })
    expect(email).toHaveAttribute('aria-expanded', 'false')
    await user.click(email)
    expect(email).toHaveAttribute('aria-expanded', 'true')
    const panel = await screen.findByRole('region', { name: 'Email the contacts' })
    expect(email).toHaveAttribute('aria-controls', panel.id)
    const addresses = buyers.flatMap(({ contact }) => (contact.email ? [contact.email] : []))
    const open = within(panel).getByRole('link', { name: /^Open email to/ })
    expect(open).toHaveAttribute(
      'href',
      `mailto:${addresses.map(encodeURIComponent).join(',').replace(/%40/g, '@')}`,
    )

    await user.click(within(panel).getByRole('radio', { name: /^Bcc/ }))
    expect(open.getAttribute('href')).toMatch(/^mailto:\?bcc=/)
    await user.click(within(panel).getByRole('button', { name: 'Copy for a Bcc field' }))
    await screen.findByText(/comma-separated, to the clipboard/)
    expect(await navigator.clipboard.readText()).toContain(', ')
  })

  it('exports the contacts shown as CSV, named after the deal and the date', async () => {
    const created: Blob[] = []
    const saved: string[] = []
    // jsdom has neither object URLs nor downloads.
    Object.defineProperty(URL, 'createObjectURL', {
      configurable: true,
      value: (blob: Blob) => {
        created.push(blob)
        return 'blob:test'
      },
    })
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => undefined })
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download)
    })
    const { user } = await openRoster('/properties/1')
    const title = db.properties.find(1)?.title ?? ''
    await user.click(screen.getByRole('button', { name: 'Export CSV' }))
    await screen.findByText(/^Saved roster-.*\.csv \(10 contacts\)\.$/)
    expect(saved).toHaveLength(1)
    const slug = title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
    expect(saved[0]).toMatch(new RegExp(`^roster-${slug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`))
    const csv = (await created[0]?.text()) ?? ''
    expect(created[0]?.type).toBe('text/csv;charset=utf-8')
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toBe('Role,Primary,Name,Company,Email,Phone,Start date,Notes')
    expect(lines).toHaveLength(11)

    await user.click(screen.getByRole('button', { name: 'Export vCard' }))
    await screen.findByText(/^Saved roster-.*\.vcf \(10 contacts\)\.$/)
    const cards = (await created[1]?.text()) ?? ''
    expect(cards.match(/BEGIN:VCARD/g)).toHaveLength(10)
  })

  it('copies one contact’s details from its entry', async () => {
    const { user } = await openRoster('/properties/1')
    const [{ contact } = { contact: null }] = seedRoster(1)
    if (!contact) throw new Error('no contact')
    const name = `${contact.first_name} ${contact.last_name}`
    await user.click(screen.getByRole('button', { name: `Copy the details of ${name}` }))
    await screen.findByText(`Copied the details of ${name} to the clipboard.`)
    const copied = await navigator.clipboard.readText()
    expect(copied.split('\n')[0]).toBe(name)
    if (contact.email) expect(copied).toContain(contact.email)
  })

  it('prints a contact sheet with every contact, folded groups too', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined)
    const { user } = await openRoster('/properties/1?fold=buyer&fold=seller')
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Print contact sheet' }))
    await waitFor(() => {
      expect(print).toHaveBeenCalledTimes(1)
    })
    const sheet = screen.getByRole('table')
    for (const { contact } of seedRoster(1)) {
      expect(
        within(sheet).getByText(new RegExp(`^${contact.first_name} ${contact.last_name}`)),
      ).toBeInTheDocument()
    }
    expect(within(sheet).getByRole('rowheader', { name: 'Buyers' })).toBeInTheDocument()
    window.dispatchEvent(new Event('afterprint'))
    await waitFor(() => {
      expect(screen.queryByRole('table')).not.toBeInTheDocument()
    })
  })
})

describe('the browser’s own Print', () => {
  it('renders the sheet within the beforeprint event, and takes it away after', async () => {
    const { user } = await openRoster('/properties/1')
    // Pointing at the action loads the sheet's code (otherwise it loads on idle).
    await user.hover(screen.getByRole('button', { name: 'Print contact sheet' }))
    await vi.dynamicImportSettled()
    act(() => {
      window.dispatchEvent(new Event('beforeprint'))
      // Synchronously: the browser lays the page out for print as soon as the event returns.
      expect(screen.getByRole('table')).toBeInTheDocument()
    })
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(
      1 + seedRoster(1).length + within(screen.getByRole('table')).getAllByRole('rowheader').length,
    )
    act(() => {
      window.dispatchEvent(new Event('afterprint'))
    })
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })
})

describe('the email panel', () => {
  function link(i: number, email: string | null): PropertyContact {
    return {
      id: i,
      property_id: 1,
      contact_id: i,
      role: 'Lender',
      primary: false,
      start_date: null,
      notes: null,
      created: '2026-01-01T00:00:00.000Z',
      updated: '2026-01-01T00:00:00.000Z',
      contact: {
        id: i,
        first_name: 'Person',
        last_name: String(i),
        email,
        phone: null,
        company: null,
        created: '2026-01-01T00:00:00.000Z',
      },
    }
  }

  it('offers Copy instead when the link would be too long, and names who has no email', async () => {
    const user = userEvent.setup()
    const onCopy = vi.fn()
    const links = [
      ...Array.from({ length: 90 }, (_, i) => link(i + 1, `someone.long.${i}@example.com`)),
      link(91, null),
      link(92, ''),
    ]
    render(<EmailPanel id="panel" links={links} onCopy={onCopy} />)
    expect(screen.queryByRole('link')).not.toBeInTheDocument()
    expect(screen.getByText(/90 addresses make a link longer than a mail app takes/)).toBeVisible()
    expect(screen.getByText('2 have no email: Person 91, Person 92.')).toBeVisible()
    await user.click(screen.getByRole('button', { name: 'Copy 90 addresses' }))
    expect(onCopy).toHaveBeenCalledTimes(1)
  })
})
