// Roster in production: the built app plus the live proxy on one small Node server.
// `npm run build && OPEN_TO_CLOSE_API_KEY=… npm run serve`. HOST (default 127.0.0.1),
// PORT (default 8080), ALLOWED_HOSTS (extra host names, comma-separated).
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { checklistFromEnv } from './checklist-config.ts'
import { describeLiveTarget, liveConfigFromEnv } from './live-config.ts'
import { prerenderTimeoutFromEnv } from './prerender.tsx'
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

// The proxy and server rendering reach Open To Close through one guarded call
// (src/server/upstream.ts); PRERENDER_TIMEOUT_MS=0 leaves all rendering to the browser.
const handler = createLiveApp({
  root,
  config: live.config,
  allowedHosts: allowedHostsFrom(host, process.env.ALLOWED_HOSTS),
  prerenderTimeoutMs: prerenderTimeoutFromEnv(),
  checklist: checklist.custom ? checklist.config : undefined,
})
const server = createServer(handler)

server.on('error', (error) => {
  fail(`Could not start Roster on ${host}:${port}: ${error.message}`)
})

server.listen(port, host, () => {
  const shown = host.includes(':') ? `[${host}]` : host
  console.log(`Roster on http://${shown}:${port} (live API: ${describeLiveTarget(live.config)})`)
})

function shutdown(): void {
  server.close(() => process.exit(0))
  server.closeAllConnections()
}
process.once('SIGTERM', shutdown)
process.once('SIGINT', shutdown)
