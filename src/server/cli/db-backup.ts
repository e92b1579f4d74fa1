// `npm run db:backup -- FILE [--force]`: a consistent copy of the embedded database.
import { backupDataDir, runBackupCommand } from './backup.ts'

await runBackupCommand('db:backup', async ({ file, dataDir, force }) => {
  const bytes = await backupDataDir(dataDir, file, force)
  return `Backed up ${dataDir} to ${file} (${bytes} bytes).`
})
