import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react'

export interface RosterFocus {
  /** For an entry's Edit button: registers it under its contact id while it is on the page. */
  registerEditButton: (contactId: number, button: HTMLButtonElement) => () => void
  /**
   * Keeps focus with an entry while a write moves it (a new role puts it in another
   * group, as a new element) or removes it. Returns the function to call once the
   * write has settled: focus follows the entry until the roster has shown the outcome.
   * When the entry is gone, `fallback` may take focus (Undo); else the roster heading does.
   */
  followEntry: (contactId: number, fallback?: () => boolean) => () => void
  focusHeading: () => void
  headingHasFocus: () => boolean
  /** Looks again once a dialog has closed: its opener may have gone with the write. */
  recheck: () => void
}

function focusIsLost(): boolean {
  const active = document.activeElement
  return active === null || active === document.body || !active.isConnected
}

/**
 * Focus in the roster, by contact id rather than by what a button says. After each
 * render that changed the entries on screen (`shown`), if focus fell to the page
 * while an entry is followed, it goes to that entry's Edit button, or to the roster
 * heading (`headingRef`) when the entry is not on screen (unlinked, or filtered out).
 */
export function useRosterFocus(
  headingRef: RefObject<HTMLHeadingElement | null>,
  shown: unknown,
): RosterFocus {
  const editButtons = useRef(new Map<number, HTMLButtonElement>())
  const followed = useRef<{
    contactId: number
    settled: boolean
    fallback: (() => boolean) | undefined
  } | null>(null)
  // Bumped when a followed write settles: one more render, which shows its outcome.
  const [settledWrites, setSettledWrites] = useState(0)
  // Whether focus was last in the roster (not in a dialog, not elsewhere on the page).
  const focusInRoster = useRef(false)

  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      const roster = headingRef.current?.closest('section')
      focusInRoster.current = roster?.contains(event.target as Node) ?? false
    }
    document.addEventListener('focusin', onFocusIn)
    return () => {
      document.removeEventListener('focusin', onFocusIn)
    }
  }, [headingRef])

  // A change that arrived from elsewhere (a colleague, another tab) removed the entry
  // whose button had focus: focus stays in the roster, on its heading, not on the page.
  useEffect(() => {
    if (followed.current || !focusInRoster.current || !focusIsLost()) return
    headingRef.current?.focus()
  }, [headingRef, shown])

  useEffect(() => {
    const target = followed.current
    if (!target) return
    // After the dialog that asked has given focus back (it does so on a timer once
    // it has gone), or failed to, because the control it came from went with the write.
    const timer = setTimeout(() => {
      if (followed.current !== target) return
      if (focusIsLost()) {
        const button = editButtons.current.get(target.contactId)
        if (button) {
          button.focus()
          followed.current = null
          return
        }
        // The heading first, so that focus returns there from the fallback (Undo).
        headingRef.current?.focus()
        target.fallback?.()
      }
      if (target.settled && !document.querySelector('dialog[open], [role="dialog"]'))
        followed.current = null
    }, 0)
    return () => {
      clearTimeout(timer)
    }
  }, [headingRef, shown, settledWrites])

  const registerEditButton = useCallback((contactId: number, button: HTMLButtonElement) => {
    const buttons = editButtons.current
    buttons.set(contactId, button)
    return () => {
      if (buttons.get(contactId) === button) buttons.delete(contactId)
    }
  }, [])

  const followEntry = useCallback((contactId: number, fallback?: () => boolean) => {
    const target = { contactId, settled: false, fallback }
    followed.current = target
    return () => {
      if (followed.current !== target) return
      target.settled = true
      setSettledWrites((count) => count + 1)
    }
  }, [])

  return useMemo(
    () => ({
      registerEditButton,
      followEntry,
      focusHeading: () => headingRef.current?.focus(),
      headingHasFocus: () => document.activeElement === headingRef.current,
      recheck: () => {
        setSettledWrites((count) => count + 1)
      },
    }),
    [headingRef, registerEditButton, followEntry],
  )
}
