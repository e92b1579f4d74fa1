// Mounts the mock backend on /api/v1 of the Vite dev and preview servers. Imported
// only by vite.config.ts (Node side): no mock code ever reaches the bundle.
import type { Plugin } from 'vite'
import { isLiveMode } from '../server/live-config.ts'
import { allowedHostsFrom, DEFAULT_ALLOWED_HOSTS } from '../server/request-guards.ts'
import { openDatabase } from '../server/db/open.ts'
import {
  DEMO_PERSON,
  MOCK_RESET_PATH,
  mockHistoryDatabaseOptions,
  mountHistory,
} from '../server/history/mount.ts'
import { readerOverFetch } from './history-reader.ts'
import { mockOptionsFromEnv } from './env.ts'
import { createMockMiddleware, fetchFromMock, type Middleware } from './middleware.ts'

/** The names ALLOWED_HOSTS adds, so that Vite's own host check lets them by as well. */
function extraHostNames(): string[] {
  return [...allowedHostsFrom('localhost', process.env.ALLOWED_HOSTS)].filter(
    (host) => !DEFAULT_ALLOWED_HOSTS.includes(host),
  )
}

/**
 * Vite refuses unknown Host names itself, but not with `https` configured or with
 * `allowedHosts: true`, and it lets any IP address through: the mock answers only to
 * the names the production server would (loopback, the configured host, ALLOWED_HOSTS).
 */
function mockFor(host: string | boolean | undefined): Middleware {
  const allowedHosts = allowedHostsFrom(
    typeof host === 'string' ? host : '127.0.0.1',
    process.env.ALLOWED_HOSTS,
  )
  const mock = createMockMiddleware({ ...mockOptionsFromEnv(), allowedHosts })
  // The change history, opened on the first change or Activity read (src/server/history/).
  return mountHistory(mock, {
    db: () => openDatabase(mockHistoryDatabaseOptions()),
    reader: readerOverFetch(fetchFromMock, 'http://mock.invalid/api/v1'),
    demoPerson: DEMO_PERSON,
    resetPath: MOCK_RESET_PATH,
    allowedHosts,
  })
}

export function mockBackend(): Plugin {
  return {
    name: 'roster:mock-backend',
    config() {
      const extra = isLiveMode() ? [] : extraHostNames()
      // Merged into the project's list (`true` there stays `true`); preview inherits it.
      return extra.length === 0 ? undefined : { server: { allowedHosts: extra } }
    },
    configureServer(server) {
      if (!isLiveMode()) server.middlewares.use(mockFor(server.config.server.host))
    },
    configurePreviewServer(server) {
      if (!isLiveMode()) server.middlewares.use(mockFor(server.config.preview.host))
    },
  }
}
