import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { OpenToCloseAPI } from '../../../src/api'
import { applyTransactionPlan, planTransactionSetup } from '../../../src/api/transaction-setup'
import { server } from '../../../src/mocks/node'
import { renderApp } from '../../test-utils'

// The writes Roster's history labels: an Undo says so; an ordinary change says nothing.

function recordWrites(): { method: string; change: string | null }[] {
  const writes: { method: string; change: string | null }[] = []
  server.events.on('request:start', ({ request }) => {
    if (request.method !== 'GET') {
      writes.push({ method: request.method, change: request.headers.get('x-roster-change') })
    }
  })
  return writes
}

describe('change labels', () => {
  it('labels an Undo, and leaves the change it undoes unlabelled', async () => {
    const writes = recordWrites()
    const { user } = renderApp('/properties/1')
    await user.click(await screen.findByRole('button', { name: 'Unlink Nancy Thompson' }))
    const dialog = await screen.findByRole('dialog', { name: 'Unlink Nancy Thompson?' })
    await user.click(within(dialog).getByRole('button', { name: 'Unlink' }))
    const undo = await screen.findByRole('button', { name: 'Undo' })
    await user.click(undo)
    await waitFor(() => {
      expect(writes).toEqual([
        { method: 'DELETE', change: null },
        { method: 'POST', change: 'undo' },
      ])
    })
    server.events.removeAllListeners()
  })

  it('labels every write of the transaction setup', async () => {
    const api = new OpenToCloseAPI({
      baseUrl: 'http://localhost:3000/api/v1',
      versionCheck: 'conditional',
    })
    const roster = await api.propertyContacts.listPropertyContacts(1)
    // Contact 1 is not on property 1 (a create); 168 moves to Buyer Agent (an update).
    const plan = planTransactionSetup(roster, {
      sellers: [343, 242],
      buyers: [110],
      agents: [],
      others: [
        { id: 1, role: 'Lender' },
        { id: 168, role: 'Buyer Agent' },
      ],
    })
    const writes = recordWrites()
    const applied = await applyTransactionPlan(api, 1, plan.items)
    expect(applied.summary.done).toBe(2)
    expect(writes).toEqual([
      { method: 'POST', change: 'setup' },
      { method: 'PUT', change: 'setup' },
    ])
    server.events.removeAllListeners()
  })
})
