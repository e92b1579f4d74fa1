// `npm run db:backup -- FILE [--force]`: a consistent copy of the embedded database.
import { parseArgs } from 'node:util'
import { databaseOptionsFromEnv } from '../db/open.ts'
import { appMigrations } from '../migrations.ts'
import { backupDataDir, PG_DUMP_HINT } from './backup.ts'

try {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false } },
  })
  const [file, ...extra] = positionals
  if (file === undefined || extra.length > 0) {
    console.error('Usage: npm run db:backup -- FILE [--force]')
    process.exit(2)
  }
  const options = databaseOptionsFromEnv(appMigrations)
  if (options.dataDir === undefined) {
    console.error(PG_DUMP_HINT)
    process.exit(2)
  }
  const bytes = await backupDataDir(options.dataDir, file, values.force)
  console.log(`Backed up ${options.dataDir} to ${file} (${bytes} bytes).`)
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
}
