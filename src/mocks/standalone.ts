// The production build plus the mock backend on one small Node server, so the flows
// run against what ships (no Vite in the loop): the production request handler
// (src/server/production-app.ts: security headers, host allow-list) with the mock
// backend as its API. `npx tsx src/mocks/standalone.ts`. With `--api-only` it serves
// just /api/v1 (and /__mock): a stand-in for the live API behind the live proxy
// (e2e/live.spec.ts), with MOCK_API_TOKEN demanding the token the proxy must add.
// `--dist DIR` serves another build than dist/ (relative to the working directory), so
// the benchmark can serve its own build (`npm run bench`) without touching the one the
// flows use. ALLOWED_HOSTS adds host names to answer to, as for the production server.
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { OpenToCloseAPI } from '../api/index.ts'
import { checklistOrExit } from '../server/checklist-config.ts'

import { describeDatabase, openDatabase } from '../server/db/open.ts'
import {
  DEMO_PERSON,
  MOCK_RESET_PATH,
  mockHistoryDatabaseOptions,
  mountHistory,
} from '../server/history/mount.ts'
import { readerOverFetch } from './history-reader.ts'
import { createPrerenderer, prerenderTimeoutFromEnv } from '../server/prerender.tsx'
import { createProductionHandler } from '../server/production-app.ts'
import { allowedHostsFrom, type Middleware } from '../server/request-guards.ts'
import { mockOptionsFromEnv } from './env.ts'
import { createMockMiddleware, fetchFromMock } from './middleware.ts'

const HOST = '127.0.0.1'

const { values } = parseArgs({
  options: { port: { type: 'string' }, 'api-only': { type: 'boolean' }, dist: { type: 'string' } },
  strict: false,
})
const apiOnly = values['api-only'] === true
const root =
  typeof values.dist === 'string'
    ? resolve(values.dist)
    : fileURLToPath(new URL('../../dist', import.meta.url))

if (!apiOnly && !existsSync(`${root}/index.html`)) {
  console.error(
    typeof values.dist === 'string'
      ? `${root}/index.html not found. Build into it first (vite build --outDir ${values.dist})`
      : 'dist/index.html not found. Run npm run build first',
  )
  process.exit(1)
}

const port = Number(typeof values.port === 'string' ? values.port : (process.env.PORT ?? 4173))
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Not a port number: ${String(values.port ?? process.env.PORT)}`)
  process.exit(1)
}

// Every change made here is recorded (src/server/history/) as the demo coordinator's.
const historyOptions = mockHistoryDatabaseOptions()
const historyDb = openDatabase(historyOptions)
const mock = mountHistory(createMockMiddleware(mockOptionsFromEnv()), {
  db: () => historyDb,
  reader: readerOverFetch(fetchFromMock, 'http://mock.invalid/api/v1'),
  demoPerson: DEMO_PERSON,
  resetPath: MOCK_RESET_PATH,
})
const allowedHosts = allowedHostsFrom(HOST, process.env.ALLOWED_HOSTS)

function fullHandler(api: Middleware) {
  // A team's roster checklist (ROSTER_CHECKLIST), as production serves it.
  const loaded = checklistOrExit()
  const checklist = loaded.custom ? loaded.config : undefined
  // The property page is rendered here from the mock backend, as production renders it
  // from the live API (src/server/prerender.tsx); PRERENDER_TIMEOUT_MS=0 turns that off.
  const prerenderTimeout = prerenderTimeoutFromEnv()
  const prerender =
    prerenderTimeout === 0
      ? undefined
      : createPrerenderer({
          api: new OpenToCloseAPI({ baseUrl: 'http://mock.invalid/api/v1', fetch: fetchFromMock }),
          timeoutMs: prerenderTimeout,
          checklist,
        })
  return createProductionHandler({ root, api, allowedHosts, prerender, checklist })
}

const server = createServer(
  apiOnly ? createProductionHandler({ api: mock, allowedHosts }) : fullHandler(mock),
)

server.on('error', (error) => {
  console.error(`Could not start the mock server on ${HOST}:${port}: ${error.message}`)
  process.exit(1)
})

server.listen(port, HOST, () => {
  const what = apiOnly ? 'mock API only' : 'mock backend'
  // The port bound, which differs from the one asked for when that was 0.
  console.log(`Roster (${what}) on http://${HOST}:${(server.address() as AddressInfo).port}`)
  console.log(`Change history: ${describeDatabase(historyOptions)}`)
})

function shutdown(): void {
  server.close(() => {
    void historyDb
      .then((db) => db.close())
      .catch(() => undefined)
      .finally(() => process.exit(0))
  })
  // Keep-alive connections would hold close() open; the flows are done with them.
  server.closeAllConnections()
}
process.once('SIGTERM', shutdown)
process.once('SIGINT', shutdown)
