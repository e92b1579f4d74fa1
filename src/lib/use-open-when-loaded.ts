import { useMemo, useRef } from 'react'
import { flushSync } from 'react-dom'
import { useAnnounce } from '../components/ui/status-region'

/** Code that loads apart and can say whether it is in (src/lib/preloadable-lazy.ts). */
export interface LoadableCode {
  isLoaded: () => boolean
  preload: () => Promise<unknown>
}

export interface OpenOptions {
  /**
   * For what has a fallback worth showing ("Loading…"): if the code is not in by then,
   * `show` runs anyway and the fallback says what is happening while the code loads.
   */
  waitAtMostMs?: number
}

export interface OpenWhenLoaded {
  /**
   * Runs `show` (the state update that renders a dialog or a panel) once all of `code`
   * is in: at once if it is, or else in the task that brings the last of it. Asking
   * again, for this or something else, replaces what was asked before.
   */
  open: (code: readonly LoadableCode[], show: () => void, options?: OpenOptions) => void
  /** Forgets what was asked for and is still loading (a close, an Escape). */
  cancel: () => void
}

/**
 * Shows what loads apart (a dialog, a panel) in the render that has its code, never
 * through a Suspense fallback. Rendering it before its code is in would commit the
 * fallback, and React 19 then holds back what replaces a fallback until 300 ms after
 * the fallback showed (its Suspense throttle), however soon the code arrives: "?" took
 * 313 ms to show the shortcuts on this machine with the code a few milliseconds away.
 * `what` names it in the message a failed load announces ("the dialog").
 */
export function useOpenWhenLoaded(what: string): OpenWhenLoaded {
  const announce = useAnnounce()
  const awaited = useRef<object | null>(null)
  return useMemo<OpenWhenLoaded>(
    () => ({
      open: (code, show, options = {}) => {
        if (code.every((part) => part.isLoaded())) {
          awaited.current = null
          show()
          return
        }
        const ticket = {}
        awaited.current = ticket
        const { waitAtMostMs } = options
        const timer =
          waitAtMostMs === undefined
            ? undefined
            : setTimeout(() => {
                if (awaited.current !== ticket) return
                awaited.current = null
                show()
              }, waitAtMostMs)
        Promise.all(code.map((part) => part.preload())).then(
          () => {
            clearTimeout(timer)
            if (awaited.current !== ticket) return
            awaited.current = null
            flushSync(show)
          },
          () => {
            clearTimeout(timer)
            if (awaited.current !== ticket) return
            awaited.current = null
            announce({
              text: `Could not open ${what}: part of Roster did not load. Check the connection, then try again.`,
              tone: 'error',
            })
          },
        )
      },
      cancel: () => {
        awaited.current = null
      },
    }),
    [announce, what],
  )
}
