import { OpenToCloseAPI } from '../api'

// The browser talks only to its own origin; the server side of /api/v1 decides
// whether the mock backend or the live API (through a token-adding proxy) answers.
// A server rendering a page (src/server/prerender.tsx) loads this module too, with no
// page to resolve /api/v1 against; it reads through its own client (the query
// factories take one) and never calls this one, and the reserved .invalid name makes
// any call there fail at once.
// Conditional writes are checked by that server side (If-Match, 412): the mock backend
// checks them itself, the live proxy reads the link from Open To Close first.
export const apiClient = new OpenToCloseAPI({
  baseUrl: typeof document === 'undefined' ? 'http://server-render.invalid/api/v1' : '/api/v1',
  timeoutMs: 20_000,
  versionCheck: 'conditional',
})
