// Runtime knobs of the mock backend, shared by every mount (Vitest, Vite, standalone).
// They live outside the db so that `db.reset()` after each test does not undo the
// token a long-running mount was started with; tests that change them call
// `resetMockConfig()` / `setNow(null)` themselves.

export interface MockConfig {
  /** Delay applied to every /api/v1 response, to make loading states visible. */
  latencyMs: number
  /** When set, every /api/v1 request must carry `?api_token=<this>` (as the live API). */
  apiToken: string | null
}

const DEFAULT_CONFIG: MockConfig = { latencyMs: 0, apiToken: null }

let config: MockConfig = { ...DEFAULT_CONFIG }

export function getMockConfig(): Readonly<MockConfig> {
  return config
}

export function setMockConfig(patch: Partial<MockConfig>): void {
  config = { ...config, ...patch }
}

export function resetMockConfig(): void {
  config = { ...DEFAULT_CONFIG }
}

// The clock behind `created`/`updated`. Tests pin it to make timestamp bumps visible.
let clock: () => Date = () => new Date()

export function now(): Date {
  return clock()
}

/** Pin the clock to a date, drive it with a function, or `null` for the real time. */
export function setNow(value: Date | (() => Date) | null): void {
  if (value === null) clock = () => new Date()
  else if (value instanceof Date) clock = () => new Date(value.getTime())
  else clock = value
}
