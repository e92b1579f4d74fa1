// Debian's Chromium, the same way the browser flows start it (playwright.config.ts),
// driven by Playwright; Playwright cannot download its own browser on this network.
import { chromium, type Browser, type Page, type Request } from '@playwright/test'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** No background calls (the network is closed), no GPU on this machine. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
}

/** A new page in its own context (empty cache and storage), 1280×800 like the flows. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  context.setDefaultTimeout(15_000)
  return context.newPage()
}

export interface ApiCall {
  method: string
  /** Path and query below /api/v1, e.g. `/properties/1/contacts`. */
  path: string
  search: URLSearchParams
}

/** Records every request the page makes to /api/v1, from now on. */
export function recordApiCalls(page: Page): { calls: ApiCall[]; inFlight: () => number } {
  const calls: ApiCall[] = []
  const pending = new Set<Request>()
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (!url.pathname.startsWith('/api/v1/')) return
    pending.add(request)
    calls.push({
      method: request.method(),
      path: url.pathname.slice('/api/v1'.length),
      search: url.searchParams,
    })
  })
  const settle = (request: Request) => pending.delete(request)
  page.on('requestfinished', settle)
  page.on('requestfailed', settle)
  return { calls, inFlight: () => pending.size }
}

/** Waits until no /api/v1 request has started or been in flight for `quietMs`. */
export async function waitForApiQuiet(
  recorder: ReturnType<typeof recordApiCalls>,
  quietMs = 750,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let seen = recorder.calls.length
  let quietSince = Date.now()
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    if (recorder.calls.length !== seen || recorder.inFlight() > 0) {
      seen = recorder.calls.length
      quietSince = Date.now()
    } else if (Date.now() - quietSince >= quietMs) {
      return
    }
  }
  throw new Error(`API requests did not settle within ${timeoutMs / 1000} s`)
}
