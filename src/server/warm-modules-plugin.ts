// Names in the built page the code a first tap is likely to need, so that the browser
// can fetch it as soon as the page's own script has arrived, without running it: `<meta name="roster-warm-modules" content="/assets/a.js
// /assets/b.js">`. The files are the chunks of the given source modules and every chunk
// they import, less those the page loads anyway. src/app/warm-modules.ts reads it and
// adds a <link rel="prefetch"> for each once the app starts; the code runs only when it
// is used (or on idle, see roster-dialogs.tsx). Imported by vite.config.ts.
import { posix, relative } from 'node:path'
import type { Plugin } from 'vite'

export const WARM_MODULES_META = 'roster-warm-modules'

export interface BundleChunk {
  type: 'chunk'
  fileName: string
  isEntry: boolean
  moduleIds: readonly string[]
  imports: readonly string[]
}

/** The chunks of a bundle, as generateBundle and transformIndexHtml see it. */
export function chunksOf<Output extends { type: string }>(bundle: Record<string, Output>) {
  return Object.values(bundle).filter(
    (output): output is Output & BundleChunk => output.type === 'chunk',
  )
}

/** `files` and every chunk they import, directly or not: dependencies after importers. */
export function withImports(chunks: readonly BundleChunk[], files: Iterable<string>): Set<string> {
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]))
  const closure = (next: Iterable<string>, into: Set<string>) => {
    for (const file of next) {
      if (into.has(file)) continue
      into.add(file)
      closure(byFile.get(file)?.imports ?? [], into)
    }
    return into
  }
  return closure(files, new Set())
}

/** The first load's files: the entry and what it imports. */
export function firstLoadFiles(chunks: readonly BundleChunk[]): Set<string> {
  return withImports(
    chunks,
    chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName),
  )
}

/** The files for `sources` (paths from the project root), in import order, less the first load's. */
export function warmFilesFor(
  chunks: readonly BundleChunk[],
  sources: readonly string[],
  root: string,
): string[] {
  const initial = firstLoadFiles(chunks)
  const sourceOf = (id: string) => relative(root, id).split('\\').join('/')
  const wanted = sources.map((source) => {
    const chunk = chunks.find((candidate) =>
      candidate.moduleIds.some((id) => sourceOf(id) === source),
    )
    if (!chunk) throw new Error(`warm modules: no chunk holds ${source}`)
    if (initial.has(chunk.fileName)) {
      throw new Error(`warm modules: ${source} is in the first load already`)
    }
    return chunk.fileName
  })
  // Requested all at once; dependencies come first all the same.
  const ordered = [...withImports(chunks, wanted)].reverse()
  return ordered.filter((file) => !initial.has(file)).map((file) => posix.join('/', file))
}

export function warmModules(sources: readonly string[]): Plugin {
  let root = process.cwd()
  return {
    name: 'roster:warm-modules',
    apply: 'build',
    configResolved(config) {
      root = config.root
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!context.bundle) return html
        const files = warmFilesFor(chunksOf(context.bundle), sources, root)
        return {
          html,
          tags: [
            {
              tag: 'meta',
              attrs: { name: WARM_MODULES_META, content: files.join(' ') },
              injectTo: 'head',
            },
          ],
        }
      },
    },
  }
}
