// Roster in production: the built app plus the live proxy on one small Node server.
// `npm run build && OPEN_TO_CLOSE_API_KEY=… npm run serve`. HOST (default 127.0.0.1),
// PORT (default 8080), ALLOWED_HOSTS (extra host names, comma-separated); the database:
// ROSTER_DATA_DIR (embedded, default .roster-data) or DATABASE_URL; sign-in: TRUST_PROXY,
// TRUSTED_IDENTITY_HEADER (README, "Sign-in and accounts").
import { existsSync, mkdirSync } from 'node:fs'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { checklistFromEnv } from './checklist-config.ts'
import { signInSettingsFromEnv } from './auth/middleware.ts'
import { deleteExpiredSessions } from './auth/sessions.ts'
import { lockDataDir, lockedMessage } from './cli/data-dir-lock.ts'
import { databaseOptionsFromEnv, describeDatabase, openDatabase } from './db/open.ts'
import type { Database } from './db/types.ts'
import { describeLiveTarget, liveConfigFromEnv } from './live-config.ts'
import { prerenderTimeoutFromEnv } from './prerender.tsx'
import { appMigrations } from './migrations.ts'
import { allowedHostsFrom, createLiveApp } from './production-app.ts'

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

const live = liveConfigFromEnv()
if (!live.ok) fail(live.problem)
// The proxy holds its own copy; nothing spawned or dumped from here inherits the token.
delete process.env.OPEN_TO_CLOSE_API_KEY

// A team's roster checklist (ROSTER_CHECKLIST); a bad file stops the server here.
const checklist = checklistFromEnv()
if (!checklist.ok) fail(checklist.problem)

const root = fileURLToPath(new URL('../../dist', import.meta.url))
if (!existsSync(`${root}/index.html`)) fail('dist/index.html not found. Run npm run build first')

const host = process.env.HOST ?? '127.0.0.1'
const port = Number(process.env.PORT ?? 8080)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  fail(`Not a port number: ${process.env.PORT ?? ''}`)
}

const signIn = signInSettingsFromEnv()
if (!signIn.ok) fail(signIn.problem)
for (const warning of signIn.warnings) console.warn(`Warning: ${warning}`)

// The embedded database is one process's: hold its folder while the server runs.
const dbOptions = databaseOptionsFromEnv(appMigrations)
let releaseLock: () => void = () => undefined
if (dbOptions.dataDir !== undefined) {
  mkdirSync(dbOptions.dataDir, { recursive: true })
  const lock = lockDataDir(dbOptions.dataDir)
  if (!lock.ok) fail(lockedMessage(lock.pid, 'give this server its own ROSTER_DATA_DIR'))
  releaseLock = lock.release
}
let db: Database
try {
  db = await openDatabase(dbOptions)
} catch (error) {
  releaseLock()
  fail(
    `Could not open the database (${describeDatabase(dbOptions)}): ${error instanceof Error ? error.message : String(error)}`,
  )
}
// Expired sessions are refused anyway; this only keeps the table small.
const sweep = setInterval(
  () => {
    deleteExpiredSessions(db).catch((error: unknown) => {
      console.warn(`Could not delete expired sessions: ${String(error)}`)
    })
  },
  60 * 60 * 1000,
)
sweep.unref()

// The proxy and server rendering reach Open To Close through one guarded call
// (src/server/upstream.ts); PRERENDER_TIMEOUT_MS=0 leaves all rendering to the browser.
const handler = createLiveApp({
  root,
  config: live.config,
  allowedHosts: allowedHostsFrom(host, process.env.ALLOWED_HOSTS),
  prerenderTimeoutMs: prerenderTimeoutFromEnv(),
  checklist: checklist.custom ? checklist.config : undefined,
  db,
  signIn: signIn.settings,
})
const server = createServer(handler)

server.on('error', (error) => {
  releaseLock()
  fail(`Could not start Roster on ${host}:${port}: ${error.message}`)
})

server.listen(port, host, () => {
  const shown = host.includes(':') ? `[${host}]` : host
  console.log(`Roster on http://${shown}:${port} (live API: ${describeLiveTarget(live.config)})`)
  console.log(`Accounts and sessions: ${describeDatabase(dbOptions)}`)
})

function shutdown(): void {
  server.close(() => {
    db.close()
      .catch(() => undefined)
      .finally(() => {
        releaseLock()
        process.exit(0)
      })
  })
  server.closeAllConnections()
}
process.once('SIGTERM', shutdown)
process.once('SIGINT', shutdown)
