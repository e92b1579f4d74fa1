import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { mockBackend } from './src/mocks/vite-plugin.ts'

// The browser always calls /api/v1 on its own origin. What answers there is decided
// here, on the server side: the mock backend (default) mounted as middleware in the
// dev and preview servers. No mock code is ever part of the bundle.
export default defineConfig({
  plugins: [react(), mockBackend()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
})
