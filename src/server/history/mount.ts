// The change history on a server: the Activity API on /api/roster, and the recorder
// around whatever answers /api/v1 (the mock backend or the live proxy). Every server
// mounts it the same way: standalone, Vite dev and preview, production.
import { resolve } from 'node:path'
import { setPerson, personOf, type Person } from '../auth/identity.ts'
import type { DatabaseOptions } from '../db/open.ts'
import type { Database } from '../db/types.ts'
import { acceptHost, sendJson, type Middleware } from '../request-guards.ts'
import { answerActivity } from './activity-routes.ts'
import { historyMigrations } from './migration.ts'
import type { HistoryReader } from './readers.ts'
import { withHistory } from './recorder.ts'
import { createHistoryStore, type HistoryStore } from './store.ts'

export interface HistoryMountOptions {
  /** Opens the database, on the first request that needs it (requests wait for it). */
  db: () => Promise<Database>
  reader: HistoryReader
  /** The mock servers' stand-in for the signed-in person, when none is set. */
  demoPerson?: Person | undefined
  /**
   * The mock backend's reset to the seed (POST): the history starts over with it, as
   * its entries describe changes to data that is gone.
   */
  resetPath?: string | undefined
  /** Host names served, when no server in front checks them (the Vite mounts). */
  allowedHosts?: ReadonlySet<string> | undefined
  /** `inner` is the live proxy, which offers its conditional checks' reads (recorder.ts). */
  proxyOffersBeforeState?: boolean
}

/** The mock servers' coordinator: every change made there is theirs. */
export const DEMO_PERSON: Person = { id: 'demo@roster.test', name: 'Demo Coordinator' }

export function mountHistory(inner: Middleware, options: HistoryMountOptions): Middleware {
  let opened: Promise<HistoryStore> | undefined
  const store = (): Promise<HistoryStore> => {
    if (opened === undefined) {
      opened = options.db().then(createHistoryStore)
      // Said once; each change then says it again as its record fails.
      opened.catch((error: unknown) => {
        console.error('[history] the change history database could not be opened:', error)
      })
    }
    return opened
  }
  const recorded = withHistory(inner, {
    store,
    reader: options.reader,
    allowedHosts: options.allowedHosts,
    proxyOffersBeforeState: options.proxyOffersBeforeState,
  })
  return (req, res, next) => {
    if (options.demoPerson !== undefined && personOf(req) === undefined) {
      setPerson(req, options.demoPerson)
    }
    const path = req.url ?? '/'
    if (path.startsWith('/api/roster')) {
      if (options.allowedHosts !== undefined && !acceptHost(req, res, options.allowedHosts)) return
      answerActivity(req, res, store())
        .then((answered) => {
          if (!answered) recorded(req, res, next)
        })
        .catch((error: unknown) => {
          console.error('[history] the Activity API failed:', error)
          if (res.headersSent) res.destroy()
          else sendJson(res, 500, { message: 'The change history could not be read.' })
        })
      return
    }
    if (req.method === 'POST' && path === options.resetPath) {
      store()
        .then((history) => history.clear())
        .catch((error: unknown) => {
          console.error('[history] could not clear the history on reset:', error)
        })
        .finally(() => {
          inner(req, res, next)
        })
      return
    }
    recorded(req, res, next)
  }
}

/** The mock backend's reset path (src/mocks/middleware.ts). */
export const MOCK_RESET_PATH = '/__mock/reset'

/**
 * Where the mock servers keep their history: ROSTER_DATA_DIR when set; in memory with
 * MOCK_PERSIST=0 (the flows, like the mock's own data); else beside the mock's data.
 */
export function mockHistoryDatabaseOptions(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): DatabaseOptions {
  const dir = env.ROSTER_DATA_DIR?.trim()
  if (dir !== undefined && dir !== '') {
    return { dataDir: resolve(cwd, dir), migrations: historyMigrations }
  }
  if (env.MOCK_PERSIST === '0') return { dataDir: 'memory://', migrations: historyMigrations }
  return { dataDir: resolve(cwd, '.mock-data/history'), migrations: historyMigrations }
}
