// The bench's own instances of the standalone server (src/mocks/standalone.ts): its
// build plus the mock backend, in memory only, on a free port of 127.0.0.1 (within
// BENCH_PORTS when set, see processes.ts).
import { freePort, releasePort, sleep, spawnTracked, stopProcess, tail } from './processes'

export interface MockServer {
  origin: string
  latencyMs: number
  /** Back to the seed (POST /__mock/reset). */
  reset(): Promise<void>
  stop(): Promise<void>
}

export interface MockServerOptions {
  /** The build to serve (relative to the repo root). */
  dist: string
  latencyMs?: number
}

const START_TIMEOUT_MS = 30_000

export async function startMockServer({
  dist,
  latencyMs = 0,
}: MockServerOptions): Promise<MockServer> {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  // `node --import tsx` rather than `npx tsx`: one process, so stopping it stops it.
  const child = spawnTracked(
    process.execPath,
    ['--import', 'tsx', 'src/mocks/standalone.ts', '--dist', dist, '--port', String(port)],
    {
      env: { ...process.env, MOCK_PERSIST: '0', MOCK_LATENCY_MS: String(latencyMs) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  child.once('exit', () => releasePort(port))
  const output = tail(child)
  const deadline = Date.now() + START_TIMEOUT_MS
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`The mock server exited (${child.exitCode}): ${output()}`)
    }
    try {
      const response = await fetch(`${origin}/__mock/health`)
      if (response.ok) break
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stopProcess(child)
      throw new Error(`The mock server did not answer on ${origin} within 30 s: ${output()}`)
    }
    await sleep(100)
  }
  return {
    origin,
    latencyMs,
    async reset() {
      const response = await fetch(`${origin}/__mock/reset`, { method: 'POST' })
      if (response.status !== 204) throw new Error(`Mock reset answered ${response.status}`)
    },
    stop: () => stopProcess(child),
  }
}
