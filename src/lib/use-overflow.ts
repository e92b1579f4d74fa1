import { useLayoutEffect, useState, type RefObject } from 'react'

// One observer for every measured element: a long roster may have many.
const measures = new WeakMap<Element, () => void>()
let observer: ResizeObserver | null = null
function sharedObserver(): ResizeObserver {
  observer ??= new ResizeObserver((entries) => {
    for (const entry of entries) measures.get(entry.target)?.()
  })
  return observer
}

/**
 * Whether the element's content is taller than its box (a line clamp cuts it), kept
 * up to date as its width changes. Until the element is laid out (on the server, or
 * while the browser skips it off screen) it is `guess`, which the server renders too.
 * With `measuring` false (the clamp is lifted) the last answer stays.
 */
export function useOverflows(
  ref: RefObject<HTMLElement | null>,
  guess: boolean,
  measuring: boolean,
): boolean {
  const [overflows, setOverflows] = useState(guess)
  useLayoutEffect(() => {
    const element = ref.current
    if (!element || !measuring) return
    const measure = () => {
      if (element.clientHeight === 0) return
      setOverflows(element.scrollHeight > element.clientHeight + 1)
    }
    // A ResizeObserver reports every element once when it starts observing, after
    // layout and before the frame paints: no forced layout per entry while the roster
    // hydrates, and no frame painted with a stale answer.
    if (typeof ResizeObserver === 'undefined') {
      measure()
      return
    }
    const shared = sharedObserver()
    measures.set(element, measure)
    shared.observe(element)
    return () => {
      shared.unobserve(element)
      measures.delete(element)
    }
  }, [ref, measuring])
  return overflows
}
