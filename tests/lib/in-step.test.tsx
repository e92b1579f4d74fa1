import { focusManager, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PropertyContact } from '../../src/api'
import { createQueryClient } from '../../src/app/query-client'
import { DEFAULT_ROSTER_POLL_SECONDS, rosterPollMs } from '../../src/config/polling'
import { usePropertyContacts } from '../../src/features/property-contacts/api/use-property-contacts'
import { describeRosterUpdates } from '../../src/features/property-contacts/write-conflicts'
import { connection } from '../../src/lib/connection'
import { broadcastRosterChange, listenForRosterChanges } from '../../src/lib/roster-broadcast'
import { db } from '../../src/mocks/db'
import { server } from '../../src/mocks/node'

const NO_FILTERS = { role: '', primaryOnly: false, search: '' }

function rosterReads(propertyId: number) {
  const reads: number[] = []
  server.events.on('request:start', ({ request }) => {
    const path = new URL(request.url).pathname
    if (request.method === 'GET' && path === `/api/v1/properties/${String(propertyId)}/contacts`) {
      reads.push(Date.now())
    }
  })
  return reads
}

afterEach(() => {
  server.events.removeAllListeners()
  focusManager.setFocused(undefined)
  vi.useRealTimers()
})

describe('the periodic check', () => {
  it('reads the roster once per interval while the page is visible, and not while hidden', async () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    })
    const queryClient = createQueryClient()
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    )
    const reads = rosterReads(1)
    const { result } = renderHook(() => usePropertyContacts(1, NO_FILTERS), { wrapper })
    await vi.waitFor(() => {
      expect(result.current.isSuccess).toBe(true)
    })
    expect(reads).toHaveLength(1)

    await act(() => vi.advanceTimersByTimeAsync(DEFAULT_ROSTER_POLL_SECONDS * 1000 * 3 + 500))
    expect(reads).toHaveLength(4)

    act(() => {
      focusManager.setFocused(false) // the tab is hidden
    })
    await act(() => vi.advanceTimersByTimeAsync(DEFAULT_ROSTER_POLL_SECONDS * 1000 * 4))
    expect(reads).toHaveLength(4)
    queryClient.clear()
  })

  it('takes its interval from VITE_ROSTER_POLL_SECONDS, 0 for off, the default otherwise', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(rosterPollMs(undefined)).toBe(30_000)
    expect(rosterPollMs('5')).toBe(5_000)
    expect(rosterPollMs('0.2')).toBe(1_000)
    expect(rosterPollMs('0')).toBe(false)
    expect(rosterPollMs('soon')).toBe(30_000)
    expect(warn).toHaveBeenCalledOnce()
  })
})

describe('tabs in step', () => {
  it('reads a property’s roster again when another tab says it changed', async () => {
    const queryClient = createQueryClient()
    const stop = listenForRosterChanges(queryClient, (id) => ['properties', id, 'contacts'])
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    )
    const reads = rosterReads(1)
    const { result } = renderHook(() => usePropertyContacts(1, NO_FILTERS), { wrapper })
    await waitFor(() => {
      expect(result.current.isSuccess).toBe(true)
    })
    db.links.remove(1, 242)
    const otherTab = new BroadcastChannel('roster:changes')
    otherTab.postMessage({ propertyId: 2 }) // another property: nothing to read here
    otherTab.postMessage({ propertyId: 'one' }) // not a message Roster sends: ignored
    otherTab.postMessage({ propertyId: 1 })
    otherTab.close()
    await waitFor(() => {
      expect(result.current.data?.all.some((link) => link.contact_id === 242)).toBe(false)
    })
    expect(reads).toHaveLength(2)
    // This tab's own broadcast is not heard by this tab: one read per write, not two.
    broadcastRosterChange(1)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(reads).toHaveLength(2)
    stop()
    queryClient.clear()
  })
})

describe('the connection', () => {
  it('is unreachable after a network failure until an answer comes, offline while the browser is', () => {
    expect(connection.current()).toBe('online')
    connection.reportUnreachable()
    expect(connection.current()).toBe('unreachable')
    connection.reportReachable()
    expect(connection.current()).toBe('online')
    Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => false })
    expect(connection.current()).toBe('offline')
    Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => true })
    expect(connection.current()).toBe('online')
  })
})

describe('describing changes from elsewhere', () => {
  const link = (contactId: number, first: string, fields: Partial<PropertyContact> = {}) =>
    ({
      id: contactId,
      property_id: 1,
      contact_id: contactId,
      role: 'Buyer',
      primary: false,
      start_date: null,
      notes: null,
      created: '2026-01-01T00:00:00.000Z',
      updated: '2026-01-01T00:00:00.000Z',
      contact: {
        id: contactId,
        first_name: first,
        last_name: 'Smith',
        email: null,
        phone: null,
        company: null,
        created: '2026-01-01T00:00:00.000Z',
      },
      ...fields,
    }) satisfies PropertyContact

  it('names who changed and how, the first three, and counts the rest', () => {
    const before = [link(1, 'Ann'), link(2, 'Bo', { primary: true }), link(3, 'Cy'), link(4, 'Di')]
    const after = [
      link(1, 'Ann', { primary: true, updated: '2026-01-02T00:00:00.000Z' }),
      link(2, 'Bo', { primary: false }),
      link(3, 'Cy', { role: 'Seller' }),
      link(5, 'Ed', { role: 'Lender', primary: true }),
    ]
    expect(describeRosterUpdates(before, after)).toBe(
      'Ann Smith is now primary Buyer; Bo Smith is no longer primary Buyer; Cy Smith is now Seller (was Buyer); and 2 more changes',
    )
    expect(
      describeRosterUpdates([link(4, 'Di')], [link(5, 'Ed', { role: 'Lender', primary: true })]),
    ).toBe('Ed Smith was added as Lender (primary); Di Smith was removed')
  })

  it('says nothing when only what a coordinator does not see moved', () => {
    expect(
      describeRosterUpdates(
        [link(1, 'Ann')],
        [link(1, 'Ann', { updated: '2026-02-01T00:00:00.000Z' })],
      ),
    ).toBeNull()
  })
})
