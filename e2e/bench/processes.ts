// Child processes the bench starts (mock servers, Chromium for Lighthouse): each is
// tracked from the moment it starts and killed however the bench ends (normally, by an
// error, by a timeout or by Ctrl-C), so none outlives it.
import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { createServer } from 'node:net'

const running = new Set<ChildProcess>()

function killTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  try {
    // Started detached, so the child leads a process group: Chromium's helpers go too.
    process.kill(-child.pid, signal)
  } catch {
    child.kill(signal)
  }
}

let exitHook = false

/** Spawns a tracked child in its own process group; it is killed when this process exits. */
export function spawnTracked(command: string, args: readonly string[], options: SpawnOptions) {
  if (!exitHook) {
    exitHook = true
    // Also runs after an uncaught exception; nothing runs after a SIGKILL, though.
    process.once('exit', () => {
      for (const child of running) killTree(child, 'SIGKILL')
    })
  }
  const child = spawn(command, args, { ...options, detached: true })
  running.add(child)
  child.once('exit', () => running.delete(child))
  return child
}

/** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  killTree(child, 'SIGTERM')
  const timer = setTimeout(() => killTree(child, 'SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => stopProcess(child)))
}

let installed = false
/** On Ctrl-C or SIGTERM, stops every tracked child before exiting. */
export function stopChildrenOnSignals(): void {
  if (installed) return
  installed = true
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\nbench: ${signal}, stopping the servers and browsers it started`)
      void stopAll().finally(() => process.exit(130))
    })
  }
}

function listenable(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(undefined))
    server.listen(port, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(address && typeof address === 'object' ? address.port : undefined))
    })
  })
}

/**
 * BENCH_PORTS=4617-4629: the ports the bench's servers and Lighthouse's Chromium may
 * listen on, so that runs sharing a machine keep to their own ranges. Unset: the OS
 * picks a free ephemeral port (above 32767, clear of any fixed range).
 */
export function portRangeFromEnv(value = process.env.BENCH_PORTS): [number, number] | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const match = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(value)
  const from = Number(match?.[1])
  const to = Number(match?.[2])
  if (!match || from < 1024 || to > 65535 || from > to) {
    throw new Error(`BENCH_PORTS must be a range like 4617-4629, not "${value}"`)
  }
  return [from, to]
}

/** Ports handed out and not yet given back: a child may not have bound its port yet. */
const handedOut = new Set<number>()

/**
 * A port nobody listens on right now, within BENCH_PORTS when set. Give it back with
 * `releasePort` once whatever listened on it has stopped.
 */
export async function freePort(): Promise<number> {
  const range = portRangeFromEnv()
  if (range === undefined) {
    const port = await listenable(0)
    if (port === undefined) throw new Error('Could not find a free port')
    return port
  }
  const [from, to] = range
  for (let port = from; port <= to; port++) {
    if (handedOut.has(port)) continue
    if ((await listenable(port)) !== undefined) {
      handedOut.add(port)
      return port
    }
  }
  throw new Error(`No free port left in BENCH_PORTS=${from}-${to}`)
}

export function releasePort(port: number): void {
  handedOut.delete(port)
}

/** Collects a stream's text, keeping the last `max` characters, for error messages. */
export function tail(child: ChildProcess, max = 4000): () => string {
  let text = ''
  const take = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-max)
  }
  child.stdout?.on('data', take)
  child.stderr?.on('data', take)
  return () => text.trim()
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Rejects with a clear message when `promise` takes longer than `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`))
    }, ms)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** Lighthouse's scores suffer when another Chromium-heavy run shares the 2 cores. */
export async function waitForPlaywrightRuns(maxMs = 10 * 60_000): Promise<void> {
  const running = () => {
    try {
      return execFileSync('pgrep', ['-f', 'playwright test'], { encoding: 'utf8' }).trim() !== ''
    } catch {
      return false // pgrep exits 1 when nothing matches (or is missing): go ahead.
    }
  }
  const deadline = Date.now() + maxMs
  if (running()) console.log('bench: a Playwright run is going on; waiting for it to end')
  while (running() && Date.now() < deadline) await sleep(5000)
}
