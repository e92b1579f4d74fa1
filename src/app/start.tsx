import type { QueryClient } from '@tanstack/react-query'
import { startTransition, StrictMode } from 'react'
import { createRoot, hydrateRoot, type Root } from 'react-dom/client'
import { App } from './app'
import { readChecklistConfig } from '../features/checklist/checklist-config'
import { hydratePageState, PAGE_DATA_ID, readPageState } from './page-data'
import { createQueryClient } from './query-client'
import { propertyPageId } from '../config/paths'

/**
 * Starts the app in `container`. A page the server rendered (src/server/prerender.tsx)
 * is hydrated from the query cache that came with it; any other page is rendered here.
 */
export function startApp(
  container: HTMLElement,
  queryClient: QueryClient = createQueryClient(),
): Root {
  const document = container.ownerDocument
  const app = (
    <StrictMode>
      <App queryClient={queryClient} checklist={readChecklistConfig(document)} />
    </StrictMode>
  )
  const propertyId = propertyPageId(window.location.pathname)
  const prerendered = propertyId === null ? null : readPageState(document, propertyId)
  document.getElementById(PAGE_DATA_ID)?.remove()

  if (prerendered) {
    // React takes over the markup as it is. As a transition, hydration runs in short
    // slices, so the page stays responsive; a click meanwhile is replayed once done.
    hydratePageState(queryClient, prerendered)
    let root: Root | undefined
    startTransition(() => {
      root = hydrateRoot(container, app)
    })
    if (root) return root
  }
  // Not rendered on the server (another page, the dev server, or the API was too slow
  // for it, or what came with it did not check out): rendered here, and the page reads
  // its data, which the server may already be sending (src/server/preload-hints.ts).
  // React would add its tree next to markup it does not hydrate, so that goes first.
  container.replaceChildren()
  const root = createRoot(container)
  root.render(app)
  return root
}
