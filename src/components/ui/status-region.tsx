import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react'
import { focusPageHeading } from '../../lib/page-heading'

export interface StatusAction {
  label: string
  onAction: () => void
}

export interface StatusMessageInput {
  text: string
  tone?: 'success' | 'error' | 'info'
  action?: StatusAction
  /** Move keyboard focus to the action, for when the focused element just went away. */
  focusAction?: boolean
}

interface StatusMessage extends StatusMessageInput {
  id: number
}

type Announce = (message: StatusMessageInput) => void

const StatusContext = createContext<Announce | null>(null)
const FocusActionContext = createContext<(() => boolean) | null>(null)
const ClearErrorContext = createContext<() => void>(() => undefined)

/** Announces a status message; what it says is read out and stays until dismissed. */
export function useAnnounce(): Announce {
  const announce = use(StatusContext)
  if (!announce) throw new Error('useAnnounce must be used inside <StatusProvider>')
  return announce
}

/**
 * Moves focus to the current message's action (Undo), for when the control the user
 * was on went away with what the message is about; false when there is none.
 */
export function useFocusStatusAction(): () => boolean {
  const focusAction = use(FocusActionContext)
  if (!focusAction) throw new Error('useFocusStatusAction must be used inside <StatusProvider>')
  return focusAction
}

/**
 * Clears the error message showing, if any: for a dialog that opens for other work,
 * so an old error does not stay up beside it (a dialog shows its own errors).
 */
export function useClearStaleError(): () => void {
  return use(ClearErrorContext)
}

const AUTO_DISMISS_MS = 8000
/** A message with an action (Undo) stays longer, and never while focus or the pointer is in it. */
export const ACTION_DISMISS_MS = 20_000

/**
 * One place for status messages. Both live regions exist from the first render,
 * so screen readers announce a message when it is added. A message with an action
 * (Undo, Try again) stays 20 s, and the clock stops while focus or the pointer is in
 * it (WCAG 2.2.1: the user can extend it); it starts again, in full, once they leave.
 * While a message shows, the page reserves its height at the bottom
 * (--status-reserve), so it covers nothing once the page is scrolled to its end.
 */
export function StatusProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<StatusMessage | null>(null)
  const nextId = useRef(1)
  const actionRef = useRef<HTMLButtonElement>(null)
  const regionRef = useRef<HTMLDivElement>(null)
  const restoreFocusIfLost = useFocusReturn(regionRef)
  const held = useHeld(regionRef)
  useReservedSpace(regionRef, message?.id ?? null)

  const announce = useCallback<Announce>((input) => {
    setMessage({ ...input, id: nextId.current++ })
  }, [])

  const dismiss = useCallback(() => {
    setMessage(null)
  }, [])

  const clearError = useCallback(() => {
    setMessage((current) => (current?.tone === 'error' ? null : current))
  }, [])

  const focusAction = useCallback(() => {
    const button = actionRef.current
    if (!button?.isConnected) return false
    button.focus()
    return document.activeElement === button
  }, [])

  useEffect(() => {
    // The message that held focus went (dismissed, acted on, or replaced): focus goes
    // back rather than falling to the page.
    restoreFocusIfLost()
    if (!message) return
    if (message.focusAction) actionRef.current?.focus()
  }, [message, restoreFocusIfLost])

  const hasAction = !!message?.action
  useEffect(() => {
    if (!message || held) return
    const timer = setTimeout(dismiss, hasAction ? ACTION_DISMISS_MS : AUTO_DISMISS_MS)
    return () => {
      clearTimeout(timer)
    }
  }, [message, hasAction, held, dismiss])

  const content = message && (
    <div className={`status-message status-${message.tone ?? 'info'}`} key={message.id}>
      <p>{message.text}</p>
      {message.action && (
        <button
          ref={actionRef}
          type="button"
          className="button button-small"
          onClick={() => {
            const { action } = message
            dismiss()
            action?.onAction()
          }}
        >
          {message.action.label}
        </button>
      )}
      <button
        type="button"
        className="button button-small button-quiet"
        aria-label="Dismiss message"
        onClick={dismiss}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  )

  const value = useMemo(() => announce, [announce])
  const isError = message?.tone === 'error'
  return (
    <StatusContext value={value}>
      <FocusActionContext value={focusAction}>
        <ClearErrorContext value={clearError}>{children}</ClearErrorContext>
      </FocusActionContext>
      <div className="status-region" ref={regionRef}>
        <div role="status" aria-live="polite" aria-atomic="true">
          {!isError && content}
        </div>
        <div role="alert" aria-atomic="true">
          {isError && content}
        </div>
      </div>
    </StatusContext>
  )
}

/** Whether focus or the pointer is inside the region: its message's clock stops. */
function useHeld(regionRef: RefObject<HTMLElement | null>): boolean {
  const [focused, setFocused] = useState(false)
  const [pointed, setPointed] = useState(false)
  useEffect(() => {
    const region = regionRef.current
    if (!region) return
    const onFocusIn = () => {
      setFocused(true)
    }
    const onFocusOut = (event: FocusEvent) => {
      const to = event.relatedTarget
      if (!(to instanceof Node) || !region.contains(to)) setFocused(false)
    }
    const onEnter = () => {
      setPointed(true)
    }
    const onLeave = () => {
      setPointed(false)
    }
    region.addEventListener('focusin', onFocusIn)
    region.addEventListener('focusout', onFocusOut)
    region.addEventListener('pointerenter', onEnter)
    region.addEventListener('pointerleave', onLeave)
    return () => {
      region.removeEventListener('focusin', onFocusIn)
      region.removeEventListener('focusout', onFocusOut)
      region.removeEventListener('pointerenter', onEnter)
      region.removeEventListener('pointerleave', onLeave)
    }
  }, [regionRef])
  return focused || pointed
}

/**
 * While a message shows, `--status-reserve` on the root holds the space from the
 * message's top to the bottom of the viewport (its height and its margin), for the
 * page to reserve at its end; 0 when there is none.
 */
function useReservedSpace(regionRef: RefObject<HTMLElement | null>, messageId: number | null) {
  useEffect(() => {
    const root = document.documentElement
    const region = regionRef.current
    if (messageId === null || !region) {
      root.style.removeProperty('--status-reserve')
      return
    }
    const measure = () => {
      const { top, height } = region.getBoundingClientRect()
      const reserve = height > 0 ? Math.max(0, Math.ceil(window.innerHeight - top)) : 0
      root.style.setProperty('--status-reserve', `${reserve}px`)
    }
    measure()
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null
    observer?.observe(region)
    window.addEventListener('resize', measure)
    return () => {
      observer?.disconnect()
      window.removeEventListener('resize', measure)
      root.style.removeProperty('--status-reserve')
    }
  }, [regionRef, messageId])
}

function focusIsLost(): boolean {
  const active = document.activeElement
  return active === null || active === document.body
}

/**
 * Where focus goes when a message that holds it goes away: back to the element it
 * came from (the roster heading after an unlink, the control the user tabbed from),
 * or, when that is gone too, to the page's heading. Returns the check to run after
 * each change of message.
 */
function useFocusReturn(regionRef: RefObject<HTMLElement | null>): () => void {
  // Focus is in the region, and where it came from.
  const inside = useRef(false)
  const cameFrom = useRef<HTMLElement | null>(null)

  useEffect(() => {
    const region = regionRef.current
    if (!region) return
    const onFocusIn = (event: FocusEvent) => {
      const from = event.relatedTarget
      if (!(from instanceof Node) || !region.contains(from)) {
        cameFrom.current = from instanceof HTMLElement && from !== document.body ? from : null
      }
      inside.current = true
    }
    const onFocusOut = (event: FocusEvent) => {
      // No next element: the window lost focus, or the focused button was removed;
      // in both cases focus is still ours to give back.
      const to = event.relatedTarget
      if (to instanceof Node && !region.contains(to)) inside.current = false
    }
    region.addEventListener('focusin', onFocusIn)
    region.addEventListener('focusout', onFocusOut)
    return () => {
      region.removeEventListener('focusin', onFocusIn)
      region.removeEventListener('focusout', onFocusOut)
    }
  }, [regionRef])

  return useCallback(() => {
    if (!inside.current || regionRef.current?.contains(document.activeElement)) return
    inside.current = false
    if (!focusIsLost()) return
    const from = cameFrom.current
    cameFrom.current = null
    if (from?.isConnected) {
      from.focus()
      if (document.activeElement === from) return
    }
    focusPageHeading()
  }, [regionRef])
}
