// Status messages that cover nothing and do not stay forever (issue 14, item 13).
import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  ACTION_DISMISS_MS,
  StatusProvider,
  useAnnounce,
  useClearStaleError,
} from '../../src/components/ui/status-region'

function Page() {
  const announce = useAnnounce()
  const clearStaleError = useClearStaleError()
  return (
    <main>
      <button
        type="button"
        onClick={() => {
          announce({
            text: 'Unlinked Eric Gonzalez (Seller).',
            tone: 'success',
            action: { label: 'Undo', onAction: () => undefined },
          })
        }}
      >
        Unlink
      </button>
      <button
        type="button"
        onClick={() => {
          announce({ text: 'Could not link Eric Gonzalez again.', tone: 'error' })
        }}
      >
        Fail
      </button>
      <button type="button" onClick={clearStaleError}>
        Open a dialog
      </button>
    </main>
  )
}

function renderPage() {
  render(
    <StatusProvider>
      <Page />
    </StatusProvider>,
  )
}

const undoText = 'Unlinked Eric Gonzalez (Seller).'

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

function useFakeClock() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
}

describe('a message with an action', () => {
  it('expires after a generous time', () => {
    useFakeClock()
    renderPage()
    fireEvent.click(screen.getByRole('button', { name: 'Unlink' }))
    expect(screen.getByText(undoText)).toBeVisible()
    act(() => {
      vi.advanceTimersByTime(ACTION_DISMISS_MS - 1000)
    })
    expect(screen.getByText(undoText)).toBeVisible()
    act(() => {
      vi.advanceTimersByTime(1000)
    })
    expect(screen.queryByText(undoText)).not.toBeInTheDocument()
  })

  it('does not expire while focus is in it, and starts again once focus leaves', () => {
    useFakeClock()
    renderPage()
    fireEvent.click(screen.getByRole('button', { name: 'Unlink' }))
    const undo = screen.getByRole('button', { name: 'Undo' })
    act(() => {
      undo.focus()
    })
    act(() => {
      vi.advanceTimersByTime(ACTION_DISMISS_MS * 3)
    })
    expect(screen.getByText(undoText)).toBeVisible()
    act(() => {
      screen.getByRole('button', { name: 'Unlink' }).focus()
    })
    act(() => {
      vi.advanceTimersByTime(ACTION_DISMISS_MS - 1000)
    })
    expect(screen.getByText(undoText)).toBeVisible()
    act(() => {
      vi.advanceTimersByTime(1000)
    })
    expect(screen.queryByText(undoText)).not.toBeInTheDocument()
  })

  it('does not expire while the pointer is on it', () => {
    useFakeClock()
    renderPage()
    fireEvent.click(screen.getByRole('button', { name: 'Unlink' }))
    const region = screen.getByText(undoText).closest('.status-region')
    if (!region) throw new Error('No status region')
    fireEvent.pointerEnter(region)
    act(() => {
      vi.advanceTimersByTime(ACTION_DISMISS_MS * 2)
    })
    expect(screen.getByText(undoText)).toBeVisible()
    fireEvent.pointerLeave(region)
    act(() => {
      vi.advanceTimersByTime(ACTION_DISMISS_MS)
    })
    expect(screen.queryByText(undoText)).not.toBeInTheDocument()
  })
})

describe('the space a message takes', () => {
  it('is reserved at the end of the page while it shows, and given back after', () => {
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: HTMLElement,
    ) {
      const shown = this.classList.contains('status-region') && this.textContent !== ''
      return DOMRect.fromRect(
        shown
          ? { x: 0, y: window.innerHeight - 76, width: 500, height: 56 }
          : { x: 0, y: 0, width: 0, height: 0 },
      )
    })
    renderPage()
    const root = document.documentElement
    expect(root.style.getPropertyValue('--status-reserve')).toBe('')
    fireEvent.click(screen.getByRole('button', { name: 'Unlink' }))
    expect(root.style.getPropertyValue('--status-reserve')).toBe('76px')
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss message' }))
    expect(root.style.getPropertyValue('--status-reserve')).toBe('')
  })
})

describe('an old error', () => {
  it('goes when a dialog opens for other work; a success message stays', () => {
    renderPage()
    fireEvent.click(screen.getByRole('button', { name: 'Fail' }))
    expect(screen.getByRole('alert')).toHaveTextContent('Could not link Eric Gonzalez again.')
    fireEvent.click(screen.getByRole('button', { name: 'Open a dialog' }))
    expect(screen.getByRole('alert')).toBeEmptyDOMElement()

    fireEvent.click(screen.getByRole('button', { name: 'Unlink' }))
    fireEvent.click(screen.getByRole('button', { name: 'Open a dialog' }))
    expect(screen.getByText(undoText)).toBeVisible()
  })
})
