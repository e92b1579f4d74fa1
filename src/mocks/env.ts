// How the long-running mounts (Vite plugin, standalone server) read their settings.
import { resolve } from 'node:path'
import type { MockMiddlewareOptions } from './middleware.ts'

/** Git-ignored; relative to the working directory (the repo root for npm scripts). */
export const DEFAULT_PERSIST_FILE = '.mock-data/db.json'

export function mockOptionsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): MockMiddlewareOptions {
  const options: MockMiddlewareOptions = {}
  const latency = Number(env.MOCK_LATENCY_MS)
  if (Number.isFinite(latency) && latency > 0) options.latencyMs = latency
  const token = env.MOCK_API_TOKEN
  if (token !== undefined && token !== '') options.apiToken = token
  if (env.MOCK_PERSIST !== '0') options.persistFile = resolve(cwd, DEFAULT_PERSIST_FILE)
  return options
}
