import { startTransition, useEffect, useState } from 'react'

/**
 * How many of `total` items to render now: `first` at once (a screenful), then `step` more after
 * each painted frame until all are there. Each step is its own short task, so the first screen
 * paints quickly and typing or clicking is never stuck behind one long render.
 * A new `resetKey` (another filter) starts again from `first`; other changes
 * (an edit, a refetch) keep what is already shown.
 */
export function useProgressiveLimit(
  total: number,
  resetKey: string,
  { first = 20, step = 150 }: { first?: number; step?: number } = {},
): number {
  const [state, setState] = useState({ key: resetKey, limit: first })
  let limit = state.limit
  if (state.key !== resetKey) {
    // Adjusting state while rendering (React's documented pattern for a prop change).
    limit = first
    setState({ key: resetKey, limit })
  }
  const done = limit >= total
  useEffect(() => {
    if (done) return
    // After the next frame is painted (a frame callback, then a task), so every
    // step is on screen before the next one starts.
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        startTransition(() => {
          setState((current) =>
            current.key === resetKey ? { key: resetKey, limit: current.limit + step } : current,
          )
        })
      }, 0)
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [done, limit, resetKey, step])
  return Math.min(limit, total)
}
