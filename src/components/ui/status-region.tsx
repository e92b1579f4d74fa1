import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react'

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

const AUTO_DISMISS_MS = 8000

/**
 * One place for status messages. Both live regions exist from the first render,
 * so screen readers announce a message when it is added. A message with an action
 * (Undo, Try again) stays until dismissed or replaced: no timer races the user.
 */
export function StatusProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<StatusMessage | null>(null)
  const nextId = useRef(1)
  const actionRef = useRef<HTMLButtonElement>(null)

  const announce = useCallback<Announce>((input) => {
    setMessage({ ...input, id: nextId.current++ })
  }, [])

  const dismiss = useCallback(() => {
    setMessage(null)
  }, [])

  const focusAction = useCallback(() => {
    const button = actionRef.current
    if (!button?.isConnected) return false
    button.focus()
    return document.activeElement === button
  }, [])

  useEffect(() => {
    if (!message) return
    if (message.focusAction) actionRef.current?.focus()
    if (message.action) return
    const timer = setTimeout(dismiss, AUTO_DISMISS_MS)
    return () => {
      clearTimeout(timer)
    }
  }, [message, dismiss])

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
      <FocusActionContext value={focusAction}>{children}</FocusActionContext>
      <div className="status-region">
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
