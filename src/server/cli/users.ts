// `npm run users -- add|remove|list|reset-password EMAIL`: see users-command.ts.
import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'
import { CliProblem, openForCli } from './open-store.ts'
import { runUsersCommand } from './users-command.ts'

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  // One line, as `echo … |` or a secrets file gives it: the newline is not part of it.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

/** Asks on the terminal without echoing what is typed. */
async function ask(question: string): Promise<string> {
  let muted = false
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk)
      done()
    },
  })
  const rl = createInterface({ input: process.stdin, output, terminal: true })
  process.stderr.write(question)
  muted = true
  try {
    return await new Promise<string>((resolve) => {
      rl.question('', resolve)
    })
  } finally {
    muted = false
    rl.close()
    process.stderr.write('\n')
  }
}

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return readStdin()
  if (!process.stdin.isTTY) {
    throw new CliProblem(
      'Standard input is not a terminal: pipe the password in and pass --password-stdin.',
    )
  }
  const first = await ask('Password: ')
  const second = await ask('The same password again: ')
  if (first !== second) throw new CliProblem('The two passwords differ; nothing was changed.')
  return first
}

try {
  process.exitCode = await runUsersCommand(process.argv.slice(2), () => openForCli(), {
    readPassword,
    out: (line) => {
      console.log(line)
    },
    err: (line) => {
      console.error(line)
    },
  })
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
}
