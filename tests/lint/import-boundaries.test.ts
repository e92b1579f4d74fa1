// @vitest-environment node
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'

// The import boundaries are lint rules, and flat config lets a later block's options for
// a rule silently replace an earlier block's. These tests lint probe text under the
// repository's own eslint.config.js, so a boundary that stops holding fails here.
//
// The probe files do not exist on disk, so the TypeScript project service cannot place
// them in a program; type-aware rules are switched off for the probe (the boundaries do
// not need types), which also keeps the run fast and independent of type errors elsewhere.
const repo = fileURLToPath(new URL('../..', import.meta.url))
const eslint = new ESLint({ cwd: repo, overrideConfig: tseslint.configs.disableTypeChecked })

const MOCK_BACKEND = 'Only src/mocks may import the mock backend'
const FRAMEWORK_FREE = 'src/api is framework-free'

/** The no-restricted-imports messages for `code` as if it were the file at `filePath`. */
async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  // An ignored path would lint to nothing and pass vacuously.
  if (await eslint.isPathIgnored(filePath)) throw new Error(`ESLint ignores ${filePath}`)
  const [result] = await eslint.lintText(code, { filePath })
  if (!result) throw new Error(`ESLint returned no result for ${filePath}`)
  const fatal = result.messages.filter((message) => message.fatal)
  if (fatal.length > 0) throw new Error(`ESLint could not lint ${filePath}: ${fatal[0]?.message}`)
  return result.messages
    .filter((message) => message.ruleId === 'no-restricted-imports' && message.severity === 2)
    .map((message) => message.message)
}

const mockImport = "import { db } from '../mocks/db'\n\nexport const probe = db\n"
const mswImport = "import { http } from 'msw'\n\nexport const probe = http\n"
const reactImport = "import { useState } from 'react'\n\nexport const probe = useState\n"

describe('import boundaries', () => {
  it('refuses the mock backend in the typed client', async () => {
    const messages = await restrictedImports(mockImport, 'src/api/__lint-probe__.ts')
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain(MOCK_BACKEND)
    expect(await restrictedImports(mswImport, 'src/api/__lint-probe__.ts')).toHaveLength(1)
  })

  it('refuses React in the typed client', async () => {
    const messages = await restrictedImports(reactImport, 'src/api/__lint-probe__.ts')
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain(FRAMEWORK_FREE)
  })

  it('refuses the mock backend in features and on the server', async () => {
    const features = await restrictedImports(
      mockImport.replace('../mocks/db', '../../mocks/db'),
      'src/features/property-contacts/__lint-probe__.ts',
    )
    expect(features).toEqual([expect.stringContaining(MOCK_BACKEND)])
    const server = await restrictedImports(mockImport, 'src/server/__lint-probe__.ts')
    expect(server).toEqual([expect.stringContaining(MOCK_BACKEND)])
  })

  it('lets the mock backend import itself, and features use React', async () => {
    expect(
      await restrictedImports(
        mockImport.replace('../mocks/db', './db'),
        'src/mocks/__lint-probe__.ts',
      ),
    ).toEqual([])
    expect(
      await restrictedImports(reactImport, 'src/features/property-contacts/__lint-probe__.ts'),
    ).toEqual([])
  })
})
