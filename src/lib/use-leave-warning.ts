import { useEffect } from 'react'

/**
 * While `message` is set, asks before the user leaves: the browser's own prompt on
 * reload or tab close, and a confirmation before following an in-app link.
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
    window.addEventListener('beforeunload', onBeforeUnload)
    // Capture phase: decide before the router handles the click.
    document.addEventListener('click', onClick, true)
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload)
      document.removeEventListener('click', onClick, true)
    }
  }, [message])
}
