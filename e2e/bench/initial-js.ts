// Initial JS: what the browser must fetch and run before the property page can show,
// i.e. the module scripts and modulepreload links of index.html plus their static
// imports, recursively; gzip level 9 of each file. Lazy chunks (reached only through
// `import()`) are reported one by one, without a budget.
import { readFileSync, readdirSync } from 'node:fs'
import { join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'
import { parseSync } from 'vite'
import { attributesOf } from '../../src/server/preload-hints'
import type { Figure } from './figure'

/** 100 KB, KB being 1,000 bytes (the issue's goal; it was 100 × 1,024 = 102,400 B before). */
export const INITIAL_JS_BUDGET = 100_000

export interface Chunk {
  file: string
  bytes: number
  gzip: number
  /** Files it imports statically (`import … from`, `import "…"`, `export … from`). */
  imports: string[]
  /** Files it loads with `import()`. */
  dynamicImports: string[]
}

export interface InitialJsReport {
  entries: string[]
  initial: Chunk[]
  lazy: Chunk[]
  /** What each `import()` target costs on top of the initial JS, when it is first needed. */
  onDemand: { entry: string; files: string[]; gzip: number }[]
  initialGzip: number
  totalGzip: number
  cssGzip: number
}

export function gzipSize(content: Buffer | string): number {
  return gzipSync(content, { level: 9 }).length
}

/** `/assets/x.js` (as index.html says) → `assets/x.js`, relative to the build folder. */
function fromRoot(url: string): string {
  return posix.normalize(url.replace(/^\//, ''))
}

/** The module scripts and modulepreload links of index.html, in document order. */
export function entriesOf(html: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = []
  const styles: string[] = []
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attrs = attributesOf(tag)
    const isScript = /^<script/i.test(tag)
    if (isScript && attrs.get('type') === 'module' && attrs.get('src')) {
      scripts.push(fromRoot(attrs.get('src') ?? ''))
    } else if (!isScript && attrs.get('rel') === 'modulepreload' && attrs.get('href')) {
      scripts.push(fromRoot(attrs.get('href') ?? ''))
    } else if (!isScript && attrs.get('rel') === 'stylesheet' && attrs.get('href')) {
      styles.push(fromRoot(attrs.get('href') ?? ''))
    }
  }
  return { scripts, styles }
}

interface Node {
  type?: unknown
  source?: unknown
}

function literalSource(source: unknown): string | undefined {
  if (!source || typeof source !== 'object') return undefined
  const node = source as {
    type?: string
    value?: unknown
    quasis?: { value: { cooked?: string } }[]
    expressions?: unknown[]
  }
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value
  if (node.type === 'TemplateLiteral' && node.expressions?.length === 0) {
    return node.quasis?.[0]?.value.cooked
  }
  return undefined
}

/** Every `import()` with a literal specifier, anywhere in the tree. */
function collectDynamic(node: unknown, found: string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collectDynamic(item, found)
    return
  }
  if (!node || typeof node !== 'object') return
  const typed = node as Node
  if (typed.type === 'ImportExpression') {
    const specifier = literalSource(typed.source)
    if (specifier !== undefined) found.push(specifier)
  }
  for (const value of Object.values(node)) collectDynamic(value, found)
}

/** Static and dynamic imports of one built chunk, as files relative to the build folder. */
export function importsOf(code: string, file: string): Pick<Chunk, 'imports' | 'dynamicImports'> {
  const { program, errors } = parseSync(file, code, { lang: 'js', sourceType: 'module' })
  if (errors.length > 0) throw new Error(`Could not parse ${file}: ${errors[0]?.message ?? ''}`)
  const resolve = (specifier: string) => posix.join(posix.dirname(file), specifier)
  const relative = (specifier: string) => specifier.startsWith('.')
  const imports: string[] = []
  for (const node of program.body as Node[]) {
    // Static imports are top-level statements in a module; nothing else imports statically.
    if (
      node.type === 'ImportDeclaration' ||
      node.type === 'ExportAllDeclaration' ||
      node.type === 'ExportNamedDeclaration'
    ) {
      const specifier = literalSource(node.source)
      if (specifier !== undefined && relative(specifier)) imports.push(resolve(specifier))
    }
  }
  const dynamic: string[] = []
  collectDynamic(program.body, dynamic)
  return {
    imports: [...new Set(imports)],
    dynamicImports: [...new Set(dynamic.filter(relative).map(resolve))],
  }
}

export function measureInitialJs(distDir: string): InitialJsReport {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const { scripts: entries, styles } = entriesOf(html)
  const chunks = new Map<string, Chunk>()
  const jsFiles = readdirSync(join(distDir, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `assets/${name}`)
  for (const file of jsFiles) {
    const content = readFileSync(join(distDir, file))
    chunks.set(file, {
      file,
      bytes: content.length,
      gzip: gzipSize(content),
      ...importsOf(content.toString('utf8'), file),
    })
  }

  /** `files` and everything they import statically, recursively. */
  const closure = (files: readonly string[]): Set<string> => {
    const seen = new Set<string>()
    const visit = (file: string) => {
      if (seen.has(file)) return
      const chunk = chunks.get(file)
      if (!chunk)
        throw new Error(`index.html or a chunk imports ${file}, which is not in the build`)
      seen.add(file)
      chunk.imports.forEach(visit)
    }
    files.forEach(visit)
    return seen
  }
  const initial = closure(entries)
  const dynamicEntries = new Set([...chunks.values()].flatMap((chunk) => chunk.dynamicImports))
  const onDemand = [...dynamicEntries].map((entry) => {
    const files = [...closure([entry])].filter((file) => !initial.has(file))
    const gzip = files.reduce((total, file) => total + (chunks.get(file)?.gzip ?? 0), 0)
    return { entry, files, gzip }
  })

  const all = [...chunks.values()]
  const sum = (list: Chunk[]) => list.reduce((total, chunk) => total + chunk.gzip, 0)
  const byGzip = (a: Chunk, b: Chunk) => b.gzip - a.gzip
  const initialChunks = all.filter((chunk) => initial.has(chunk.file)).sort(byGzip)
  const lazy = all.filter((chunk) => !initial.has(chunk.file)).sort(byGzip)
  return {
    entries,
    initial: initialChunks,
    lazy,
    onDemand: onDemand.sort((a, b) => b.gzip - a.gzip),
    initialGzip: sum(initialChunks),
    totalGzip: sum(all),
    cssGzip: styles.reduce((total, file) => total + gzipSize(readFileSync(join(distDir, file))), 0),
  }
}

function chunkName(file: string): string {
  return posix.basename(file)
}

export function initialJsFigures(report: InitialJsReport): Figure[] {
  return [
    {
      name: 'Initial JS, gzip -9 (property page)',
      value: report.initialGzip,
      unit: 'bytes',
      budget: { op: '<=', limit: INITIAL_JS_BUDGET },
      note: `index.html's module scripts and modulepreloads plus their static imports: ${report.initial
        .map((chunk) => `${chunkName(chunk.file)} ${chunk.gzip} B`)
        .join(', ')}`,
    },
    ...report.initial.map((chunk): Figure => ({
      name: `  initial: ${chunkName(chunk.file)}`,
      value: chunk.gzip,
      unit: 'bytes',
    })),
    { name: 'Total JS, gzip -9 (all chunks)', value: report.totalGzip, unit: 'bytes' },
    ...report.lazy.map((chunk): Figure => ({
      name: `  lazy: ${chunkName(chunk.file)}`,
      value: chunk.gzip,
      unit: 'bytes',
    })),
    ...report.onDemand.map((load): Figure => ({
      name: `  import() of ${chunkName(load.entry)} loads`,
      value: load.gzip,
      unit: 'bytes',
      note: load.files.map(chunkName).join(', '),
    })),
    { name: 'Initial CSS, gzip -9', value: report.cssGzip, unit: 'bytes' },
  ]
}
