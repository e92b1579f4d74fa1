// The production build, made into the bench's own folder so that dist/ (which the
// browser flows serve) is never touched.
import { build } from 'vite'

export const BENCH_DIR = '.bench'
export const BENCH_DIST = `${BENCH_DIR}/dist`

export async function buildApp(outDir = BENCH_DIST): Promise<void> {
  await build({
    mode: 'production',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  })
}
