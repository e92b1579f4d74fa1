import { describe, expect, it } from 'vitest'
import { warmFilesFor } from '../../src/server/warm-modules-plugin'

const ROOT = '/repo'
const chunk = (
  fileName: string,
  imports: string[],
  modules: string | string[] = [],
  isEntry = false,
) => ({
  type: 'chunk' as const,
  fileName,
  isEntry,
  moduleIds: [modules].flat().map((source) => `${ROOT}/${source}`),
  imports,
})

const CHUNKS = [
  chunk('assets/index-1.js', ['assets/shared-1.js'], 'src/main.tsx', true),
  chunk('assets/shared-1.js', []),
  chunk('assets/modal-1.js', ['assets/shared-1.js']),
  chunk('assets/edit-1.js', ['assets/modal-1.js', 'assets/index-1.js'], 'src/edit.tsx'),
  chunk('assets/unlink-1.js', ['assets/modal-1.js'], 'src/unlink.tsx'),
  chunk('assets/setup-1.js', ['assets/modal-1.js'], 'src/setup.tsx'),
]

describe('warmFilesFor', () => {
  it("lists the sources' chunks and what they import, once each, less the first load's", () => {
    const files = warmFilesFor(CHUNKS, ['src/edit.tsx', 'src/unlink.tsx'], ROOT)
    expect([...files].sort()).toEqual([
      '/assets/edit-1.js',
      '/assets/modal-1.js',
      '/assets/unlink-1.js',
    ])
  })

  it('finds a source in a chunk it shares with others', () => {
    const chunks = [
      chunk('assets/index-1.js', [], 'src/main.tsx', true),
      chunk('assets/dialogs-1.js', ['assets/index-1.js'], ['src/edit.tsx', 'src/unlink.tsx']),
    ]
    expect(warmFilesFor(chunks, ['src/edit.tsx', 'src/unlink.tsx'], ROOT)).toEqual([
      '/assets/dialogs-1.js',
    ])
  })

  it('fails the build for a source no chunk holds', () => {
    expect(() => warmFilesFor(CHUNKS, ['src/gone.tsx'], ROOT)).toThrow(/src\/gone\.tsx/)
  })

  it('fails the build for a source the first load has already', () => {
    expect(() => warmFilesFor(CHUNKS, ['src/main.tsx'], ROOT)).toThrow(/first load/)
  })
})
