// @vitest-environment node
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_BASE_URL,
  DEFAULT_TIMEOUT_MS,
  describeLiveTarget,
  liveConfigFromEnv,
} from '../../src/server/live-config'

const TOKEN = 'Zm9v/YmFy+dG9rZW4=='
const repo = fileURLToPath(new URL('../..', import.meta.url))

function problemOf(env: NodeJS.ProcessEnv): string {
  const result = liveConfigFromEnv(env)
  if (result.ok) throw new Error('expected the environment to be refused')
  return result.problem
}

describe('liveConfigFromEnv', () => {
  it('reads the token and defaults to the live API', () => {
    const result = liveConfigFromEnv({ OPEN_TO_CLOSE_API_KEY: ` ${TOKEN}\n` })
    expect(result).toEqual({
      ok: true,
      config: {
        apiKey: TOKEN,
        baseUrl: new URL(DEFAULT_BASE_URL),
        writeBaseUrl: new URL(DEFAULT_BASE_URL),
        timeoutMs: DEFAULT_TIMEOUT_MS,
      },
    })
    expect(DEFAULT_BASE_URL).toBe('https://api.opentoclose.com/v1')
  })

  it('takes the base URLs and the timeout from the environment', () => {
    const result = liveConfigFromEnv({
      OPEN_TO_CLOSE_API_KEY: TOKEN,
      OPEN_TO_CLOSE_BASE_URL: 'http://127.0.0.1:4319/api/v1',
      OPEN_TO_CLOSE_WRITE_BASE_URL: 'https://api.opentoclose.com/',
      OPEN_TO_CLOSE_TIMEOUT_MS: '1500',
    })
    if (!result.ok) throw new Error(result.problem)
    expect(result.config.baseUrl.href).toBe('http://127.0.0.1:4319/api/v1')
    expect(result.config.writeBaseUrl.href).toBe('https://api.opentoclose.com/')
    expect(result.config.timeoutMs).toBe(1500)
    expect(describeLiveTarget(result.config)).toBe(
      'http://127.0.0.1:4319/api/v1 (writes: https://api.opentoclose.com)',
    )
    expect(describeLiveTarget(result.config)).not.toContain(TOKEN)
  })

  it.each([
    [{}, /^OPEN_TO_CLOSE_API_KEY is not set/],
    [{ OPEN_TO_CLOSE_API_KEY: '   ' }, /^OPEN_TO_CLOSE_API_KEY is not set/],
    [{ OPEN_TO_CLOSE_API_KEY: 'two words' }, /spaces or control characters/],
    [
      // Only the server may hold it: Vite bundles VITE_ variables.
      { OPEN_TO_CLOSE_API_KEY: TOKEN, VITE_OPEN_TO_CLOSE_API_KEY: TOKEN },
      /^VITE_OPEN_TO_CLOSE_API_KEY holds the API token/,
    ],
    [
      { OPEN_TO_CLOSE_API_KEY: TOKEN, OPEN_TO_CLOSE_BASE_URL: 'api.opentoclose.com' },
      /OPEN_TO_CLOSE_BASE_URL is not a URL/,
    ],
    [
      // Plain http would carry the token across the network in clear text.
      { OPEN_TO_CLOSE_API_KEY: TOKEN, OPEN_TO_CLOSE_BASE_URL: 'http://api.opentoclose.com/v1' },
      /must use https/,
    ],
    [
      { OPEN_TO_CLOSE_API_KEY: TOKEN, OPEN_TO_CLOSE_WRITE_BASE_URL: 'ftp://example.com' },
      /OPEN_TO_CLOSE_WRITE_BASE_URL must be an https URL/,
    ],
    [
      {
        OPEN_TO_CLOSE_API_KEY: TOKEN,
        OPEN_TO_CLOSE_BASE_URL: `https://api.opentoclose.com/v1?api_token=${TOKEN}`,
      },
      /without credentials, query or fragment/,
    ],
    [{ OPEN_TO_CLOSE_API_KEY: TOKEN, OPEN_TO_CLOSE_TIMEOUT_MS: '0' }, /OPEN_TO_CLOSE_TIMEOUT_MS/],
  ])('refuses %j', (env, problem) => {
    const message = problemOf(env)
    expect(message).toMatch(problem)
    expect(message).not.toContain('\n')
    expect(message).not.toContain(TOKEN)
  })

  it('never quotes the token when a URL holding it is refused', () => {
    const message = problemOf({
      OPEN_TO_CLOSE_API_KEY: TOKEN,
      OPEN_TO_CLOSE_BASE_URL: `ftp://x/${TOKEN}`,
    })
    expect(message).toContain('[redacted]')
    expect(message).not.toContain(TOKEN)
  })
})

interface Exit {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a command from the repo root with exactly `env` (plus PATH), killed after 20 s. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: repo,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

describe('starting without a token', () => {
  it('npm run serve (the production server) refuses, in one line', async () => {
    const exit = await run(
      process.execPath,
      ['--import', 'tsx', 'src/server/production.ts'],
      // Any free port, should the check ever let it start.
      { PORT: '0' },
    )
    expect(exit.code).toBe(1)
    expect(exit.stdout).toBe('')
    expect(exit.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^OPEN_TO_CLOSE_API_KEY is not set: live mode needs/) as unknown,
    ])
  }, 30_000)

  it('npm run dev:live (Vite with ROSTER_API=live) refuses, in one line', async () => {
    const exit = await run(process.execPath, ['node_modules/vite/bin/vite.js', '--port', '0'], {
      ROSTER_API: 'live',
      OPEN_TO_CLOSE_API_KEY: '',
    })
    expect(exit.code).toBe(1)
    expect(exit.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^OPEN_TO_CLOSE_API_KEY is not set: live mode needs/) as unknown,
    ])
  }, 30_000)

  it('Vite refuses a token that is also in a VITE_ variable, without printing it', async () => {
    const exit = await run(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'preview', '--port', '0'],
      { ROSTER_API: 'live', OPEN_TO_CLOSE_API_KEY: TOKEN, VITE_API_KEY: TOKEN },
    )
    expect(exit.code).toBe(1)
    expect(exit.stderr).toContain('VITE_API_KEY holds the API token')
    expect(`${exit.stdout}${exit.stderr}`).not.toContain(TOKEN)
  }, 30_000)
})
