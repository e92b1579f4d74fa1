// `npm run db:restore -- FILE [--force]`: the embedded database from a db:backup file.
import { parseArgs } from 'node:util'
import { databaseOptionsFromEnv } from '../db/open.ts'
import { appMigrations } from '../migrations.ts'
import { PG_DUMP_HINT, restoreDataDir } from './backup.ts'

try {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false } },
  })
  const [file, ...extra] = positionals
  if (file === undefined || extra.length > 0) {
    console.error('Usage: npm run db:restore -- FILE [--force]')
    process.exit(2)
  }
  const options = databaseOptionsFromEnv(appMigrations)
  if (options.dataDir === undefined) {
    console.error(PG_DUMP_HINT)
    process.exit(2)
  }
  const { kept } = await restoreDataDir(file, options.dataDir, values.force)
  console.log(
    `Restored ${file} into ${options.dataDir}.${kept ? ` The database it replaced is in ${kept}.` : ''}`,
  )
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
}
