// Opens Roster's database: PGlite in ROSTER_DATA_DIR by default (embedded, nothing to
// install), or a PostgreSQL server when DATABASE_URL is set (several Roster servers
// sharing one database). Both answer the same `Database` seam with the same SQL, and
// the migrations run before the first query is served.
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { PGliteInterface } from '@electric-sql/pglite'
import type { Pool, PoolClient } from 'pg'
import type { Database, Migration, Sql } from './types.ts'
import { runMigrations } from './migrate.ts'

export interface DatabaseOptions {
  /** `postgres://…`: a PostgreSQL server. Without it, PGlite. */
  url?: string
  /** PGlite's folder; `memory://` (or omitted) keeps everything in memory. */
  dataDir?: string
  migrations: readonly Migration[]
}

/** Where the embedded database lives unless ROSTER_DATA_DIR says otherwise. */
export const DEFAULT_DATA_DIR = '.roster-data'

export function databaseOptionsFromEnv(
  migrations: readonly Migration[],
  env: NodeJS.ProcessEnv = process.env,
): DatabaseOptions {
  const url = env.DATABASE_URL?.trim()
  if (url) return { url, migrations }
  return { dataDir: resolve(nonEmpty(env.ROSTER_DATA_DIR) ?? DEFAULT_DATA_DIR), migrations }
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed === '' ? undefined : trimmed
}

/** Where the options point, for the start-up line (never the password). */
export function describeDatabase(options: DatabaseOptions): string {
  if (options.url) {
    try {
      const url = new URL(options.url)
      return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`
    } catch {
      return 'PostgreSQL (DATABASE_URL)'
    }
  }
  return options.dataDir && options.dataDir !== 'memory://'
    ? `PGlite in ${options.dataDir}`
    : 'PGlite in memory'
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const db = options.url ? await openPostgres(options.url) : await openPglite(options.dataDir)
  try {
    await runMigrations(db, options.migrations)
  } catch (error) {
    await db.close()
    throw error
  }
  return db
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite')
  const inMemory = dataDir === undefined || dataDir === 'memory://'
  if (!inMemory) mkdirSync(dataDir, { recursive: true })
  return wrapPglite(inMemory ? await PGlite.create() : await PGlite.create(dataDir))
}

/** The `Database` seam over one PGlite instance (exported for tests that clone one). */
export function wrapPglite(pglite: PGliteInterface): Database {
  // PGlite is one connection: statements from concurrent requests would interleave
  // inside each other's transactions. One queue keeps each transaction whole.
  let queue: Promise<unknown> = Promise.resolve()
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work)
    queue = run.catch(() => undefined)
    return run
  }
  const on =
    (target: Pick<PGliteInterface, 'query'>): Sql['query'] =>
    async (text, params) => {
      const result = await target.query<Record<string, unknown>>(text, params ? [...params] : [])
      return { rows: result.rows }
    }
  const query = on(pglite)
  return {
    engine: 'pglite',
    query: (text, params) => serially(() => query(text, params)),
    transaction: (work) => serially(() => pglite.transaction((tx) => work({ query: on(tx) }))),
    close: () => serially(() => pglite.close()),
  }
}

async function openPostgres(url: string): Promise<Database> {
  const { default: pg } = await import('pg')
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  // An idle client's error (the server restarted) must not crash the process.
  pool.on('error', (error) => {
    console.error(`Database connection lost: ${error.message}`)
  })
  const run = async (client: Pool | PoolClient, text: string, params?: readonly unknown[]) => {
    const result = await client.query<Record<string, unknown>>(text, params ? [...params] : [])
    return { rows: result.rows }
  }
  // Fail at start, with the server's own message, rather than on the first request.
  await run(pool, 'SELECT 1')
  return {
    engine: 'postgres',
    query: (text, params) => run(pool, text, params),
    transaction: async (work) => {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const value = await work({ query: (text, params) => run(client, text, params) })
        await client.query('COMMIT')
        return value
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}
