import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react'

const STORAGE_KEY = 'roster.shortcuts'
const listeners = new Set<() => void>()

function readEnabled(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) !== 'off'
  } catch {
    // Storage can be unavailable (privacy settings): shortcuts stay on.
    return true
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

/** Whether the roster's single-key shortcuts are on (remembered in this browser). */
export function useShortcutsEnabled(): [boolean, (enabled: boolean) => void] {
  // On the server (and while hydrating) shortcuts count as on: nothing rendered differs.
  const enabled = useSyncExternalStore(subscribe, readEnabled, () => true)
  const setEnabled = useCallback((next: boolean) => {
    try {
      if (next) window.localStorage.removeItem(STORAGE_KEY)
      else window.localStorage.setItem(STORAGE_KEY, 'off')
    } catch {
      // Not remembered; nothing else to do.
    }
    for (const listener of listeners) listener()
  }, [])
  return [enabled, setEnabled]
}

/** Keys typed here are text, or belong to a dialog: never a shortcut. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.closest('dialog, [role="dialog"], [role="alertdialog"]')) return true
  return (
    target.isContentEditable ||
    target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !==
      null
  )
}

export interface RosterShortcuts {
  /** `/`: focus the roster's name filter. */
  onFind: () => void
  /** `l`: open Link contact; undefined while linking is not possible. */
  onLink: (() => void) | undefined
  /** `?`: list the shortcuts (the "Keyboard shortcuts" button does too, even when off). */
  onHelp: () => void
}

/**
 * The roster's keyboard shortcuts: single keys, only outside fields and dialogs, never
 * with Ctrl, Alt or Meta (so no screen reader or browser key is taken), and none at all
 * while they are turned off.
 */
export function useRosterShortcuts(shortcuts: RosterShortcuts, enabled: boolean) {
  const latest = useRef(shortcuts)
  useEffect(() => {
    latest.current = shortcuts
  })
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return
      if (event.ctrlKey || event.altKey || event.metaKey) return
      if (!enabled || isTypingTarget(event.target)) return
      const { onFind, onLink, onHelp } = latest.current
      if (event.key === '?') {
        event.preventDefault()
        onHelp()
        return
      }
      if (event.shiftKey) return
      if (event.key === '/') {
        event.preventDefault()
        onFind()
      } else if (event.key === 'l' && onLink) {
        event.preventDefault()
        onLink()
      }
    }
    document.addEventListener('keydown', onKeyDown)
    return () => {
      document.removeEventListener('keydown', onKeyDown)
    }
  }, [enabled])
}
