import { defineConfig, devices } from '@playwright/test'

// The flows test what ships: the production build, served with the mock backend
// by the standalone server (no Vite in the loop).
const port = Number(process.env.E2E_PORT ?? 4317)
const baseURL = `http://127.0.0.1:${port}`

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
      use: {
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
      },
    },
  ],
  webServer: {
    command: 'npm run build && npx tsx src/mocks/standalone.ts',
    url: `${baseURL}/__mock/health`,
    env: { PORT: String(port), MOCK_PERSIST: '0' },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
  },
})
