// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The first load carries only what showing a page needs: the forms' libraries load with
// the dialogs that use them. One static import of a dialog from the roster once put
// Headless UI in the first load (+48 KB gzip); the bench's budget saw it, this test
// stops it earlier. It follows static imports (not `import()`) from the entry.

const SRC = fileURLToPath(new URL('../../src/', import.meta.url))
const ENTRY = resolve(SRC, 'main.tsx')

/** Packages the first load must not reach. */
const LATER = ['@headlessui/react', 'react-hook-form', '@hookform/resolvers']

const STATIC_IMPORT =
  /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm

function resolveLocal(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier)
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    if (/\.(ts|tsx)$/.test(candidate) && existsSync(candidate)) return candidate
  }
  return null
}

/** Every package the entry reaches through static imports, with one path to each. */
function firstLoadPackages(): Map<string, string[]> {
  const packages = new Map<string, string[]>()
  const seen = new Set<string>()
  const queue: { file: string; path: string[] }[] = [{ file: ENTRY, path: ['main.tsx'] }]
  while (queue.length > 0) {
    const next = queue.shift()
    if (!next || seen.has(next.file)) continue
    seen.add(next.file)
    const code = readFileSync(next.file, 'utf8')
    for (const match of code.matchAll(STATIC_IMPORT)) {
      const specifier = match[1] ?? match[2]
      if (!specifier || /^import\s+type\s/.test(match[0].trim())) continue
      if (specifier.startsWith('.')) {
        const file = resolveLocal(next.file, specifier)
        if (file) queue.push({ file, path: [...next.path, file.slice(SRC.length)] })
      } else if (!packages.has(specifier)) {
        packages.set(specifier, next.path)
      }
    }
  }
  return packages
}

describe('the first load', () => {
  it('reaches React, TanStack Query and zod', () => {
    const packages = firstLoadPackages()
    expect([...packages.keys()]).toEqual(
      expect.arrayContaining(['react', 'react-dom/client', '@tanstack/react-query', 'zod/mini']),
    )
  })

  it.each(LATER)('does not reach %s (it loads with the dialogs)', (name) => {
    const path = firstLoadPackages().get(name)
    expect(path, path && `reached through ${path.join(' → ')}`).toBeUndefined()
  })
})
