import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
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
})
