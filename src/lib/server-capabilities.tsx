import { createContext, use, useState, useSyncExternalStore, type ReactNode } from 'react'

/** Writes a server may refuse with 405 Method Not Allowed (the live API is known to). */
export type RefusableOperation = 'update' | 'delete'

interface CapabilityStore {
  subscribe: (listener: () => void) => () => void
  refused: () => ReadonlySet<RefusableOperation>
  markRefused: (operation: RefusableOperation) => void
}

function createCapabilityStore(): CapabilityStore {
  let refused: ReadonlySet<RefusableOperation> = new Set()
  const listeners = new Set<() => void>()
  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    refused: () => refused,
    markRefused(operation) {
      if (refused.has(operation)) return
      refused = new Set([...refused, operation])
      for (const listener of listeners) listener()
    },
  }
}

const CapabilityContext = createContext<CapabilityStore | null>(null)

/**
 * Remembers, until the page is reloaded, which operations this server refused
 * with 405, so the UI stops offering an action that cannot work.
 */
export function ServerCapabilitiesProvider({ children }: { children: ReactNode }) {
  const [store] = useState(createCapabilityStore)
  return <CapabilityContext value={store}>{children}</CapabilityContext>
}

function useStore(): CapabilityStore {
  const store = use(CapabilityContext)
  if (!store) throw new Error('Wrap the app in <ServerCapabilitiesProvider>')
  return store
}

export function useRefusedOperations(): ReadonlySet<RefusableOperation> {
  const store = useStore()
  return useSyncExternalStore(store.subscribe, store.refused, store.refused)
}

export function useMarkRefused(): (operation: RefusableOperation) => void {
  return useStore().markRefused
}
