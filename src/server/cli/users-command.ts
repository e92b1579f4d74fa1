// `npm run users -- add|remove|list|reset-password`: the accounts, from the command
// line only (the server has no page for them). The logic, apart from the terminal and
// the database it is given, so the tests can run it.
import { parseArgs } from 'node:util'
import type { Database } from '../db/types.ts'
import { passwordProblem, type ScryptParameters } from '../auth/passwords.ts'
import { createUserStore, parseEmail } from '../auth/users.ts'

export const USAGE = `Usage: npm run users -- <command>
  add EMAIL [--name "Dana Lee"] [--password-stdin]   make an account
  reset-password EMAIL [--password-stdin]            set a new password (signs the account out)
  remove EMAIL                                       delete an account (signs it out)
  list                                               the accounts
The password is asked for (not shown as you type), or read from standard input with --password-stdin.`

export interface UsersIo {
  /** The password, asked for or read from standard input. */
  readPassword(fromStdin: boolean): Promise<string>
  out(line: string): void
  err(line: string): void
  scrypt?: ScryptParameters
}

/** 0 done; 1 refused (no such account, already there, a weak password); 2 a usage error. */
export async function runUsersCommand(
  argv: readonly string[],
  open: () => Promise<{ db: Database; close: () => Promise<void> }>,
  io: UsersIo,
): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        'password-stdin': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  const [command, target, ...extra] = positionals
  if (values.help) {
    io.out(USAGE)
    return 0
  }
  const needsEmail = command === 'add' || command === 'remove' || command === 'reset-password'
  if (
    !(needsEmail || command === 'list') ||
    extra.length > 0 ||
    (needsEmail ? target === undefined : target !== undefined) ||
    (values.name !== undefined && command !== 'add')
  ) {
    io.err(USAGE)
    return 2
  }
  let email = ''
  if (needsEmail) {
    const checked = parseEmail(target ?? '')
    if (!checked.ok) {
      io.err(checked.problem)
      return 2
    }
    email = checked.email
  }
  let password = ''
  if (command === 'add' || command === 'reset-password') {
    password = await io.readPassword(values['password-stdin'])
    const problem = passwordProblem(password)
    if (problem !== undefined) {
      io.err(problem)
      return 1
    }
  }

  const { db, close } = await open()
  try {
    const users = createUserStore(db, io.scrypt)
    switch (command) {
      case 'add':
        if (!(await users.add({ email, name: values.name, password }))) {
          io.err(`There is an account for ${email} already (reset-password changes its password).`)
          return 1
        }
        io.out(`Added ${email}.`)
        return 0
      case 'reset-password':
        if (!(await users.setPassword(email, password))) {
          io.err(`There is no account for ${email}.`)
          return 1
        }
        io.out(`New password set for ${email}; its sessions have ended.`)
        return 0
      case 'remove':
        if (!(await users.remove(email))) {
          io.err(`There is no account for ${email}.`)
          return 1
        }
        io.out(`Removed ${email}; its sessions have ended.`)
        return 0
      default: {
        const all = await users.list()
        if (all.length === 0) io.out('No accounts yet: npm run users -- add EMAIL')
        for (const user of all) {
          io.out(`${user.email}\t${user.name}\tadded ${user.createdAt.toISOString().slice(0, 10)}`)
        }
        return 0
      }
    }
  } finally {
    await close()
  }
}
