import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest'
import { resetMockConfig, setNow } from '../src/mocks/config'
import { db } from '../src/mocks/db'
import { server } from '../src/mocks/node'

// The forms load on first use (code-split); transforming them cold in Vitest can
// take longer than Testing Library's default 1 s wait.
configure({ asyncUtilTimeout: 3000 })

// jsdom has no layout, so no ResizeObserver; Headless UI observes sizes to place
// popovers. A no-op observer is what a layout-less page would report anyway.
if (!('ResizeObserver' in globalThis)) {
  globalThis.ResizeObserver = class ResizeObserver {
    observe() {
      /* no layout in jsdom */
    }
    unobserve() {
      /* no layout in jsdom */
    }
    disconnect() {
      /* no layout in jsdom */
    }
  }
}

// jsdom has <dialog> but neither showModal() nor close() (jsdom/jsdom#3294). These do
// what the page can observe of them without a top layer: the open attribute, and the
// close event. Focus trapping and the inert page behind are the browser's, and the
// Playwright flows check them in Chromium.
if (typeof HTMLDialogElement !== 'undefined' && !('showModal' in HTMLDialogElement.prototype)) {
  Object.assign(HTMLDialogElement.prototype, {
    showModal(this: HTMLDialogElement) {
      if (this.open) return
      if (!this.isConnected)
        throw new DOMException('The dialog is not connected.', 'InvalidStateError')
      this.setAttribute('open', '')
    },
    show(this: HTMLDialogElement) {
      this.setAttribute('open', '')
    },
    close(this: HTMLDialogElement) {
      if (!this.open) return
      this.removeAttribute('open')
      this.dispatchEvent(new Event('close'))
    },
  })
}

// Any request the mock backend does not answer is a test bug, not a silent pass.
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' })
})

// An unexpected console.error (React warnings, act() warnings, failed prop types)
// fails the test that caused it.
let consoleErrors: unknown[][] = []
beforeEach(() => {
  consoleErrors = []
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args)
  })
})

afterEach(() => {
  cleanup()
  server.resetHandlers()
  db.reset()
  resetMockConfig()
  setNow(null)
  const errors = consoleErrors
  consoleErrors = []
  if (errors.length > 0) {
    throw new Error(
      `console.error was called during the test:\n${errors.map((args) => args.map(String).join(' ')).join('\n')}`,
    )
  }
})

afterAll(() => {
  server.close()
})
