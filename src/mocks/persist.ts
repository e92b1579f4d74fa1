// File persistence for the long-running mounts, so data survives a dev-server restart.
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs'
import { dirname } from 'node:path'
import type { DbSnapshot } from './types.ts'

/** The file system calls a snapshot write makes; tests pass a recording or failing one. */
export interface SnapshotFs {
  mkdirSync(path: string, options: { recursive: true }): unknown
  openSync(path: string, flags: 'r' | 'w'): number
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number
  fsyncSync(fd: number): void
  closeSync(fd: number): void
  renameSync(from: string, to: string): void
  rmSync(path: string, options: { force: true }): void
}

export const nodeFs: SnapshotFs = {
  mkdirSync,
  openSync,
  writeSync,
  fsyncSync,
  closeSync,
  renameSync,
  rmSync,
}

/** The file's JSON, or undefined when it is missing or not JSON (then the seed is used). */
export function readSnapshotFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

/**
 * Writes so that a change, once this returns, survives a crash and a power loss: the
 * data goes to a temp file that is flushed to disk, renamed over the old file (a crash
 * never leaves half a file behind), and the folder is flushed so the rename itself is
 * on disk. Throws when any step fails, leaving no temp file behind.
 */
export function writeSnapshotFile(
  file: string,
  snapshot: DbSnapshot,
  fs: SnapshotFs = nodeFs,
): void {
  const folder = dirname(file)
  fs.mkdirSync(folder, { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  const data = Buffer.from(JSON.stringify(snapshot))
  let fd: number | undefined
  try {
    fd = fs.openSync(temp, 'w')
    for (let written = 0; written < data.length;) {
      written += fs.writeSync(fd, data, written, data.length - written)
    }
    fs.fsyncSync(fd)
    const closing = fd
    fd = undefined
    fs.closeSync(closing)
    fs.renameSync(temp, file)
  } catch (error) {
    if (fd !== undefined) closeQuietly(fs, fd)
    try {
      fs.rmSync(temp, { force: true })
    } catch {
      // The write's own error is the one worth reporting.
    }
    throw error
  }
  syncFolder(fs, folder)
}

function closeQuietly(fs: SnapshotFs, fd: number): void {
  try {
    fs.closeSync(fd)
  } catch {
    // Already failing; the first error is the one reported.
  }
}

/** Platforms (Windows, some file systems) that cannot flush a folder say so with these. */
const FOLDER_SYNC_UNSUPPORTED = new Set(['EINVAL', 'EISDIR', 'EPERM'])

function isFolderSyncUnsupported(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? error.code : undefined
  return typeof code === 'string' && FOLDER_SYNC_UNSUPPORTED.has(code)
}

/** Flushes the folder's entries (the rename); a no-op where the platform cannot. */
function syncFolder(fs: SnapshotFs, folder: string): void {
  let fd: number
  try {
    fd = fs.openSync(folder, 'r')
  } catch (error) {
    if (isFolderSyncUnsupported(error)) return
    throw error
  }
  try {
    fs.fsyncSync(fd)
  } catch (error) {
    if (!isFolderSyncUnsupported(error)) throw error
  } finally {
    closeQuietly(fs, fd)
  }
}
