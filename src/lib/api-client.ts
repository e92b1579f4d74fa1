import { OpenToCloseAPI } from '../api'

// The browser talks only to its own origin; the server side of /api/v1 decides
// whether the mock backend or the live API (through a token-adding proxy) answers.
export const apiClient = new OpenToCloseAPI({ baseUrl: '/api/v1', timeoutMs: 20_000 })
