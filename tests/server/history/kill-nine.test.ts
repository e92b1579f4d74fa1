// @vitest-environment node
// An acknowledged change always has its history entry, even when the server dies at
// once: the standalone mock server records into a PGlite folder, is killed with
// SIGKILL in the middle of a burst of writes, and started again on the same folder.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { letLocalRequestsThrough } from '../http-helpers.ts'

const dataDir = mkdtempSync(join(tmpdir(), 'roster-history-kill-'))
const running: ChildProcess[] = []

afterAll(() => {
  for (const child of running) child.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})
beforeEach(letLocalRequestsThrough)

/** Starts the API-only mock server on a free port; resolves with its origin. */
function start(): Promise<{ child: ChildProcess; origin: string }> {
  // Node itself with tsx's loader (not npx, whose child would outlive a SIGKILL to it).
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/mocks/standalone.ts', '--api-only'],
    {
      env: { ...process.env, PORT: '0', MOCK_PERSIST: '0', ROSTER_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  running.push(child)
  return new Promise((resolve, reject) => {
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const port = /on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1]
      if (port !== undefined) resolve({ child, origin: `http://127.0.0.1:${port}` })
    })
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${output}`)))
  })
}

interface Page {
  entries: { request: { notes?: unknown } | null; outcome: string }[]
  next: number | null
}

async function allEntries(origin: string): Promise<Page['entries']> {
  const entries: Page['entries'] = []
  let before: number | null = null
  do {
    const query: string = before === null ? '' : `&before=${before}`
    const response = await fetch(`${origin}/api/roster/properties/1/activity?limit=100${query}`)
    const page = (await response.json()) as Page
    entries.push(...page.entries)
    before = page.next
  } while (before !== null)
  return entries
}

describe('kill -9 during a burst of writes', () => {
  it('loses no acknowledged history entry', async () => {
    const first = await start()
    const links = (await (await fetch(`${first.origin}/api/v1/properties/1/contacts`)).json()) as {
      contact_id: number
    }[]
    const acknowledged: string[] = []
    let sent = 0
    let killed = false
    const writer = async (contactId: number) => {
      while (!killed) {
        const notes = `burst ${contactId} #${(sent += 1)}`
        try {
          const response = await fetch(
            `${first.origin}/api/v1/properties/1/contacts/${contactId}`,
            {
              method: 'PUT',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ notes }),
            },
          )
          await response.arrayBuffer()
          if (response.ok) acknowledged.push(notes)
        } catch {
          return // the server is gone: this write was never acknowledged
        }
      }
    }
    const writers = links.slice(0, 4).map((link) => writer(link.contact_id))
    while (acknowledged.length < 20) await new Promise((resolve) => setTimeout(resolve, 5))
    const exited = new Promise((resolve) => first.child.once('exit', resolve))
    first.child.kill('SIGKILL')
    killed = true
    await Promise.all(writers)
    await exited
    // Writes were in flight when it died: the check covers the moment of the kill.
    expect(sent).toBeGreaterThan(acknowledged.length)

    const second = await start()
    const recorded = new Set(
      (await allEntries(second.origin))
        .map((entry) => entry.request?.notes)
        .filter((notes): notes is string => typeof notes === 'string'),
    )
    const lost = acknowledged.filter((notes) => !recorded.has(notes))
    expect(lost).toEqual([])
    second.child.kill('SIGTERM')
  }, 180_000)
})
