import { screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { server } from '../../../src/mocks/node'
import { contactBox, openSetup, pick, primaryBox, reviewPlan } from './setup-helpers'

// Property 1's draft, where the setup page keeps it (session storage, this tab only).
const KEY = 'roster.setup-draft.1'

const row = (contact: unknown, primary = true) => ({
  contact,
  roleChoice: '',
  otherRole: '',
  primary,
})
const JORDAN = {
  id: 7,
  first_name: 'Jordan',
  last_name: 'Smith',
  email: 'jordan.smith@example.com',
  phone: null,
  company: null,
  created: '2024-01-05T10:00:00.000Z',
}

afterEach(() => {
  server.events.removeAllListeners()
  window.sessionStorage.clear()
})

describe('transaction setup: the unsent draft', () => {
  it('survives leaving the page, and Restore puts it back', async () => {
    const first = await openSetup()
    await pick(first.user, 'Seller 1', 'Jordan', 'Jordan Smith')
    first.unmount()

    const { user } = await openSetup()
    const offer = screen.getByRole('region', { name: 'Unsaved setup' })
    expect(offer).toHaveTextContent(/^Restore your unsaved setup from \d{2}:\d{2}\?/)
    // Nothing is put in the form before the user says so.
    expect(contactBox('Seller 1')).toHaveValue('')
    await user.click(screen.getByRole('button', { name: 'Restore' }))
    expect(contactBox('Seller 1')).toHaveValue('Jordan Smith')
    expect(primaryBox('Seller 1')).toBeChecked()
    expect(screen.queryByRole('region', { name: 'Unsaved setup' })).not.toBeInTheDocument()
  })

  it('says when the draft was saved, and Discard deletes it', async () => {
    const savedAt = new Date(2026, 11, 1, 10, 42).getTime()
    const values = { sellers: [row(JORDAN)], buyers: [row(null)], agents: [], others: [] }
    window.sessionStorage.setItem(KEY, JSON.stringify({ version: 1, savedAt, values }))
    const first = await openSetup()
    expect(screen.getByText('Restore your unsaved setup from 10:42?')).toBeVisible()
    await first.user.click(screen.getByRole('button', { name: 'Discard' }))
    expect(screen.queryByRole('region', { name: 'Unsaved setup' })).not.toBeInTheDocument()
    expect(window.sessionStorage.getItem(KEY)).toBeNull()
    first.unmount()

    await openSetup()
    expect(screen.queryByRole('region', { name: 'Unsaved setup' })).not.toBeInTheDocument()
  })

  it.each([
    ['not JSON', '{"version":1,'],
    [
      'a contact without a name',
      JSON.stringify({
        version: 1,
        savedAt: 1,
        values: { sellers: [row({ id: 7 })], buyers: [], agents: [], others: [] },
      }),
    ],
    [
      'a section missing',
      JSON.stringify({ version: 1, savedAt: 1, values: { sellers: [row(JORDAN)] } }),
    ],
    [
      'another version',
      JSON.stringify({
        version: 2,
        savedAt: 1,
        values: { sellers: [row(JORDAN)], buyers: [], agents: [], others: [] },
      }),
    ],
  ])('ignores a stored draft that is %s', async (_what, stored) => {
    window.sessionStorage.setItem(KEY, stored)
    await openSetup()
    expect(screen.queryByRole('region', { name: 'Unsaved setup' })).not.toBeInTheDocument()
    expect(contactBox('Seller 1')).toHaveValue('')
  })

  it('is deleted once the setup is applied', async () => {
    const { user } = await openSetup()
    await pick(user, 'Seller 1', 'Jordan', 'Jordan Smith')
    await pick(user, 'Buyer 1', 'Emily', 'Emily Smith')
    await pick(user, 'Agent 1', 'Marcus', 'Marcus Smith')
    await pick(user, 'Agent 2', 'Rosa', 'Rosa Smith')
    await waitFor(() => {
      expect(window.sessionStorage.getItem(KEY)).toContain('Rosa')
    })
    await reviewPlan(user)
    await user.click(screen.getByRole('button', { name: /^Apply \d+ changes?$/ }))
    await screen.findByRole('heading', { level: 2, name: 'Setup applied' })
    expect(window.sessionStorage.getItem(KEY)).toBeNull()
  })
})

describe('transaction setup: a restored draft', () => {
  it('keeps each row’s Primary as it was saved', async () => {
    const lender = { ...row(null, false), roleChoice: 'Lender' }
    const values = { sellers: [row(JORDAN)], buyers: [], agents: [], others: [lender] }
    window.sessionStorage.setItem(KEY, JSON.stringify({ version: 1, savedAt: 0, values }))
    const { user } = await openSetup()
    await user.click(screen.getByRole('button', { name: 'Restore' }))
    expect(await screen.findByRole('group', { name: 'Party 1' })).toBeVisible()
    expect(primaryBox('Party 1')).not.toBeChecked()
    expect(primaryBox('Seller 1')).toBeChecked()
    expect(screen.getByRole('region', { name: 'Buyers (0)' })).toBeVisible()
  })
})
