// Live mode's settings, read from the server's environment only. The token is read
// from a variable without the VITE_ prefix: Vite puts VITE_ variables into the bundle.
import { createRedactor } from './redact.ts'

/**
 * ROSTER_API=live: the Vite dev and preview servers proxy /api/v1 to the live API
 * (src/server/vite-plugin.ts) and the mock backend steps aside (src/mocks/vite-plugin.ts).
 */
export function isLiveMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.ROSTER_API === 'live'
}

export const DEFAULT_BASE_URL = 'https://api.opentoclose.com/v1'
/**
 * Under the browser client's own 20 s (src/lib/api-client.ts), so a slow upstream
 * reaches the user as the proxy's 504 message rather than a client-side abort.
 */
export const DEFAULT_TIMEOUT_MS = 15_000

export interface LiveConfig {
  /** The account's Open To Close API token: server side only. */
  apiKey: string
  /** Where reads go, e.g. https://api.opentoclose.com/v1 (no trailing slash needed). */
  baseUrl: URL
  /** Where POSTs go: the live API is reported to want writes without `/v1`. */
  writeBaseUrl: URL
  /** How long one upstream call may take, body included, before the proxy answers 504. */
  timeoutMs: number
}

export type LiveConfigResult = { ok: true; config: LiveConfig } | { ok: false; problem: string }

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** An http(s) base URL that is safe to put the token on, or why not. */
function parseBaseUrl(name: string, value: string): URL | string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `${name} is not a URL: ${value}`
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `${name} must be an https URL: ${value}`
  }
  // Plain http would carry the token in clear text across the network.
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    return `${name} must use https (plain http only to localhost, for tests): ${value}`
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    return `${name} must be a plain base URL, without credentials, query or fragment`
  }
  return url
}

/** A variable's trimmed value; set-but-empty counts as unset. */
function setting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim()
  return value === undefined || value === '' ? undefined : value
}

export function liveConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LiveConfigResult {
  const apiKey = setting(env, 'OPEN_TO_CLOSE_API_KEY')
  if (apiKey === undefined) {
    return {
      ok: false,
      problem:
        'OPEN_TO_CLOSE_API_KEY is not set: live mode needs the Open To Close API token in the server environment, e.g. OPEN_TO_CLOSE_API_KEY=… npm run dev:live (or preview:live, serve)',
    }
  }
  if (/[\s\p{Cc}]/u.test(apiKey)) {
    return {
      ok: false,
      problem: 'OPEN_TO_CLOSE_API_KEY contains spaces or control characters: set the token alone',
    }
  }
  const redact = createRedactor(apiKey)
  const exposed = Object.entries(env).find(
    ([name, value]) => name.startsWith('VITE_') && value !== undefined && redact.leaks(value),
  )
  if (exposed) {
    return {
      ok: false,
      problem: `${exposed[0]} holds the API token, and Vite bundles VITE_ variables into the browser code: unset it and use OPEN_TO_CLOSE_API_KEY only`,
    }
  }

  const baseUrl = parseBaseUrl(
    'OPEN_TO_CLOSE_BASE_URL',
    setting(env, 'OPEN_TO_CLOSE_BASE_URL') ?? DEFAULT_BASE_URL,
  )
  if (typeof baseUrl === 'string') return { ok: false, problem: redact.text(baseUrl) }
  const writeBaseUrl = parseBaseUrl(
    'OPEN_TO_CLOSE_WRITE_BASE_URL',
    setting(env, 'OPEN_TO_CLOSE_WRITE_BASE_URL') ?? baseUrl.href,
  )
  if (typeof writeBaseUrl === 'string') return { ok: false, problem: redact.text(writeBaseUrl) }

  let timeoutMs = DEFAULT_TIMEOUT_MS
  const rawTimeout = setting(env, 'OPEN_TO_CLOSE_TIMEOUT_MS')
  if (rawTimeout !== undefined) {
    timeoutMs = Number(rawTimeout)
    if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
      return {
        ok: false,
        problem: `OPEN_TO_CLOSE_TIMEOUT_MS must be a positive whole number of milliseconds: ${rawTimeout}`,
      }
    }
  }
  return { ok: true, config: { apiKey, baseUrl, writeBaseUrl, timeoutMs } }
}

/** For startup lines: where the proxy points, never the token. */
export function describeLiveTarget(config: LiveConfig): string {
  const base = config.baseUrl.href.replace(/\/+$/, '')
  const writes = config.writeBaseUrl.href.replace(/\/+$/, '')
  return writes === base ? base : `${base} (writes: ${writes})`
}
