import { useSyncExternalStore } from 'react'

// Whether changes can reach the server now, in one place for the whole app: the
// browser says it is offline, or the last request failed for want of a network
// (`reportUnreachable`, from the query client's caches) and nothing has got through
// since. The query client pauses and resumes its reads by itself (react-query's
// onlineManager); this is what the user is told, and what a Save checks before sending.

export type Connection = 'online' | 'offline' | 'unreachable'

let browserOnline = typeof navigator === 'undefined' ? true : navigator.onLine
let unreachable = false
const listeners = new Set<() => void>()

function current(): Connection {
  if (!browserOnline) return 'offline'
  return unreachable ? 'unreachable' : 'online'
}

function notify() {
  for (const listener of listeners) listener()
}

function onBrowserChange() {
  browserOnline = navigator.onLine
  // Back online: the next request says whether the server is reachable again.
  if (browserOnline) unreachable = false
  notify()
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0 && typeof window !== 'undefined') {
    browserOnline = navigator.onLine
    window.addEventListener('online', onBrowserChange)
    window.addEventListener('offline', onBrowserChange)
  }
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && typeof window !== 'undefined') {
      window.removeEventListener('online', onBrowserChange)
      window.removeEventListener('offline', onBrowserChange)
    }
  }
}

/** What the user should be told now. Looked up afresh, so a Save checks the truth. */
function lookUp(): Connection {
  if (typeof navigator !== 'undefined') browserOnline = navigator.onLine
  return current()
}

export const connection = {
  current: lookUp,
  /** A request failed without reaching the server (not a timeout, not a refusal). */
  reportUnreachable(): void {
    if (unreachable) return
    unreachable = true
    notify()
  },
  /** A request got an answer: the server is reachable. */
  reportReachable(): void {
    if (!unreachable) return
    unreachable = false
    notify()
  },
  subscribe,
}

/** The connection as a React value; 'online' while rendering on the server. */
export function useConnection(): Connection {
  return useSyncExternalStore(subscribe, lookUp, () => 'online')
}

/** The one sentence for a write that was not sent because there is no connection. */
export function notSentMessage(state: Exclude<Connection, 'online'>): string {
  return state === 'offline'
    ? "You're offline, so nothing was sent. Your changes are kept here: save again once you're back online."
    : "The server can't be reached, so nothing was sent. Your changes are kept here: try again in a moment."
}
