import { useCallback, useEffect, useState, type ComponentType } from 'react'
import { flushSync } from 'react-dom'
import type { ContactSheetProps } from './components/contact-sheet'

type Sheet = ComponentType<ContactSheetProps>

// The sheet's code loads once the page has settled (or when the Print button is
// pointed at), and is kept: `beforeprint` must render it at once, with no waiting.
let loaded: Sheet | null = null
function loadSheet(): Promise<Sheet> {
  return import('./components/contact-sheet').then((m) => (loaded = m.ContactSheet))
}

/**
 * The contact sheet for printing: rendered while the page prints (the browser's
 * Print, or emulated print media), and the "Print contact sheet" action. Before its
 * code has loaded, the page still prints cleanly (styles.css), just without the
 * folded or not yet shown contacts.
 */
export function usePrintSheet() {
  const [sheet, setSheet] = useState<{ Sheet: Sheet } | null>(() =>
    loaded ? { Sheet: loaded } : null,
  )
  const [printing, setPrinting] = useState(false)

  const prepare = useCallback(() => {
    loadSheet()
      .then((Sheet) => {
        setSheet({ Sheet })
      })
      .catch(() => undefined)
  }, [])

  useEffect(() => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(prepare, { timeout: 5000 })
      return () => {
        cancelIdleCallback(id)
      }
    }
    const timer = setTimeout(prepare, 2000)
    return () => {
      clearTimeout(timer)
    }
  }, [prepare])

  useEffect(() => {
    // Rendered in the same task: the browser lays out for print right after this event.
    const start = () => {
      flushSync(() => {
        if (loaded) setSheet({ Sheet: loaded })
        setPrinting(true)
      })
    }
    const end = () => {
      setPrinting(false)
    }
    // Emulated print media (and some browsers' print preview) say so only here. Not in jsdom.
    const media = typeof window.matchMedia === 'function' ? window.matchMedia('print') : null
    const onChange = (event: MediaQueryListEvent) => {
      if (event.matches) start()
      else end()
    }
    window.addEventListener('beforeprint', start)
    window.addEventListener('afterprint', end)
    media?.addEventListener('change', onChange)
    return () => {
      window.removeEventListener('beforeprint', start)
      window.removeEventListener('afterprint', end)
      media?.removeEventListener('change', onChange)
    }
  }, [])

  const print = useCallback(() => {
    const printWith = (Sheet: Sheet) => {
      flushSync(() => {
        setSheet({ Sheet })
        setPrinting(true)
      })
      window.print()
    }
    // Loaded (the usual case): print in the click itself, as browsers like it.
    if (loaded) {
      printWith(loaded)
      return
    }
    loadSheet()
      .then(printWith)
      .catch(() => {
        // The sheet's code did not load (offline): print the page as it is.
        window.print()
      })
  }, [])

  return { Sheet: printing ? (sheet?.Sheet ?? null) : null, print, prepare }
}
