// Mounts the mock backend on /api/v1 of the Vite dev and preview servers. Imported
// only by vite.config.ts (Node side): no mock code ever reaches the bundle.
import type { Plugin } from 'vite'
import { mockOptionsFromEnv } from './env.ts'
import { createMockMiddleware } from './middleware.ts'

/** Live mode (ROSTER_API=live) leaves /api/v1 to the proxy to the real API. */
const isLive = () => process.env.ROSTER_API === 'live'

export function mockBackend(): Plugin {
  return {
    name: 'roster:mock-backend',
    configureServer(server) {
      if (!isLive()) server.middlewares.use(createMockMiddleware(mockOptionsFromEnv()))
    },
    configurePreviewServer(server) {
      if (!isLive()) server.middlewares.use(createMockMiddleware(mockOptionsFromEnv()))
    },
  }
}
