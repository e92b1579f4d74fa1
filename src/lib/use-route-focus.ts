import { useEffect, useRef, useState } from 'react'
import { findPageHeading, focusPageHeading } from './page-heading'

/** What to announce: `id` changes with each move, so the same text is read again. */
export interface RouteAnnouncement {
  id: number
  text: string
}

/** How long after a move focus keeps following the page's heading as it loads. */
const FOLLOW_MS = 10_000

/**
 * After a move to another page (`pathname` changed: not on the first load, not when
 * only the query string changes), focus goes to the new page's h1, and the returned
 * announcement (for a polite live region) says which page it is. The h1 may come later (code
 * or data still loading) or be replaced (a loading heading, then the property's own):
 * focus follows it until the user moves focus themselves, or for `FOLLOW_MS`.
 */
export function useRouteFocus(pathname: string): RouteAnnouncement {
  const [announcement, setAnnouncement] = useState<RouteAnnouncement>({ id: 0, text: '' })
  const shownPath = useRef(pathname)

  useEffect(() => {
    if (shownPath.current === pathname) return
    shownPath.current = pathname
    const main = document.querySelector('main') ?? document.body
    let focused: HTMLElement | null = null

    const follow = () => {
      const heading = findPageHeading()
      if (!heading || heading === focused) return
      // A new heading: taken only while focus is nowhere (the link that was clicked
      // went with the old page) or went with the heading this replaces.
      const active = document.activeElement
      if (active !== null && active !== document.body && active !== main) {
        stop()
        return
      }
      focused = focusPageHeading()
      const text = heading.textContent.trim()
      setAnnouncement((previous) => ({ id: previous.id + 1, text }))
    }
    const observer = new MutationObserver(follow)
    // Focus moved by the user (or by the page itself) ends the following.
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target
      if (target instanceof Element && target === findPageHeading()) return
      stop()
    }
    const timer = setTimeout(stop, FOLLOW_MS)
    function stop() {
      observer.disconnect()
      document.removeEventListener('focusin', onFocusIn)
      clearTimeout(timer)
    }

    observer.observe(main, { childList: true, subtree: true })
    document.addEventListener('focusin', onFocusIn)
    follow()
    return stop
  }, [pathname])

  return announcement
}
