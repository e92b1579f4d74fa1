import { defineConfig, devices } from '@playwright/test'
import {
  LIVE_ACCOUNT,
  LIVE_SECOND_ACCOUNT,
  LIVE_AUTH_FILE,
  LIVE_DATA_DIR,
  LIVE_ORIGIN,
  LIVE_PORT,
  LIVE_TOKEN,
  UPSTREAM_ORIGIN,
  UPSTREAM_PORT,
} from './e2e/fake-upstream'

// The flows test what ships: the production build, served with the mock backend
// by the standalone server (no Vite in the loop).
const port = Number(process.env.E2E_PORT ?? 4317)
const baseURL = `http://127.0.0.1:${port}`

/** The flows against the production server (sign-in included). */
const LIVE_SPECS = /(live|sign-in|team)\.spec\.ts$/

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // The closed network refuses Chromium's background calls; do not make them.
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  },
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  // One shared mock backend; each test resets it, so tests run one at a time.
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: LIVE_SPECS,
      use: chromium,
    },
    {
      // Signs in once for the live flows (the production server wants a session).
      name: 'live-setup',
      testMatch: /live\.setup\.ts$/,
      use: { ...chromium, baseURL: LIVE_ORIGIN },
    },
    {
      // Live mode: the production server with the token, in front of a fake live API.
      name: 'live',
      testMatch: LIVE_SPECS,
      dependencies: ['live-setup'],
      use: { ...chromium, baseURL: LIVE_ORIGIN, storageState: LIVE_AUTH_FILE },
    },
  ],
  // Started in this order, each once the one before answers: the build comes first.
  webServer: [
    {
      // The token is in the build's environment, as on a coordinator's machine, so
      // live.spec.ts's "not in dist/" check means something (the build also fails
      // by itself if the token reaches the output: src/server/vite-plugin.ts).
      command: 'npm run build && npx tsx src/mocks/standalone.ts',
      url: `${baseURL}/__mock/health`,
      env: { PORT: String(port), MOCK_PERSIST: '0', OPEN_TO_CLOSE_API_KEY: LIVE_TOKEN },
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'pipe',
    },
    {
      // The fake Open To Close API: the mock backend alone, demanding the token.
      command: 'npx tsx src/mocks/standalone.ts --api-only',
      url: `${UPSTREAM_ORIGIN}/__mock/health`,
      env: { PORT: String(UPSTREAM_PORT), MOCK_PERSIST: '0', MOCK_API_TOKEN: LIVE_TOKEN },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
    },
    {
      // A fresh data folder with one account (made as an operator would, through the
      // users command), then the server on it.
      command: [
        'rm -rf "$ROSTER_DATA_DIR"',
        'printf %s "$E2E_PASSWORD" | npx tsx src/server/cli/users.ts add "$E2E_EMAIL" --name "$E2E_NAME" --password-stdin',
        'printf %s "$E2E_PASSWORD_2" | npx tsx src/server/cli/users.ts add "$E2E_EMAIL_2" --name "$E2E_NAME_2" --password-stdin',
        'exec env -u E2E_PASSWORD -u E2E_PASSWORD_2 npx tsx src/server/production.ts',
      ].join(' && '),
      // The sign-in page answers without a session (the app's pages redirect to it).
      url: `${LIVE_ORIGIN}/sign-in`,
      env: {
        PORT: String(LIVE_PORT),
        OPEN_TO_CLOSE_API_KEY: LIVE_TOKEN,
        OPEN_TO_CLOSE_BASE_URL: `${UPSTREAM_ORIGIN}/api/v1`,
        ROSTER_DATA_DIR: LIVE_DATA_DIR,
        E2E_EMAIL: LIVE_ACCOUNT.email,
        E2E_NAME: LIVE_ACCOUNT.name,
        E2E_PASSWORD: LIVE_ACCOUNT.password,
        E2E_EMAIL_2: LIVE_SECOND_ACCOUNT.email,
        E2E_NAME_2: LIVE_SECOND_ACCOUNT.name,
        E2E_PASSWORD_2: LIVE_SECOND_ACCOUNT.password,
      },
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'pipe',
    },
  ],
})
