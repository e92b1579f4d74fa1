// `npm run db:restore -- FILE [--force]`: the embedded database from a db:backup file.
import { restoreDataDir, runBackupCommand } from './backup.ts'

await runBackupCommand('db:restore', async ({ file, dataDir, force }) => {
  const { kept } = await restoreDataDir(file, dataDir, force)
  return `Restored ${file} into ${dataDir}.${kept ? ` The database it replaced is in ${kept}.` : ''}`
})
