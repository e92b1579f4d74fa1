// @vitest-environment node
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/server/db/open.ts'
import { runMigrations, splitStatements } from '../../../src/server/db/migrate.ts'
import type { Migration } from '../../../src/server/db/types.ts'
import { closeEngines, engines } from './engines.ts'

afterAll(closeEngines)

const notes: Migration = {
  version: 1,
  name: 'notes',
  sql: `CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL);
        -- a comment line is not a statement
        INSERT INTO notes (body) VALUES ('first');`,
}
const tags: Migration = {
  version: 2,
  name: 'tags',
  sql: 'ALTER TABLE notes ADD COLUMN tag text',
}

describe('splitStatements', () => {
  it('splits at the semicolons that end a line and drops comment lines', () => {
    expect(splitStatements(notes.sql)).toEqual([
      'CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL)',
      "INSERT INTO notes (body) VALUES ('first')",
    ])
  })
})

describe.each(engines)('migrations on $name', (engine) => {
  it('applies each version once, in order, and records it', async () => {
    const db = await engine.open([tags, notes])
    const { rows } = await db.query('SELECT version, name FROM roster_migrations ORDER BY version')
    expect(rows).toEqual([
      { version: 1, name: 'notes' },
      { version: 2, name: 'tags' },
    ])
    expect(await runMigrations(db, [notes, tags])).toEqual([])
    const third: Migration = { version: 3, name: 'index', sql: 'CREATE INDEX ON notes (tag)' }
    expect(await runMigrations(db, [notes, tags, third])).toEqual([3])
    const count = await db.query('SELECT count(*)::int AS n FROM notes')
    expect(count.rows[0]).toEqual({ n: 1 })
  })

  it('leaves nothing half-done when a migration fails', async () => {
    const db = await engine.open([notes])
    const broken: Migration = {
      version: 2,
      name: 'broken',
      sql: 'ALTER TABLE notes ADD COLUMN a text;\nALTER TABLE nowhere ADD COLUMN b text;',
    }
    await expect(runMigrations(db, [notes, broken])).rejects.toThrow(/nowhere/)
    const columns = await db.query(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'notes' ORDER BY 1",
    )
    expect(columns.rows.map((r) => r.column_name)).toEqual(['body', 'id'])
    const versions = await db.query('SELECT version FROM roster_migrations')
    expect(versions.rows).toEqual([{ version: 1 }])
  })

  it('refuses two migrations with one version', async () => {
    const db = await engine.open([])
    await expect(runMigrations(db, [notes, { ...tags, version: 1 }])).rejects.toThrow(
      /share a version/,
    )
  })

  it('rolls a transaction back when its work throws', async () => {
    const db = await engine.open([notes])
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO notes (body) VALUES ($1)', ['lost'])
        throw new Error('no')
      }),
    ).rejects.toThrow('no')
    const { rows } = await db.query('SELECT body FROM notes ORDER BY id')
    expect(rows).toEqual([{ body: 'first' }])
  })
})

describe.runIf(engines.some((e) => e.name === 'postgres'))(
  'several servers starting at once',
  () => {
    it('run each migration once between them', async () => {
      const postgres = engines.find((e) => e.name === 'postgres')
      const url = await postgres?.freshUrl?.()
      if (!url) throw new Error('no PostgreSQL URL')
      const servers = await Promise.all(
        Array.from({ length: 4 }, () => openDatabase({ url, migrations: [notes, tags] })),
      )
      const [first] = servers
      if (!first) throw new Error('no server')
      const { rows } = await first.query('SELECT count(*)::int AS n FROM notes')
      expect(rows[0]).toEqual({ n: 1 })
      const versions = await first.query('SELECT version FROM roster_migrations ORDER BY 1')
      expect(versions.rows).toEqual([{ version: 1 }, { version: 2 }])
      await Promise.all(servers.map((s) => s.close()))
    })
  },
)
