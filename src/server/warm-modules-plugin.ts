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

/** The files for `sources` (paths from the project root), in import order, less the first load's. */
export function warmFilesFor(
  chunks: readonly BundleChunk[],
  sources: readonly string[],
  root: string,
): string[] {
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]))
  const closure = (files: Iterable<string>, into = new Set<string>()) => {
    for (const file of files) {
      if (into.has(file)) continue
      into.add(file)
      closure(byFile.get(file)?.imports ?? [], into)
    }
    return into
  }
  const initial = closure(chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName))
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
  const ordered = [...closure(wanted)].reverse()
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
        const bundle = context.bundle
        if (!bundle) return html
        const chunks = Object.values(bundle).filter(
          (output): output is typeof output & BundleChunk => output.type === 'chunk',
        )
        const files = warmFilesFor(chunks, sources, root)
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
