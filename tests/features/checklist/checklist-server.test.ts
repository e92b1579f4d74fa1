import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  checklistElement,
  DEFAULT_CHECKLIST,
  readChecklistConfig,
} from '../../../src/features/checklist/checklist-config'
import { checklistFromEnv } from '../../../src/server/checklist-config'

const dir = mkdtempSync(join(tmpdir(), 'roster-checklist-'))
function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

describe('ROSTER_CHECKLIST', () => {
  it('is the defaults when unset', () => {
    expect(checklistFromEnv({})).toEqual({ ok: true, config: DEFAULT_CHECKLIST, custom: false })
  })

  it('reads and checks a team file', () => {
    const path = file('team.json', JSON.stringify({ Buyer: ['Buyer'], Seller: ['Seller'] }))
    const loaded = checklistFromEnv({ ROSTER_CHECKLIST: path })
    expect(loaded).toEqual({
      ok: true,
      custom: true,
      config: { Buyer: [['Buyer']], Seller: [['Seller']], Dual: [['Seller'], ['Buyer']] },
    })
  })

  it('accepts the example in docs/', () => {
    // Relative paths are read from the working directory, the repository when tests run.
    const example = 'docs/checklist.example.json'
    const loaded = checklistFromEnv({ ROSTER_CHECKLIST: example })
    expect(loaded.ok && loaded.config.Seller[1]).toEqual(['Listing Agent', 'Co-listing Agent'])
  })

  it.each([
    ['missing.json', null, /missing\.json: cannot be read \(ENOENT/],
    ['broken.json', '{ "Buyer": [', /broken\.json: is not JSON \(/],
    [
      'bad.json',
      JSON.stringify({ Buyer: ['Buyer', ''], Seller: [] }),
      /bad\.json: Buyer\.1: Role cannot be empty$/,
    ],
  ])('refuses %s in one line naming the file and the problem', (name, text, problem) => {
    const path = text === null ? join(dir, name) : file(name, text)
    const loaded = checklistFromEnv({ ROSTER_CHECKLIST: path })
    expect(loaded.ok).toBe(false)
    if (loaded.ok) return
    expect(loaded.problem).toMatch(/^ROSTER_CHECKLIST \//)
    expect(loaded.problem).toContain(path)
    expect(loaded.problem).toMatch(problem)
    expect(loaded.problem).not.toContain('\n')
  })

  it('travels with the page as a data element the browser checks again', () => {
    const config = { ...DEFAULT_CHECKLIST, Seller: [['Seller'], ['</script><b>x']] }
    const element = checklistElement(config)
    expect(element).not.toContain('</script><b>')
    const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html')
    expect(readChecklistConfig(parse(`<head>${element}</head>`))).toEqual(config)
    const tampered = parse(
      `<script type="application/json" id="roster-checklist">{"Buyer":1}</script>`,
    )
    expect(readChecklistConfig(tampered)).toBe(DEFAULT_CHECKLIST)
  })
})
