// The live-mode flows (e2e/live.spec.ts, the "live" project in playwright.config.ts):
// the production server (src/server/production.ts) serves the build and proxies
// /api/v1 to a fake Open To Close API, the project's own mock backend started API-only
// with MOCK_API_TOKEN. The mock answers 401 unless the proxy added exactly this token.

/** Distinctive, and with "/", "+" and "=", so every encoded form of it is checked too. */
export const LIVE_TOKEN = 'roster-e2e/Live+S3cret-Token=='

export const LIVE_PORT = Number(process.env.E2E_LIVE_PORT ?? 4318)
export const UPSTREAM_PORT = Number(process.env.E2E_UPSTREAM_PORT ?? 4319)

export const LIVE_ORIGIN = `http://127.0.0.1:${LIVE_PORT}`
export const UPSTREAM_ORIGIN = `http://127.0.0.1:${UPSTREAM_PORT}`

// The production server signs people in: the live project's web server makes this
// account in a fresh data folder before it starts (playwright.config.ts), and
// e2e/live.setup.ts signs in once for the live flows.
export const LIVE_ACCOUNT = {
  email: 'dana@example.com',
  name: 'Dana Lee',
  password: 'e2e long passphrase',
}
/** A second coordinator on the same server, for the team flows (e2e/team.spec.ts). */
export const LIVE_SECOND_ACCOUNT = {
  email: 'sam@example.com',
  name: 'Sam Park',
  password: 'another long passphrase',
}
export const LIVE_DATA_DIR = `${process.env.TMPDIR ?? '/tmp'}/roster-e2e-live-${LIVE_PORT}`
/** The signed-in browser state the live flows start from. */
export const LIVE_AUTH_FILE = `test-results/.auth/live-${LIVE_PORT}.json`
