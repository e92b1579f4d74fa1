// @vitest-environment node
// The users command and the backups of the embedded store.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSessionStore } from '../../../src/server/auth/sessions'
import { createUserStore } from '../../../src/server/auth/users'
import { backupDataDir, restoreDataDir } from '../../../src/server/cli/backup'
import { LOCK_FILE, lockDataDir } from '../../../src/server/cli/data-dir-lock'
import { openForCli } from '../../../src/server/cli/open-store'
import { runUsersCommand } from '../../../src/server/cli/users-command'
import { openDatabase } from '../../../src/server/db/open'
import type { Database } from '../../../src/server/db/types'
import { appMigrations } from '../../../src/server/migrations'
import { closeEngines, engines } from '../db/engines'

afterAll(closeEngines)

const FAST = { N: 2 ** 10, r: 8, p: 1 }

describe.each(engines)('npm run users on $name', (engine) => {
  let db: Database
  beforeAll(async () => {
    db = await engine.open(appMigrations)
  }, 120_000)

  /** Runs one command: its exit code and what it printed. */
  async function users(argv: string[], password = 'a long passphrase') {
    const out: string[] = []
    const err: string[] = []
    const asked: boolean[] = []
    const code = await runUsersCommand(
      argv,
      () => Promise.resolve({ db, close: () => Promise.resolve() }),
      {
        readPassword: (fromStdin) => {
          asked.push(fromStdin)
          return Promise.resolve(password)
        },
        out: (line) => out.push(line),
        err: (line) => err.push(line),
        scrypt: FAST,
      },
    )
    return { code, out: out.join('\n'), err: err.join('\n'), asked }
  }

  it('adds, lists, resets and removes accounts', async () => {
    const added = await users(['add', 'Dana@Example.com', '--name', 'Dana Lee', '--password-stdin'])
    expect(added).toMatchObject({ code: 0, out: 'Added dana@example.com.', asked: [true] })
    expect((await users(['add', 'dana@example.com'])).code).toBe(1)
    const listed = await users(['list'])
    expect(listed.code).toBe(0)
    expect(listed.out).toMatch(/^dana@example\.com\tDana Lee\tadded \d{4}-\d\d-\d\d$/)
    expect(listed.out).not.toContain('scrypt')

    const session = await createSessionStore(db).create('dana@example.com')
    const reset = await users(['reset-password', 'dana@example.com'], 'a newer passphrase')
    expect(reset).toMatchObject({ code: 0, asked: [false] })
    expect(await createSessionStore(db).lookup(session)).toBeUndefined()

    expect(await users(['remove', 'dana@example.com'])).toMatchObject({ code: 0 })
    expect(await users(['remove', 'dana@example.com'])).toMatchObject({
      code: 1,
      err: 'There is no account for dana@example.com.',
    })
    expect(await createUserStore(db).list()).toEqual([])
  })

  it('refuses short passwords, bad emails and bad usage, changing nothing', async () => {
    expect(await users(['add', 'sam@example.com'], 'short')).toMatchObject({
      code: 1,
      err: 'The password must be at least 12 characters long.',
    })
    expect((await users(['add', 'not-an-email'])).code).toBe(2)
    expect((await users(['add'])).code).toBe(2)
    expect((await users(['list', 'extra'])).code).toBe(2)
    expect((await users(['remove', 'sam@example.com', '--name', 'Sam'])).code).toBe(2)
    expect((await users(['frobnicate'])).err).toContain('Usage: npm run users')
    expect(await createUserStore(db).find('sam@example.com')).toBeUndefined()
  })
})

describe('the embedded store on disk', () => {
  let folder: string
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'roster-cli-'))
  })
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true })
  })

  it('is refused to a second process while one holds it', () => {
    const lock = lockDataDir(folder)
    expect(lock.ok).toBe(true)
    // This process holds it; a live other process (our parent) would be refused.
    writeFileSync(join(folder, LOCK_FILE), `${process.ppid}\n`)
    const other = lockDataDir(folder)
    expect(other).toEqual({ ok: false, pid: process.ppid })
    // A holder that has exited leaves a stale lock, which is taken over.
    writeFileSync(join(folder, LOCK_FILE), '999999999\n')
    const taken = lockDataDir(folder)
    expect(taken.ok).toBe(true)
    if (taken.ok) taken.release()
    expect(existsSync(join(folder, LOCK_FILE))).toBe(false)
  })

  it('refuses the users command while a server runs on the folder', async () => {
    const dataDir = join(folder, 'busy')
    const { close } = await openForCli({ dataDir, migrations: appMigrations })
    writeFileSync(join(dataDir, LOCK_FILE), `${process.ppid}\n`)
    await expect(openForCli({ dataDir, migrations: appMigrations })).rejects.toThrow(
      `Roster is running on this data folder (pid ${process.ppid}); stop it first`,
    )
    await close()
  }, 120_000)

  it('backs up and restores accounts and sessions, and will not overwrite without --force', async () => {
    const dataDir = join(folder, 'data')
    const db = await openDatabase({ dataDir, migrations: appMigrations })
    await createUserStore(db, FAST).add({
      email: 'dana@example.com',
      password: 'a long passphrase',
    })
    const session = await createSessionStore(db).create('dana@example.com')
    await db.close()

    const file = join(folder, 'roster.tar.gz')
    expect(await backupDataDir(dataDir, file)).toBeGreaterThan(1000)
    expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]))
    await expect(backupDataDir(dataDir, file)).rejects.toThrow(/exists already/)

    const elsewhere = join(folder, 'restored')
    expect(await restoreDataDir(file, elsewhere)).toEqual({ kept: undefined })
    await expect(restoreDataDir(file, elsewhere)).rejects.toThrow(/--force/)
    const { kept } = await restoreDataDir(file, elsewhere, true)
    expect(kept).toMatch(/restored\.before-restore-/)
    expect(existsSync(join(elsewhere, LOCK_FILE))).toBe(false)

    const restored = await openDatabase({ dataDir: elsewhere, migrations: appMigrations })
    expect((await createUserStore(restored).list()).map((u) => u.email)).toEqual([
      'dana@example.com',
    ])
    expect(await createSessionStore(restored).lookup(session)).toMatchObject({
      email: 'dana@example.com',
    })
    await restored.close()

    writeFileSync(join(folder, 'junk.tar.gz'), 'not a backup')
    await expect(restoreDataDir(join(folder, 'junk.tar.gz'), join(folder, 'junk'))).rejects.toThrow(
      /Could not restore/,
    )
    expect(existsSync(join(folder, 'junk'))).toBe(false)
  }, 300_000)
})
