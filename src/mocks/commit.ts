// When the mock backend keeps its data on disk (the Vite and standalone mounts), a
// change counts only once it is saved: a request whose change cannot be written gets
// a 500 and leaves the db exactly as it found it, in memory and on disk. Requests
// touch the db one at a time meanwhile, so none builds on (or reads) a change that is
// then taken back. The configured latency is spent before a request's turn, so slow
// requests still overlap as they would against a real server.
import { db } from './db.ts'
import type { DbSnapshot } from './types.ts'

export type Saver = (snapshot: DbSnapshot) => void

export const SAVE_FAILED_MESSAGE =
  'The mock backend could not save this change; nothing was changed.'

/** A change that was not saved, and so was taken back. */
export class SaveFailed extends Error {
  constructor(cause: unknown) {
    super(SAVE_FAILED_MESSAGE, { cause })
  }
}

let saver: Saver | null = null
let queue: Promise<unknown> = Promise.resolve()

/** Where changes are saved from now on; null keeps them in memory only (Vitest, MOCK_PERSIST=0). */
export function setSaver(next: Saver | null): void {
  saver = next
}

function ignore(): void {
  // The queue only orders the work; each caller sees its own outcome.
}

function inTurn<T>(work: () => T | Promise<T>): Promise<T> {
  const result = queue.then(work)
  queue = result.then(ignore, ignore)
  return result
}

/** Runs `work`, which only reads the db, when no change is under way. */
export function read<T>(work: () => T | Promise<T>): Promise<T> {
  // In memory only, a change is applied in one synchronous step: nothing to wait for.
  if (saver === null) return Promise.resolve().then(work)
  return inTurn(work)
}

/**
 * Runs `work`, which may change the db, in its turn, and saves the result when `keep`
 * says the change stands (a 2xx answer). When `work` throws or saving fails, the db is
 * put back as it was; a failed save rejects with SaveFailed.
 */
export function change<T>(work: () => T | Promise<T>, keep: (result: T) => boolean): Promise<T> {
  const save = saver
  if (save === null) return Promise.resolve().then(work)
  return inTurn(async () => {
    const before = db.snapshot()
    let result: T
    try {
      result = await work()
    } catch (error) {
      db.load(before)
      throw error
    }
    if (!keep(result)) return result
    try {
      save(db.snapshot())
    } catch (error) {
      db.load(before)
      // The write may have failed after the new file was in place (flushing its folder):
      // put the old data back on disk too, so a restart does not revive the change.
      try {
        save(before)
      } catch {
        // The disk still fails; the file most likely still holds `before`.
      }
      throw new SaveFailed(error)
    }
    return result
  })
}
