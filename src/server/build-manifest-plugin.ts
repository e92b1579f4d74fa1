// Runs the build's share of serving (src/server/build-manifest.ts) after every
// `vite build` has written its output: `npm run build`, the bench's
// `vite build --outDir .bench/dist`, the flows' build. Imported by vite.config.ts only.
import type { Plugin } from 'vite'
import { writeBuildManifest } from './build-manifest.ts'

export function buildManifest(): Plugin {
  return {
    name: 'roster:build-manifest',
    apply: 'build',
    writeBundle: {
      // After every other plugin has written its files, so they are compressed too.
      order: 'post',
      async handler(options) {
        if (options.dir === undefined) {
          this.error('the build manifest needs an output folder (build.outDir)')
        }
        await writeBuildManifest(options.dir)
      },
    },
  }
}
