import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/setup.ts'],
    // Starts PostgreSQL for the database tests' second leg, or says once why not.
    globalSetup: ['tests/postgres-setup.ts'],
    environmentOptions: { jsdom: { url: 'http://localhost:3000/' } },
    restoreMocks: true,
    testTimeout: 15_000,
  },
})
