// How the command-line tools open Roster's database: as the server would (same
// environment, same migrations), and for the embedded store only when no server holds
// its folder (src/server/cli/data-dir-lock.ts).
import { mkdirSync } from 'node:fs'
import { databaseOptionsFromEnv, openDatabase, type DatabaseOptions } from '../db/open.ts'
import type { Database } from '../db/types.ts'
import { appMigrations } from '../migrations.ts'
import { lockDataDir, lockedMessage } from './data-dir-lock.ts'

export class CliProblem extends Error {}

export async function openForCli(
  options: DatabaseOptions = databaseOptionsFromEnv(appMigrations),
): Promise<{ db: Database; close: () => Promise<void> }> {
  let release: () => void = () => undefined
  if (options.dataDir !== undefined && options.dataDir !== 'memory://') {
    mkdirSync(options.dataDir, { recursive: true })
    const lock = lockDataDir(options.dataDir)
    if (!lock.ok) {
      throw new CliProblem(
        lockedMessage(lock.pid, 'set DATABASE_URL to work on a PostgreSQL database instead'),
      )
    }
    release = lock.release
  }
  try {
    const db = await openDatabase(options)
    return {
      db,
      close: async () => {
        await db.close()
        release()
      },
    }
  } catch (error) {
    release()
    throw error
  }
}
