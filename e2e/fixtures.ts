import { test as base, expect } from '@playwright/test'

// Every flow starts from the mock backend's deterministic seed.
export const test = base.extend<{ resetMockBackend: undefined }>({
  resetMockBackend: [
    async ({ request }, use) => {
      const response = await request.post('/__mock/reset')
      expect(response.status()).toBe(204)
      await use(undefined)
    },
    { auto: true },
  ],
})

export { expect }
