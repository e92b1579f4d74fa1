// Server-side rendering of the property page, the page coordinators open all day: its
// HTML arrives with the property and the whole roster in it, so they read the deal
// while the script is still on its way (on a slow connection that is most of the
// wait), and the browser then hydrates that markup instead of building it again.
// It reads with the page's own queries (the factories, given the server's client) and
// hands the query cache over as TanStack Query's dehydrated state (src/app/page-data.ts),
// so the app starts with exactly what is on screen and asks the API nothing.
//
// Used by the production server (reading the live API with the token, server side)
// and the mock standalone server (reading the mock backend in process). When the API
// is slow, refuses, or the page is any other, the plain index.html goes out and the
// browser renders the page as it always could: nothing here is needed for it to work.
import { dehydrate, type QueryClient } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { renderToString } from 'react-dom/server'
import { Router } from 'wouter'
import { OpenToCloseAPIError, type OpenToCloseAPI } from '../api'
import { App } from '../app/app'
import { PAGE_DATA_ID, serializePageState } from '../app/page-data'
import { createQueryClient } from '../app/query-client'
import { propertyPageId } from '../config/paths'
import type { ChecklistConfig } from '../features/checklist/checklist-config'
import { createPropertyQueries, propertyQueries } from '../features/properties/api/property-queries'
import { createPropertyContactQueries } from '../features/property-contacts/api/property-contact-queries'

/**
 * The complete HTML for `url`, built from the build's index.html (`template`), or
 * null to send index.html as it is. `renders(url)` says at once, before any read,
 * whether `url` is a page it may render.
 */
export type Prerenderer = ((url: URL, template: string) => Promise<string | null>) & {
  renders: (url: URL) => boolean
}

/**
 * How long the page's two reads may take before the server stops waiting and lets the
 * browser render: past this, the page shows sooner with a skeleton than without.
 */
export const DEFAULT_PRERENDER_TIMEOUT_MS = 300

/**
 * PRERENDER_TIMEOUT_MS from the environment: how long to wait for the page's data, 0
 * to never render on the server. Unset or not a whole number: the default.
 */
export function prerenderTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.PRERENDER_TIMEOUT_MS?.trim() ?? ''
  return /^\d{1,6}$/.test(value) ? Number(value) : DEFAULT_PRERENDER_TIMEOUT_MS
}

export interface PrerenderOptions {
  /** Reads the page's data: the live API with the token, or the mock backend. */
  api: OpenToCloseAPI
  timeoutMs?: number
  /** Told about failures that are not the API's answer (a bug in rendering, say). */
  onError?: (error: unknown) => void
  /**
   * True when a page would carry a secret (production: the API token, in any
   * spelling); such a page is not sent, the plain index.html goes instead.
   */
  containsSecret?: (html: string) => boolean
  /** Where a page that was not sent is reported (never with the secret). */
  log?: (line: string) => void
  /** The team's roster checklist, rendered as the browser will read it from the page. */
  checklist?: ChecklistConfig
}

const ROOT_ELEMENT = '<div id="root"></div>'
const TITLE_ELEMENT = /<title>[^<]*<\/title>/

export function createPrerenderer({
  api,
  timeoutMs = DEFAULT_PRERENDER_TIMEOUT_MS,
  onError = (error) => {
    console.error('[prerender]', error)
  },
  containsSecret = () => false,
  log = (line) => {
    console.warn(`[prerender] ${line}`)
  },
  checklist,
}: PrerenderOptions): Prerenderer {
  const render = async (url: URL, template: string) => {
    const propertyId = propertyPageId(url.pathname)
    if (propertyId === null || !template.includes(ROOT_ELEMENT)) return null
    const queryClient = createQueryClient()
    // The reads stop at the deadline: cancelling aborts each query's signal, which the
    // query functions hand to the client.
    const signal = AbortSignal.timeout(timeoutMs)
    const cancel = () => void queryClient.cancelQueries()
    signal.addEventListener('abort', cancel)
    try {
      // The queries the page reads on its first render, through the server's client;
      // tried once, as the deadline leaves no time for retries (the browser has its own).
      // (`query` is 5.108's name for `fetchQuery`, which it deprecates.)
      await Promise.all([
        queryClient.query({ ...createPropertyQueries(api).detail(propertyId), retry: false }),
        queryClient.query({
          ...createPropertyContactQueries(api).roster(propertyId),
          retry: false,
        }),
      ])
    } catch (error) {
      // Not found, refused, too slow, down: the browser asks again and shows the
      // problem the way it always does.
      if (!signal.aborted && !(error instanceof OpenToCloseAPIError)) onError(error)
      cancel()
      queryClient.clear()
      return null
    } finally {
      signal.removeEventListener('abort', cancel)
    }
    try {
      const page = fillTemplate(template, url, queryClient, checklist)
      if (containsSecret(page)) {
        log(`${url.pathname} would have carried the API token; sent the plain page instead`)
        return null
      }
      return page
    } catch (error) {
      onError(error)
      return null
    } finally {
      queryClient.clear()
    }
  }
  return Object.assign(render, { renders: (url: URL) => propertyPageId(url.pathname) !== null })
}

/**
 * index.html with the property page for `url` rendered into it from `queryClient`, which
 * holds the page's queries, and that cache, dehydrated. `checklist` is the one the
 * template carries (the server added it), so the browser hydrates the same summary.
 */
export function fillTemplate(
  template: string,
  url: URL,
  queryClient: QueryClient,
  checklist?: ChecklistConfig,
): string {
  const propertyId = propertyPageId(url.pathname)
  // Keys are the same whichever client the queries read through.
  const property =
    propertyId === null
      ? undefined
      : queryClient.getQueryData(propertyQueries.detail(propertyId).queryKey)
  if (!property) throw new Error(`No property in the cache to render ${url.pathname}`)
  const state = serializePageState(dehydrate(queryClient))
  const markup = renderToString(
    <StrictMode>
      <Router ssrPath={url.pathname} ssrSearch={url.search.replace(/^\?/, '')}>
        <App queryClient={queryClient} checklist={checklist} />
      </Router>
    </StrictMode>,
  )
  const title = `<title>${escapeHtml(`${property.title} · Roster`)}</title>`
  const root =
    `<div id="root">${markup}</div>` +
    `<script type="application/json" id="${PAGE_DATA_ID}">${state}</script>`
  // Functions as replacements: a `$&` in a title or a name is text, not a pattern.
  return template.replace(TITLE_ELEMENT, () => title).replace(ROOT_ELEMENT, () => root)
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}
