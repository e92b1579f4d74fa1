// Vitest global setup: a real PostgreSQL server for the database tests' second leg.
// This machine's image has PostgreSQL installed but stopped; as root, this starts it
// and makes a role for the tests. Where there is no PostgreSQL (or no root), the leg
// is skipped and said so once, here. ROSTER_TEST_DATABASE_URL points the tests at a
// server of your own instead (its role needs CREATEDB).
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** An admin URL (a role with CREATEDB) or '' when the PostgreSQL leg is skipped. */
    postgresUrl: string
  }
}

const ROLE = 'roster_test'
const PASSWORD = 'roster_test'

function run(command: string, args: string[], input?: string): string {
  return execFileSync(command, args, { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] })
}

function startLocalPostgres(): string | { skipped: string } {
  if (!existsSync('/usr/bin/pg_ctlcluster') || !existsSync('/usr/bin/pg_lsclusters')) {
    return { skipped: 'no PostgreSQL installed (pg_ctlcluster not found)' }
  }
  if (process.getuid?.() !== 0) return { skipped: 'starting PostgreSQL needs root' }
  const line = run('pg_lsclusters', ['--no-header'])
    .split('\n')
    .find((l) => l.trim() !== '')
  if (!line) return { skipped: 'no PostgreSQL cluster exists' }
  const [version, cluster, port, status] = line.trim().split(/\s+/)
  if (!version || !cluster || !port) return { skipped: `unreadable cluster line: ${line}` }
  if (status !== 'online') run('pg_ctlcluster', [version, cluster, 'start'])
  const sql = `DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${ROLE}') THEN
      CREATE ROLE ${ROLE} LOGIN CREATEDB PASSWORD '${PASSWORD}';
    END IF; END $$;`
  run('su', ['postgres', '-c', `psql -p ${port} -q -v ON_ERROR_STOP=1`], sql)
  return `postgres://${ROLE}:${PASSWORD}@127.0.0.1:${port}/postgres`
}

export default function setup(project: TestProject): void {
  const own = process.env.ROSTER_TEST_DATABASE_URL?.trim()
  if (own) {
    project.provide('postgresUrl', own)
    return
  }
  let found: string | { skipped: string }
  try {
    found = startLocalPostgres()
  } catch (error) {
    found = {
      skipped: `PostgreSQL did not start: ${(error as Error).message.split('\n')[0] ?? ''}`,
    }
  }
  if (typeof found === 'string') {
    project.provide('postgresUrl', found)
  } else {
    console.warn(`PostgreSQL leg skipped: ${found.skipped}. The database tests ran on PGlite only.`)
    project.provide('postgresUrl', '')
  }
}
