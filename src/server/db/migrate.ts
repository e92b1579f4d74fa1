// Versioned schema changes, run at start. Several servers may start at once against
// one PostgreSQL: an advisory lock held for the transaction makes them take turns, and
// each applies only the versions not yet recorded, so every migration runs once.
import type { Database, Migration } from './types.ts'

/** Any constant works, as long as every Roster server uses the same one. */
const MIGRATION_LOCK = 7_105_301

export async function runMigrations(
  db: Database,
  migrations: readonly Migration[],
): Promise<number[]> {
  const versions = migrations.map((m) => m.version)
  if (new Set(versions).size !== versions.length) {
    throw new Error(`Two migrations share a version: ${versions.join(', ')}`)
  }
  const ordered = [...migrations].sort((a, b) => a.version - b.version)
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await tx.query(
      `CREATE TABLE IF NOT EXISTS roster_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    )
    const { rows } = await tx.query('SELECT version FROM roster_migrations')
    const applied = new Set(rows.map((row) => Number(row.version)))
    const ran: number[] = []
    for (const migration of ordered) {
      if (applied.has(migration.version)) continue
      for (const statement of splitStatements(migration.sql)) await tx.query(statement)
      await tx.query('INSERT INTO roster_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ])
      ran.push(migration.version)
    }
    return ran
  })
}

/**
 * One parameterised query runs one statement, so a migration's SQL is split at the
 * semicolons that end a line. Migrations are written for that (no semicolons inside
 * function bodies or strings at a line's end).
 */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((statement) =>
      statement
        .split('\n')
        .filter((line) => !/^\s*--/.test(line))
        .join('\n')
        .trim(),
    )
    .filter((statement) => statement.length > 0)
}
