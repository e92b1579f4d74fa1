// The bare stack (../shared/baselines/bare-stack, see its README): the same property
// page with react, react-dom, react-query, react-hook-form and zod/mini loaded eagerly,
// rendered in the browser. Copied to a temporary folder (shared/ is read-only in CI),
// built there (its `dist-mini`, the zod/mini build) and served by static-server.ts.
//
// No network: its dependencies are a subset of Roster's at the same versions, so the
// copy gets a node_modules symlink to Roster's own (its Vite config resolves `vite` and
// `@vitejs/plugin-react` from there). Only if a version differs does it run `npm ci`,
// which needs the npm registry.
import { execFileSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { freePort, releasePort, sleep, spawnTracked, stopProcess, tail } from './processes'

/** Where the baselines are: BENCH_BASELINES, else ../shared/baselines next to the repo. */
export const BASELINES_DIR = resolve(process.env.BENCH_BASELINES ?? '../shared/baselines')

export interface BareStackBuild {
  /** The temporary copy of the baselines folder. */
  dir: string
  /** Its dist-mini build. */
  dist: string
  /** How its dependencies were provided, for the report. */
  dependencies: string
  remove(): void
}

interface PackageJson {
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}

/** The baseline's dependencies that Roster's node_modules lacks at the same version. */
function missingDependencies(appDir: string, ownModules: string): string[] {
  const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as PackageJson
  const wanted = { ...pkg.dependencies, ...pkg.devDependencies }
  return Object.entries(wanted).flatMap(([name, version]) => {
    try {
      const installed = JSON.parse(
        readFileSync(join(ownModules, name, 'package.json'), 'utf8'),
      ) as { version?: string }
      return installed.version === version
        ? []
        : [`${name}@${version} (have ${installed.version ?? '?'})`]
    } catch {
      return [`${name}@${version} (not installed)`]
    }
  })
}

export function buildBareStack(source = BASELINES_DIR): BareStackBuild {
  if (!existsSync(join(source, 'bare-stack', 'package.json'))) {
    throw new Error(`No bare stack in ${source} (set BENCH_BASELINES to the baselines folder)`)
  }
  const dir = join(mkdtempSync(join(tmpdir(), 'roster-bench-baselines-')), 'baselines')
  const remove = () => rmSync(join(dir, '..'), { recursive: true, force: true })
  try {
    cpSync(source, dir, {
      recursive: true,
      filter: (path) => !/[\\/](node_modules|dist|dist-mini)$/.test(path),
    })
    const app = join(dir, 'bare-stack')
    const ownModules = realpathSync('node_modules')
    const missing = missingDependencies(app, ownModules)
    let dependencies: string
    if (missing.length === 0) {
      symlinkSync(ownModules, join(app, 'node_modules'), 'dir')
      dependencies = `node_modules symlinked to Roster's (${ownModules}): every dependency at the same version`
    } else {
      console.log(`bench: the bare stack needs ${missing.join(', ')}: npm ci (npm registry)`)
      execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: app, stdio: 'inherit' })
      dependencies = `npm ci in the copy (Roster's node_modules lacks ${missing.join(', ')})`
    }
    execFileSync(
      process.execPath,
      [
        join(app, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--outDir',
        'dist-mini',
        '--logLevel',
        'warn',
      ],
      {
        cwd: app,
        env: { ...process.env, SCHEMA: 'mini' },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    )
    return { dir, dist: join(app, 'dist-mini'), dependencies, remove }
  } catch (error) {
    remove()
    throw error
  }
}

export interface StaticServer {
  origin: string
  stop(): Promise<void>
}

/** Serves `dist` with static-server.ts on a free port of 127.0.0.1 (BENCH_PORTS). */
export async function serveStatic(dist: string): Promise<StaticServer> {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const child = spawnTracked(
    process.execPath,
    ['--import', 'tsx', 'e2e/bench/static-server.ts', '--root', dist, '--port', String(port)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  child.once('exit', () => releasePort(port))
  const output = tail(child)
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`The static server exited (${child.exitCode}): ${output()}`)
    try {
      if ((await fetch(`${origin}/__health`)).status === 204) break
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stopProcess(child)
      throw new Error(`The static server did not answer on ${origin} within 30 s: ${output()}`)
    }
    await sleep(100)
  }
  return { origin, stop: () => stopProcess(child) }
}
