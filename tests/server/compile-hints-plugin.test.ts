import { describe, expect, it } from 'vitest'
import {
  COMPILE_HINT,
  hintedFiles,
  shiftOneLine,
  withCompileHint,
} from '../../src/server/compile-hints-plugin'

const ROOT = '/repo'
const chunk = (fileName: string, imports: string[], modules: string[] = [], isEntry = false) => ({
  type: 'chunk' as const,
  fileName,
  isEntry,
  moduleIds: modules.map((source) => `${ROOT}/${source}`),
  imports,
})

const CHUNKS = [
  chunk('assets/index-1.js', ['assets/vendor-1.js'], ['src/main.tsx'], true),
  chunk('assets/vendor-1.js', []),
  chunk('assets/dialogs-1.js', ['assets/index-1.js', 'assets/forms-1.js'], ['src/edit.tsx']),
  chunk('assets/forms-1.js', []),
  chunk('assets/setup-1.js', ['assets/forms-1.js'], ['src/setup.tsx']),
  chunk('assets/activity-1.js', ['assets/index-1.js'], ['src/activity.tsx']),
]

describe('hintedFiles', () => {
  it("takes the first load and the first tap's chunks with what they import, not the lazy pages", () => {
    expect([...hintedFiles(CHUNKS, ['src/edit.tsx'], ROOT)].sort()).toEqual([
      'assets/dialogs-1.js',
      'assets/forms-1.js',
      'assets/index-1.js',
      'assets/vendor-1.js',
    ])
  })

  it('takes only the first load when no source is named', () => {
    expect([...hintedFiles(CHUNKS, [], ROOT)].sort()).toEqual([
      'assets/index-1.js',
      'assets/vendor-1.js',
    ])
  })

  it('fails the build for a source no chunk holds, as warming it would', () => {
    expect(() => hintedFiles(CHUNKS, ['src/gone.tsx'], ROOT)).toThrow(/src\/gone\.tsx/)
  })
})

describe('withCompileHint', () => {
  it('puts the hint on the first line, where V8 reads it, and keeps the code', () => {
    const code = 'const a=1;\nexport{a};'
    const hinted = withCompileHint(code)
    expect(hinted.split('\n')[0]).toBe(COMPILE_HINT)
    expect(hinted.slice(hinted.indexOf('\n') + 1)).toBe(code)
  })

  it('adds it once', () => {
    expect(withCompileHint(withCompileHint('x()'))).toBe(`${COMPILE_HINT}\nx()`)
  })

  it('refuses a script that must start with a shebang', () => {
    expect(() => withCompileHint('#!/usr/bin/env node\nx()')).toThrow(/#!/)
  })
})

describe('shiftOneLine', () => {
  it('moves every mapping one generated line down', () => {
    expect(shiftOneLine('AAAA,CAAC;AACA')).toBe(';AAAA,CAAC;AACA')
  })
})
