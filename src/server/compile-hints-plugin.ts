// Marks the scripts a page runs at once with V8's explicit compile hint, the magic
// comment `//# allFunctionsCalledOnLoad` on their first line (Chromium 136 and later;
// other engines read a comment). Without it V8 compiles only a script's top level while
// the script streams in, off the main thread, and every function the first time it is
// called, on the main thread: while React hydrates the page and while a first tap opens
// its dialog. With it, the whole file is compiled on the streaming thread. The files are
// the first load (the entry and what it imports) and the first tap's chunks, the same
// ones the page warms (warm-modules-plugin.ts); lazy pages are left to compile lazily.
// `npm run bench -- --compare` measures it (README, Performance). Imported by vite.config.ts.
import type { Plugin } from 'vite'
import {
  chunksOf,
  firstLoadFiles,
  warmFilesFor,
  withImports,
  type BundleChunk,
} from './warm-modules-plugin.ts'

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad'

/** The files (as in the bundle) of the first load and of the chunks for `sources`. */
export function hintedFiles(
  chunks: readonly BundleChunk[],
  sources: readonly string[],
  root: string,
): Set<string> {
  const firstTap = warmFilesFor(chunks, sources, root).map((file) => file.replace(/^\//, ''))
  return new Set([...firstLoadFiles(chunks), ...withImports(chunks, firstTap)])
}

/**
 * `code` with the hint as its first line: V8 reads it only there. A shebang, which a
 * browser script never has, would have to stay first, so it is refused.
 */
export function withCompileHint(code: string): string {
  if (code.startsWith(COMPILE_HINT)) return code
  if (code.startsWith('#!')) throw new Error('compile hints: a script starting with #!')
  return `${COMPILE_HINT}\n${code}`
}

/** A source map's mappings for the code one line further down. */
export function shiftOneLine(mappings: string): string {
  return `;${mappings}`
}

export function compileHints(sources: readonly string[]): Plugin {
  let root = process.cwd()
  return {
    name: 'roster:compile-hints',
    apply: 'build',
    configResolved(config) {
      root = config.root
    },
    generateBundle: {
      // After Vite's own post-processing, which puts its dependency map on the first line.
      order: 'post',
      handler(_options, bundle) {
        for (const file of hintedFiles(chunksOf(bundle), sources, root)) {
          const chunk = bundle[file]
          if (chunk?.type !== 'chunk') continue
          chunk.code = withCompileHint(chunk.code)
          if (chunk.map) chunk.map.mappings = shiftOneLine(chunk.map.mappings)
          const mapFile = bundle[`${file}.map`]
          if (mapFile?.type === 'asset' && typeof mapFile.source === 'string') {
            const map: unknown = JSON.parse(mapFile.source)
            if (typeof map === 'object' && map !== null && 'mappings' in map) {
              const { mappings } = map
              if (typeof mappings === 'string') {
                mapFile.source = JSON.stringify({ ...map, mappings: shiftOneLine(mappings) })
              }
            }
          }
        }
      },
    },
  }
}
