// File persistence for the long-running mounts, so data survives a dev-server restart.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { DbSnapshot } from './types.ts'

/** The file's JSON, or undefined when it is missing or not JSON (then the seed is used). */
export function readSnapshotFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

/** Writes atomically (temp file + rename), so a crash never leaves half a file behind. */
export function writeSnapshotFile(file: string, snapshot: DbSnapshot): void {
  mkdirSync(dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, JSON.stringify(snapshot))
  renameSync(temp, file)
}
