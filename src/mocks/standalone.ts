// The production build plus the mock backend on one small Node server, so the flows
// run against what ships (no Vite in the loop). `npx tsx src/mocks/standalone.ts`.
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { mockOptionsFromEnv } from './env.ts'
import { createMockMiddleware } from './middleware.ts'
import { serveStatic } from './static-files.ts'

const HOST = '127.0.0.1'
const root = fileURLToPath(new URL('../../dist', import.meta.url))

if (!existsSync(`${root}/index.html`)) {
  console.error('dist/index.html not found. Run npm run build first')
  process.exit(1)
}

const { values } = parseArgs({ options: { port: { type: 'string' } }, strict: false })
const port = Number(typeof values.port === 'string' ? values.port : (process.env.PORT ?? 4173))
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Not a port number: ${String(values.port ?? process.env.PORT)}`)
  process.exit(1)
}

const mock = createMockMiddleware(mockOptionsFromEnv())
const serveFile = serveStatic(root)
const server = createServer((req, res) => {
  mock(req, res, () => serveFile(req, res))
})

server.on('error', (error) => {
  console.error(`Could not start the mock server on ${HOST}:${port}: ${error.message}`)
  process.exit(1)
})

server.listen(port, HOST, () => {
  console.log(`Roster (mock backend) on http://${HOST}:${port}`)
})

function shutdown(): void {
  server.close(() => process.exit(0))
  // Keep-alive connections would hold close() open; the flows are done with them.
  server.closeAllConnections()
}
process.once('SIGTERM', shutdown)
process.once('SIGINT', shutdown)
