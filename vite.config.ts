import react from '@vitejs/plugin-react'
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import { mockBackend } from './src/mocks/vite-plugin.ts'
import { buildManifest } from './src/server/build-manifest-plugin.ts'
import { compileHints } from './src/server/compile-hints-plugin.ts'
import { liveProxy, rosterChecklist, securityHeaders } from './src/server/vite-plugin.ts'
import { warmModules } from './src/server/warm-modules-plugin.ts'

// The browser always calls /api/v1 on its own origin. What answers there is decided
// here, on the server side: the mock backend (default) mounted as middleware in the
// dev and preview servers, or with ROSTER_API=live the proxy to the live API that
// adds the token (src/server). No mock code and no token is ever part of the bundle.
interface ModuleMeta {
  getModuleInfo: (id: string) => { isEntry: boolean; importers: readonly string[] } | null
}
const PROJECT_ROOT = fileURLToPath(new URL('.', import.meta.url))

/**
 * Whether a module is reached through static imports from one that `starts` says is a
 * start: it is one, or one of its importers is reached (answers kept per module).
 */
function reachedFrom(starts: (id: string, info: { isEntry: boolean }) => boolean) {
  const known = new Map<string, boolean>()
  const reached = (id: string, meta: ModuleMeta, seen = new Set<string>()): boolean => {
    const cached = known.get(id)
    if (cached !== undefined) return cached
    if (seen.has(id)) return false
    seen.add(id)
    const info = meta.getModuleInfo(id)
    const result =
      info !== null &&
      (starts(id, info) || info.importers.some((importer) => reached(importer, meta, seen)))
    if (seen.size === 1) known.set(id, result)
    return result
  }
  return reached
}
/** One of `sources` (paths from the project root) reaches the module. */
const reachedBy = (sources: readonly string[]) =>
  reachedFrom((id) => sources.includes(relative(PROJECT_ROOT, id).split('\\').join('/')))
/** Whether the first load needs the module: the entry reaches it through static imports. */
const isInitial = reachedFrom((_id, info) => info.isEntry)

/** Fails the build if a lazy chunk brings a stylesheet of its own (see modulePreload). */
function onlyOneStylesheet(): Plugin {
  return {
    name: 'roster:only-one-stylesheet',
    apply: 'build',
    generateBundle(_options, bundle) {
      const sheets = Object.keys(bundle).filter((file) => file.endsWith('.css'))
      if (sheets.length > 1) {
        this.error(
          `one stylesheet is inlined in the page, but the build has ${sheets.length}: ${sheets.join(', ')}. Put the styles in src/styles.css.`,
        )
      }
    },
  }
}

// The code a first tap on a roster entry's Edit or Unlink needs: fetched early
// (warm-modules) and built as one chunk of its own (below).
const FIRST_TAP_SOURCES = [
  'src/features/property-contacts/components/roster-writes.tsx',
  'src/features/property-contacts/components/edit-link-dialog.tsx',
  'src/features/property-contacts/components/unlink-dialog.tsx',
]
// Reached from those through a library's index (Headless UI's exports every component)
// but used only by the contact picker: left to the default chunking, so the first tap
// does not fetch the picker's combobox, positioning and list virtualisation.
const NOT_FIRST_TAP_SOURCES = ['src/components/contact-combobox.tsx']
const QUERY_EXTRAS =
  /node_modules[\\/]@tanstack[\\/](react-query[\\/]build[\\/]modern[\\/](useInfiniteQuery|infiniteQueryOptions|useQueries|useMutation|useMutationState|mutationOptions)|query-core[\\/]build[\\/]modern[\\/](infiniteQueryObserver|queriesObserver|mutationObserver))\.js$/
const QUERY_INDEX = /node_modules[\\/]@tanstack[\\/]react-query[\\/]build[\\/]modern[\\/]index\.js$/
const reachedByFirstTap = reachedBy(FIRST_TAP_SOURCES)
const reachedByPicker = reachedBy(NOT_FIRST_TAP_SOURCES)

export default defineConfig({
  // securityHeaders first, so the preview's every response carries them. buildManifest
  // compresses the written build and makes its page (src/server/build-manifest.ts).
  plugins: [
    react(),
    securityHeaders(),
    mockBackend(),
    liveProxy(),
    rosterChecklist(),
    // What a first tap on a roster entry's Edit or Unlink needs (src/app/warm-modules.ts).
    warmModules(FIRST_TAP_SOURCES),
    buildManifest(),
    onlyOneStylesheet(),
    // The same files, and the first load's, compiled as they stream in (compile-hints-plugin.ts).
    compileHints(FIRST_TAP_SOURCES),
  ],
  resolve: {
    alias: [
      {
        // wouter's React 17 fallback; React 19 has the hook (src/lib/use-sync-external-store-shim.ts).
        find: /^use-sync-external-store\/shim(?:\/index\.js)?$/,
        replacement: fileURLToPath(
          new URL('./src/lib/use-sync-external-store-shim.ts', import.meta.url),
        ),
      },
    ],
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Every browser that runs this build supports <link rel=modulepreload>; the
    // polyfill would only add bytes to the first load.
    modulePreload: {
      polyfill: false,
      // The app's one stylesheet is inline in the page (src/server/build-manifest.ts), so
      // a lazy chunk never needs it loaded: without this, Vite's preload helper finds no
      // <link> for it and fetches and applies it again with the first dialog, restyling
      // the whole page. onlyOneStylesheet below keeps it the only one.
      resolveDependencies: (_file, deps) => deps.filter((dep) => !dep.endsWith('.css')),
    },
    // What the first load needs is one chunk: left to itself, Rolldown splits the modules
    // that the entry shares with lazy chunks into chunks of their own, and every extra
    // file costs the first load bytes (each is compressed apart) and a request.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Reached from the first load through TanStack Query's index, but used only by
            // lazy pages and writes (the activity page's infinite list, the properties
            // list's checklists, every mutation): their own chunk, not the first load's.
            {
              name: 'query-extras',
              test: QUERY_EXTRAS,
              priority: 1,
            },
            // Every module the entry reaches, but those extras and TanStack Query's index
            // (side-effect free re-exports: taking it would take all it lists).
            {
              debugName: 'first load',
              name: (id, meta) =>
                isInitial(id, meta) && !QUERY_EXTRAS.test(id) && !QUERY_INDEX.test(id)
                  ? 'app'
                  : null,
              priority: 3,
            },
            // The first tap's code as one file rather than eleven: one prefetch, one
            // request from the cache, one script to compile (large enough to be compiled
            // off the main thread as it streams in), and no round of imports waiting on
            // the one before. The setup page and the link dialog take their share of it.
            {
              debugName: 'first tap',
              name: (id, meta) =>
                reachedByFirstTap(id, meta) && !reachedByPicker(id, meta) ? 'roster-dialogs' : null,
              priority: 2,
            },
          ],
        },
      },
    },
  },
})
