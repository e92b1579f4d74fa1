import type { QueryClient } from '@tanstack/react-query'
import { startTransition, StrictMode } from 'react'
import { createRoot, hydrateRoot, type Root } from 'react-dom/client'
import { App } from './app'
import { readChecklistConfig, type ChecklistConfig } from '../features/checklist/checklist-config'
import { hydratePageState, PAGE_DATA_ID, readPageState } from './page-data'
import { createQueryClient } from './query-client'
import { propertyPageId } from '../config/paths'
import type { DehydratedState } from '@tanstack/react-query'
import { nextTask } from './next-task'

/** What the page brought with it, read and checked before React starts. */
interface PageStart {
  checklist: ChecklistConfig
  /** The query cache the server rendered the page from; null when it did not. */
  prerendered: DehydratedState | null
}

function readPageStart(document: Document): PageStart {
  const propertyId = propertyPageId(window.location.pathname)
  const prerendered = propertyId === null ? null : readPageState(document, propertyId)
  document.getElementById(PAGE_DATA_ID)?.remove()
  return { checklist: readChecklistConfig(document), prerendered }
}

function mount(container: HTMLElement, queryClient: QueryClient, start: PageStart): Root {
  const app = (
    <StrictMode>
      <App queryClient={queryClient} checklist={start.checklist} />
    </StrictMode>
  )
  if (start.prerendered) {
    // React takes over the markup as it is. As a transition, hydration runs in short
    // slices, so the page stays responsive; each role group is a Suspense boundary of
    // its own (role-group-list.tsx), hydrated in a pass of its own, and a tap on one not
    // hydrated yet hydrates it first and then reaches its button.
    hydratePageState(queryClient, start.prerendered)
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

/**
 * Starts the app in `container`. A page the server rendered (src/server/prerender.tsx)
 * is hydrated from the query cache that came with it; any other page is rendered here.
 */
export function startApp(
  container: HTMLElement,
  queryClient: QueryClient = createQueryClient(),
): Root {
  return mount(container, queryClient, readPageStart(container.ownerDocument))
}

/**
 * startApp as the page's script runs it: in steps, each a task of its own, so that the
 * main thread is never held long while the server-rendered page is already on screen
 * (a tap waits for the task it falls in, at most). Evaluating the script ends the first
 * (it has already asked for the code a first tap may need: main.tsx, warm-now.ts);
 * reading and checking what came with the page is the second; starting React the
 * third, and React hydrates in slices from there.
 */
export async function bootApp(container: HTMLElement): Promise<Root> {
  await nextTask()
  const queryClient = createQueryClient()
  const start = readPageStart(container.ownerDocument)
  await nextTask()
  return mount(container, queryClient, start)
}
