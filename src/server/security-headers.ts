// The headers every server that ships the built app sends: the production server, the
// Vite preview server and the mock standalone server (so the browser flows run under
// the same policy as production). Not the Vite dev server: its HMR preamble is an
// inline script, which this policy forbids on purpose.
import type { ServerResponse } from 'node:http'

/**
 * Everything comes from our own origin. Scripts: only the bundle's files, no inline
 * script, no eval (zod runs jitless for this, see src/api/schemas.ts). Styles: only
 * the emitted stylesheet, no <style> elements or style="" markup. Inline styles set
 * from script (React's `style` prop, Headless UI locking scroll on <html>, Floating UI
 * placing popovers) go through the CSSOM, which CSP does not govern, so
 * style-src-attr 'unsafe-inline' is not needed; e2e/live.spec.ts fails on any
 * `securitypolicyviolation` the main pages and dialogs raise.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  // The forms submit through script; without script they may only post to us.
  "form-action 'self'",
].join('; ')

/**
 * The policy for a page that carries the app's stylesheet inline (src/server/static-files.ts):
 * exactly those styles, by hash, and still no other inline style.
 */
export function contentSecurityPolicyWithStyles(styleHashes: readonly string[]): string {
  if (styleHashes.length === 0) return CONTENT_SECURITY_POLICY
  const hashes = styleHashes.map((hash) => `'${hash}'`).join(' ')
  return CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'self' ${hashes}`)
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  // Nothing, not even our origin, goes to other sites in a Referer header.
  'referrer-policy': 'no-referrer',
  // For browsers that predate frame-ancestors.
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  // Other sites cannot embed our responses (say, /api/v1 as a <script src>).
  'cross-origin-resource-policy': 'same-origin',
}

/** Sets the headers before any handler writes; `writeHead` merges its own with them. */
export function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
}
