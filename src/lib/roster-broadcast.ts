import type { QueryClient } from '@tanstack/react-query'

// Tabs in step: a write made in one tab tells the others which property's roster
// changed, and they read it again (BroadcastChannel; no polling, nothing shared but
// the property id). Each tab reads the server's truth itself, so a tab never shows
// another tab's optimistic or rolled-back state.

const CHANNEL = 'roster:changes'

interface RosterChange {
  propertyId: number
}

function isRosterChange(data: unknown): data is RosterChange {
  if (typeof data !== 'object' || data === null || !('propertyId' in data)) return false
  const { propertyId } = data
  return typeof propertyId === 'number' && Number.isSafeInteger(propertyId) && propertyId > 0
}

// One channel object per tab, for sending and listening: a message is delivered to
// every other object on the channel but never back to the one that sent it, so a tab
// does not read its own write twice.
let shared: BroadcastChannel | null = null

function channel(): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null
  shared ??= new BroadcastChannel(CHANNEL)
  return shared
}

/** Tells the other tabs that this property's roster may have changed. */
export function broadcastRosterChange(propertyId: number): void {
  channel()?.postMessage({ propertyId } satisfies RosterChange)
}

/**
 * Reads a property's roster again when another tab says it changed: its queries are
 * invalidated, so the roster on screen is read at once and one not on screen when next
 * shown. Returns the function that stops listening.
 */
export function listenForRosterChanges(
  queryClient: QueryClient,
  rosterKey: (propertyId: number) => readonly unknown[],
): () => void {
  const tab = channel()
  if (!tab) return () => undefined
  const onMessage = (event: MessageEvent<unknown>) => {
    if (!isRosterChange(event.data)) return
    void queryClient.invalidateQueries({ queryKey: rosterKey(event.data.propertyId) })
  }
  tab.addEventListener('message', onMessage)
  return () => {
    tab.removeEventListener('message', onMessage)
  }
}
