// @vitest-environment node
// writeSnapshotFile: once it returns, the snapshot is on disk (file and folder flushed);
// when it throws, the old file is intact and no temp file is left.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  nodeFs,
  readSnapshotFile,
  writeSnapshotFile,
  type SnapshotFs,
} from '../../src/mocks/persist'
import { createSeed } from '../../src/mocks/seed'

let dir = ''

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'roster-persist-'))
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

function fsError(code: string): Error {
  return Object.assign(new Error(`${code}: refused`), { code })
}

/** The real file system, recording each call by path; `fail` makes chosen calls throw. */
function recordingFs(fail: (call: string) => Error | undefined = () => undefined) {
  const calls: string[] = []
  const paths = new Map<number, string>()
  const step = (call: string) => {
    calls.push(call)
    const error = fail(call)
    if (error) throw error
  }
  const fs: SnapshotFs = {
    mkdirSync(path, options) {
      step(`mkdir ${path}`)
      return nodeFs.mkdirSync(path, options)
    },
    openSync(path, flags) {
      step(`open ${path} ${flags}`)
      const fd = nodeFs.openSync(path, flags)
      paths.set(fd, path)
      return fd
    },
    writeSync(fd, buffer, offset, length) {
      step(`write ${paths.get(fd) ?? fd}`)
      return nodeFs.writeSync(fd, buffer, offset, length)
    },
    fsyncSync(fd) {
      step(`fsync ${paths.get(fd) ?? fd}`)
      nodeFs.fsyncSync(fd)
    },
    closeSync(fd) {
      calls.push(`close ${paths.get(fd) ?? fd}`)
      nodeFs.closeSync(fd)
    },
    renameSync(from, to) {
      step(`rename ${from} ${to}`)
      nodeFs.renameSync(from, to)
    },
    rmSync(path, options) {
      calls.push(`rm ${path}`)
      nodeFs.rmSync(path, options)
    },
  }
  return { fs, calls }
}

describe('writeSnapshotFile', () => {
  it('flushes the temp file, renames it in, then flushes the folder', () => {
    const file = join(dir, 'db.json')
    const temp = `${file}.${process.pid}.tmp`
    const { fs, calls } = recordingFs()
    writeSnapshotFile(file, createSeed(), fs)
    expect(calls).toEqual([
      `mkdir ${dir}`,
      `open ${temp} w`,
      ...calls.filter((call) => call === `write ${temp}`),
      `fsync ${temp}`,
      `close ${temp}`,
      `rename ${temp} ${file}`,
      `open ${dir} r`,
      `fsync ${dir}`,
      `close ${dir}`,
    ])
    expect(calls).toContain(`write ${temp}`)
    expect(readSnapshotFile(file)).toEqual(createSeed())
    expect(readdirSync(dir)).toEqual(['db.json'])
  })

  it('writes with the real file system by default', () => {
    const file = join(dir, 'nested', 'db.json')
    writeSnapshotFile(file, createSeed())
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(createSeed())
  })

  it.each(['open', 'write', 'fsync', 'rename'])(
    'throws when %s fails, keeping the old file and no temp file',
    (failing) => {
      const file = join(dir, 'db.json')
      writeFileSync(file, '{"old": true}')
      const { fs } = recordingFs((call) =>
        call.startsWith(`${failing} `) && call.includes('.tmp') ? fsError('ENOSPC') : undefined,
      )
      expect(() => writeSnapshotFile(file, createSeed(), fs)).toThrow('ENOSPC')
      expect(readFileSync(file, 'utf8')).toBe('{"old": true}')
      expect(readdirSync(dir)).toEqual(['db.json'])
    },
  )

  it.each([
    ['opening', 'open', 'EISDIR'],
    ['opening', 'open', 'EPERM'],
    ['flushing', 'fsync', 'EINVAL'],
  ])('carries on where %s a folder is not supported (%s: %s)', (_, call, code) => {
    const file = join(dir, 'db.json')
    const folderCall = call === 'open' ? `open ${dir} r` : `fsync ${dir}`
    const { fs } = recordingFs((made) => (made === folderCall ? fsError(code) : undefined))
    expect(() => writeSnapshotFile(file, createSeed(), fs)).not.toThrow()
    expect(readSnapshotFile(file)).toEqual(createSeed())
  })

  it('throws when flushing the folder fails for real (EIO)', () => {
    const file = join(dir, 'db.json')
    const { fs, calls } = recordingFs((call) =>
      call === `fsync ${dir}` ? fsError('EIO') : undefined,
    )
    expect(() => writeSnapshotFile(file, createSeed(), fs)).toThrow('EIO')
    expect(calls.at(-1)).toBe(`close ${dir}`)
  })
})
