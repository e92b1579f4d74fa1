// The mock backend for Vitest: MSW intercepts fetch in the test process.
import { setupServer } from 'msw/node'
import { handlers } from './handlers.ts'

export const server = setupServer(...handlers)
