// Backups of the embedded store: PGlite's own dump of its data folder (a gzipped tar,
// taken from a running instance, so consistent), and its restore into a folder of its
// own. For PostgreSQL (DATABASE_URL), pg_dump and pg_restore do this (README).
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { databaseOptionsFromEnv } from '../db/open.ts'
import { appMigrations } from '../migrations.ts'
import { lockDataDir, lockedMessage, LOCK_FILE } from './data-dir-lock.ts'
import { CliProblem } from './open-store.ts'

export const PG_DUMP_HINT =
  'DATABASE_URL is set: back up and restore PostgreSQL with pg_dump and pg_restore (see README, "Database and backups").'

function holdsDatabase(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'))
}

function lockOrRefuse(dataDir: string, what: string): () => void {
  const lock = lockDataDir(dataDir)
  if (!lock.ok) throw new CliProblem(lockedMessage(lock.pid, what))
  return lock.release
}

/** Writes the folder's database to `file`; refuses to overwrite a file unless `force`. */
export async function backupDataDir(dataDir: string, file: string, force = false): Promise<number> {
  if (!holdsDatabase(dataDir)) throw new CliProblem(`There is no Roster database in ${dataDir}.`)
  if (existsSync(file) && !force) {
    throw new CliProblem(
      `${file} exists already; choose another name, or pass --force to replace it.`,
    )
  }
  const release = lockOrRefuse(dataDir, 'back up a copy of it taken while it was stopped')
  try {
    const { PGlite } = await import('@electric-sql/pglite')
    const pglite = await PGlite.create(dataDir)
    try {
      const dump = await pglite.dumpDataDir('gzip')
      const bytes = Buffer.from(await dump.arrayBuffer())
      writeFileSync(file, bytes)
      return bytes.length
    } finally {
      await pglite.close()
    }
  } finally {
    release()
  }
}

/**
 * Loads `file` into `dataDir`. A folder that holds a database already is replaced only
 * with `force`, and then kept beside it (returned) rather than deleted.
 */
export async function restoreDataDir(
  file: string,
  dataDir: string,
  force = false,
): Promise<{ kept?: string }> {
  if (!existsSync(file)) throw new CliProblem(`There is no backup file ${file}.`)
  const replacing = holdsDatabase(dataDir)
  if (replacing && !force) {
    throw new CliProblem(
      `${dataDir} holds a database already; pass --force to replace it (it is kept beside it).`,
    )
  }
  const release = existsSync(dataDir)
    ? lockOrRefuse(dataDir, 'restore into another ROSTER_DATA_DIR')
    : () => undefined
  const staging = join(dirname(dataDir), `.${basename(dataDir)}.restoring-${process.pid}`)
  rmSync(staging, { recursive: true, force: true })
  try {
    const { PGlite } = await import('@electric-sql/pglite')
    const pglite = await PGlite.create(staging, {
      loadDataDir: new Blob([readFileSync(file)]),
    })
    try {
      // A file that is not a Roster backup fails here, before anything is replaced.
      await pglite.query('SELECT version FROM roster_migrations LIMIT 1')
    } finally {
      await pglite.close()
    }
    // The backup was taken holding the lock: that pid is not running this folder.
    rmSync(join(staging, LOCK_FILE), { force: true })
    let kept: string | undefined
    if (existsSync(dataDir)) {
      kept = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`
      renameSync(dataDir, kept)
      rmSync(join(kept, LOCK_FILE), { force: true })
    }
    renameSync(staging, dataDir)
    return { kept }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    release()
    if (error instanceof CliProblem) throw error
    throw new CliProblem(
      `Could not restore ${file}: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}

/**
 * The command line both `db:backup` and `db:restore` take (`FILE [--force]`) and the
 * embedded store's folder; exits with a usage line, or the pg_dump hint under
 * DATABASE_URL. `run` does the work; its failure is one line and exit code 1.
 */
export async function runBackupCommand(
  name: 'db:backup' | 'db:restore',
  run: (args: { file: string; dataDir: string; force: boolean }) => Promise<string>,
): Promise<void> {
  try {
    const { positionals, values } = parseArgs({
      allowPositionals: true,
      options: { force: { type: 'boolean', default: false } },
    })
    const [file, ...extra] = positionals
    if (file === undefined || extra.length > 0) {
      console.error(`Usage: npm run ${name} -- FILE [--force]`)
      process.exit(2)
    }
    const options = databaseOptionsFromEnv(appMigrations)
    if (options.dataDir === undefined) {
      console.error(PG_DUMP_HINT)
      process.exit(2)
    }
    console.log(await run({ file, dataDir: options.dataDir, force: values.force }))
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exitCode = 1
  }
}
