// PGlite is one process per data folder: a second one (a users command, a backup)
// opening it while the server runs would corrupt it. Whoever opens the folder holds
// a lock file in it with its pid; the others refuse while that process lives.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const LOCK_FILE = 'roster.pid'

export type LockResult = { ok: true; release: () => void } | { ok: false; pid: number }

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Takes the folder's lock, or says which live process holds it. A dead holder's lock is taken over. */
export function lockDataDir(dataDir: string): LockResult {
  const file = join(dataDir, LOCK_FILE)
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' })
      let released = false
      return {
        ok: true,
        release: () => {
          if (released) return
          released = true
          rmSync(file, { force: true })
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const pid = Number(readFileSync(file, 'utf8').trim())
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid))
      return { ok: false, pid }
    rmSync(file, { force: true })
  }
  throw new Error(`Could not take the lock ${file}`)
}

export function lockedMessage(pid: number, what: string): string {
  return `Roster is running on this data folder (pid ${pid}); stop it first, or ${what}.`
}
