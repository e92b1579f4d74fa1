// A team's roster checklist (src/features/checklist/checklist-config.ts): the JSON file
// ROSTER_CHECKLIST names, read once when a server starts and checked with the same
// schema the browser uses. A file that cannot be read, is not JSON or is not a
// checklist stops the server with one line naming the file and the problem; without
// the variable, the defaults apply and the page needs nothing extra.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { DEFAULT_CHECKLIST, type ChecklistConfig } from '../features/checklist/checklist-config.ts'
import {
  ChecklistConfigSchema,
  describeChecklistProblem,
} from '../features/checklist/checklist-file.ts'

export type ChecklistLoad =
  { ok: true; config: ChecklistConfig; custom: boolean } | { ok: false; problem: string }

function reason(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code
    return code === undefined ? error.message : `${code}, ${error.message.replace(/^\w+: /, '')}`
  }
  return String(error)
}

/** The checklist ROSTER_CHECKLIST names, checked; the defaults when it is unset or blank. */
export function checklistFromEnv(env: NodeJS.ProcessEnv = process.env): ChecklistLoad {
  const name = env.ROSTER_CHECKLIST?.trim() ?? ''
  if (name === '') return { ok: true, config: DEFAULT_CHECKLIST, custom: false }
  const path = resolve(name)
  const fail = (problem: string): ChecklistLoad => ({
    ok: false,
    problem: `ROSTER_CHECKLIST ${path}: ${problem}`,
  })
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    return fail(`cannot be read (${reason(error)})`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return fail(`is not JSON (${reason(error)})`)
  }
  const parsed = ChecklistConfigSchema.safeParse(json)
  if (!parsed.success) return fail(describeChecklistProblem(parsed.error))
  return { ok: true, config: parsed.data, custom: true }
}

/** The checklist to serve, or the process ends here with the line saying why. */
export function checklistOrExit(
  env: NodeJS.ProcessEnv = process.env,
): ChecklistLoad & { ok: true } {
  const load = checklistFromEnv(env)
  if (!load.ok) {
    console.error(load.problem)
    process.exit(1)
  }
  return load
}
