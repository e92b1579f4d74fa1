// The setup page as a user drives it in these tests: open it, pick contacts, review,
// read the plan table; and the server's state to compare with.
import { screen, waitFor, within } from '@testing-library/react'
import { expect } from 'vitest'
import { db } from '../../../src/mocks/db'
import { server } from '../../../src/mocks/node'
import { renderApp } from '../../test-utils'

export const LINKS = '*/api/v1/properties/:propertyId/contacts'
export const SERVER_PROBLEM =
  'The server had a problem and could not finish. Try again in a moment.'

export type User = ReturnType<typeof renderApp>['user']

/** Every write (anything but a GET) the app sends from now on, as "METHOD path". */
export function recordWrites() {
  const writes: string[] = []
  server.events.on('request:start', ({ request }) => {
    if (request.method !== 'GET') {
      writes.push(`${request.method} ${new URL(request.url).pathname}`)
    }
  })
  return writes
}

/** The alert that says `text` (the app's status region keeps an empty alert in the page). */
export function findAlert(text: RegExp) {
  return waitFor(() => {
    const alert = screen.getAllByRole('alert').find((element) => text.test(element.textContent))
    if (!alert) throw new Error(`No alert says ${String(text)}`)
    return alert
  })
}

/**
 * A team that expects nothing of any deal: its setup form starts with the generic rows
 * (a seller, a buyer, their agents), which these flows drive. The rows a checklist
 * starts the form with are tested in tests/features/checklist.
 */
export const NO_CHECKLIST = { Buyer: [], Seller: [], Dual: [] }

export async function openSetup(url = '/properties/1/setup') {
  const view = renderApp(url, { checklist: NO_CHECKLIST })
  expect(await screen.findByRole('heading', { level: 1, name: 'Set up transaction' })).toBeVisible()
  // The property's title shows once it loaded; the form is there from the start.
  await screen.findByText(/: link the sellers, buyers, agents and other parties in one go\./)
  await screen.findByRole('form', { name: 'Transaction setup' })
  return view
}

export function row(name: string) {
  return within(screen.getByRole('group', { name }))
}

export function contactBox(rowName: string) {
  return row(rowName).getByRole('combobox', { name: 'Contact' })
}

export function roleSelect(rowName: string) {
  return row(rowName).getByRole('combobox', { name: 'Role' })
}

export function primaryBox(rowName: string) {
  return row(rowName).getByRole('checkbox', { name: 'Primary' })
}

/** Types `search` into the row's Contact combobox and picks the option named `name`. */
export async function pick(user: User, rowName: string, search: string, name: string) {
  await user.type(contactBox(rowName), search)
  await user.click(await row(rowName).findByRole('option', { name: new RegExp(`^${name}`) }))
  await waitFor(() => {
    expect(contactBox(rowName)).toHaveValue(name)
  })
}

export async function addRow(user: User, button: string, rowName: string) {
  await user.click(screen.getByRole('button', { name: button }))
  return screen.findByRole('group', { name: rowName })
}

export async function reviewPlan(user: User) {
  await user.click(screen.getByRole('button', { name: 'Review plan' }))
  return screen.findByRole('heading', { level: 2, name: 'Review the plan' })
}

/** The cell of `column` in the plan table's row for `contact`. */
export function cellOf(contact: string, column: string) {
  const table = screen.getByRole('table')
  const headers = within(table)
    .getAllByRole('columnheader')
    .map((header) => header.textContent)
  const index = headers.indexOf(column)
  if (index < 0) throw new Error(`No column ${column}; the columns are ${headers.join(', ')}`)
  const tableRow = within(table).getByRole('rowheader', { name: contact }).closest('tr')
  const cell = tableRow?.cells[index]
  if (!cell) throw new Error(`No ${column} cell for ${contact}`)
  return cell
}

/** The row headers of the plan table, in order. */
export function planContacts() {
  return within(screen.getByRole('table'))
    .getAllByRole('rowheader')
    .map((header) => header.textContent)
}

/** The property's links as { contactId: "Role, primary" }, for comparing server state. */
export function rosterOf(propertyId: number) {
  return Object.fromEntries(
    db.links
      .list(propertyId)
      .map((link) => [
        link.contact_id,
        `${link.role ?? '(none)'}${link.primary ? ', primary' : ''}`,
      ]),
  )
}

/** Fails if any role of the property has more than one primary. */
export function expectOnePrimaryPerRole(propertyId: number) {
  const primaries = new Map<string, number[]>()
  for (const link of db.links.list(propertyId)) {
    if (!link.primary) continue
    const key = (link.role ?? '').trim().toLowerCase()
    primaries.set(key, [...(primaries.get(key) ?? []), link.contact_id])
  }
  for (const [role, contacts] of primaries) {
    expect(contacts, `primaries for ${role}`).toHaveLength(1)
  }
}
