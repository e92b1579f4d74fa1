// Both database engines for the store tests: PGlite in memory, always; and a fresh
// database on the PostgreSQL server that tests/postgres-setup.ts started, when it did.
// Use `describe.each(engines)` and `await engine.open(migrations)` in each test.
import { randomBytes } from 'node:crypto'
import { inject } from 'vitest'
import { PGlite } from '@electric-sql/pglite'
import { runMigrations } from '../../../src/server/db/migrate.ts'
import { openDatabase, wrapPglite } from '../../../src/server/db/open.ts'
import type { Database, Migration } from '../../../src/server/db/types.ts'

export interface TestEngine {
  name: 'pglite' | 'postgres'
  /** A new, empty database with these migrations applied; closed and dropped after the file. */
  open(migrations: readonly Migration[]): Promise<Database>
  /** A URL for a new empty database (postgres only), for tests that open it themselves. */
  freshUrl?: () => Promise<string>
}

const adminUrl = inject('postgresUrl')
const opened: (() => Promise<void>)[] = []
let template: Promise<PGlite> | undefined

async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `roster_test_${randomBytes(6).toString('hex')}`
  const { default: pg } = await import('pg')
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const again = new pg.Client({ connectionString: adminUrl })
      await again.connect()
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await again.end()
    },
  }
}

export const engines: TestEngine[] = [
  {
    name: 'pglite',
    // Starting PGlite takes seconds; a clone of one empty instance takes a fraction.
    open: async (migrations) => {
      template ??= PGlite.create()
      const db = wrapPglite(await (await template).clone())
      opened.push(() => db.close())
      await runMigrations(db, migrations)
      return db
    },
  },
]

if (adminUrl !== '') {
  engines.push({
    name: 'postgres',
    open: async (migrations) => {
      const { url, drop } = await createPostgresDatabase()
      const db = await openDatabase({ url, migrations })
      opened.push(async () => {
        await db.close()
        await drop()
      })
      return db
    },
    freshUrl: async () => {
      const { url, drop } = await createPostgresDatabase()
      opened.push(drop)
      return url
    },
  })
}

/** Call from afterAll in each file that uses the engines. */
export async function closeEngines(): Promise<void> {
  for (const close of opened.splice(0)) await close()
  const first = template
  template = undefined
  if (first) await (await first).close()
}
