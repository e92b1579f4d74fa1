import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { server } from '../../../src/mocks/node'
import { renderApp } from '../../test-utils'

// Seed facts (first page of the list: properties 1 to 20): 1 and 16 are complete
// Seller deals; 13 is a Buyer deal with no Lender and no Title or Escrow Officer; 15
// has every seller-side role, but its primary Seller cannot be reached.

const ROSTER_READ = /\/api\/v1\/properties\/(\d+)\/contacts$/

/** Roster reads as they start and end, per property, and how many were out at once. */
function watchRosterReads() {
  const reads = new Map<string, number>()
  let inFlight = 0
  let most = 0
  const propertyOf = (url: string) => ROSTER_READ.exec(new URL(url).pathname)?.[1]
  const started = ({ request }: { request: Request }) => {
    const id = propertyOf(request.url)
    if (id === undefined) return
    reads.set(id, (reads.get(id) ?? 0) + 1)
    inFlight += 1
    most = Math.max(most, inFlight)
  }
  const ended = ({ request }: { request: Request }) => {
    if (propertyOf(request.url) !== undefined) inFlight -= 1
  }
  server.events.on('request:start', started)
  server.events.on('response:mocked', ended)
  return {
    reads,
    most: () => most,
  }
}

afterEach(() => {
  server.events.removeAllListeners()
})

function rowOf(propertyId: number) {
  const row = screen
    .getAllByRole('row')
    .find(
      (candidate) =>
        within(candidate).queryByRole('link')?.getAttribute('href') === `/properties/${propertyId}`,
    )
  if (!row) throw new Error(`No row for property ${propertyId}`)
  return row
}

function checklistCell(propertyId: number) {
  const cells = within(rowOf(propertyId)).getAllByRole('cell')
  return cells.at(-1)
}

describe('the checklist on the properties list', () => {
  it('shows each visible deal’s state, one roster read per row, at most 4 at once', async () => {
    const watch = watchRosterReads()
    const { user } = renderApp('/')
    await screen.findByRole('link', { name: 'Elm Circle Ranch' })
    expect(screen.getByRole('columnheader', { name: 'Checklist' })).toBeVisible()
    await waitFor(
      () => {
        expect(screen.queryByText('Checking…')).toBeNull()
      },
      { timeout: 5000 },
    )
    expect(checklistCell(1)).toHaveTextContent('Complete')
    expect(checklistCell(13)).toHaveTextContent('2 missing')
    expect(checklistCell(15)).toHaveTextContent('1 to fix')
    expect(checklistCell(16)).toHaveTextContent('Complete')
    expect(watch.reads.size).toBe(20)
    expect([...watch.reads.values()].every((count) => count === 1)).toBe(true)
    expect(watch.most()).toBeLessThanOrEqual(4)

    // The filter narrows the page to the deals that are not complete, reading nothing.
    await user.click(screen.getByRole('checkbox', { name: 'Incomplete only' }))
    expect(window.location.search).toBe('?incomplete=1')
    expect(screen.queryByRole('link', { name: 'Elm Circle Ranch' })).toBeNull()
    expect(checklistCell(13)).toHaveTextContent('2 missing')
    expect(checklistCell(15)).toHaveTextContent('1 to fix')

    // The property page starts from the roster the list read.
    await user.click(within(rowOf(13)).getByRole('link'))
    expect(await screen.findByRole('region', { name: /^Checklist: 3 of 5 filled/ })).toBeVisible()
    expect(watch.reads.get('13')).toBe(1)
    expect([...watch.reads.values()].reduce((sum, count) => sum + count, 0)).toBe(20)
  })

  it('reads only the rows of the page shown', async () => {
    const watch = watchRosterReads()
    renderApp('/?page=2')
    await screen.findByRole('button', { name: 'Previous page' })
    await waitFor(
      () => {
        expect(screen.queryByText('Checking…')).toBeNull()
      },
      { timeout: 5000 },
    )
    expect(watch.reads.size).toBe(11)
    expect(watch.reads.has('1')).toBe(false)
  })
})
