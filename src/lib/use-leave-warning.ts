import { useEffect } from 'react'

/**
 * While `message` is set, asks before the user leaves: the browser's own prompt on
 * reload or tab close, and a confirmation before following an in-app link or going
 * Back or Forward in the history.
 */
export function useLeaveWarning(message: string | null) {
  useEffect(() => {
    if (!message) return
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault()
    }
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return
      if (!(event.target instanceof Element)) return
      const anchor = event.target.closest('a[href]')
      if (!(anchor instanceof HTMLAnchorElement) || anchor.origin !== window.location.origin) return
      if (!window.confirm(message)) {
        event.preventDefault()
        event.stopImmediatePropagation()
      }
    }
    // Back and Forward. Where the Navigation API exists, its `navigate` event comes
    // before anything moves and can be cancelled. Elsewhere, popstate comes after the
    // entry changed and cannot: ask (capture phase, before the router), and if the
    // user stays, keep the router from following and put this page's URL back.
    const here = window.location.href
    let answered = false
    const onNavigate = (event: NavigateEvent) => {
      if (event.navigationType !== 'traverse' || !event.cancelable) return
      if (window.confirm(message)) answered = true
      else event.preventDefault()
    }
    const navigation = 'navigation' in window ? window.navigation : undefined
    const onPopState = (event: PopStateEvent) => {
      if (answered) {
        answered = false
        return
      }
      if (window.location.href === here || window.confirm(message)) return
      event.stopImmediatePropagation()
      window.history.pushState(event.state, '', here)
    }
    navigation?.addEventListener('navigate', onNavigate)
    window.addEventListener('popstate', onPopState, true)
    window.addEventListener('beforeunload', onBeforeUnload)
    // Capture phase: decide before the router handles the click.
    document.addEventListener('click', onClick, true)
    return () => {
      navigation?.removeEventListener('navigate', onNavigate)
      window.removeEventListener('popstate', onPopState, true)
      window.removeEventListener('beforeunload', onBeforeUnload)
      document.removeEventListener('click', onClick, true)
    }
  }, [message])
}
