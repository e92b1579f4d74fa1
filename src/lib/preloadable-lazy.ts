import { lazy, type ComponentType, type LazyExoticComponent } from 'react'

export interface PreloadableLazy<P extends object> {
  /** Renders as React.lazy would, without suspending once the code is loaded. */
  Component: LazyExoticComponent<ComponentType<P>>
  /** Loads the code (once) ahead of its first render. */
  preload: () => Promise<ComponentType<P>>
  /** Whether the code is in: `Component` then renders in the first pass. */
  isLoaded: () => boolean
}

/**
 * React.lazy for code that is loaded ahead of time (on idle, or when a button is pointed
 * at). A plain lazy component suspends on its first render even when its module is
 * already in, and React 19 then holds the content back for its Suspense throttle (300
 * ms): the first dialog opened after the code had loaded still took a third of a second
 * to show. Once `preload` has resolved, this one hands React the loaded component
 * synchronously (a thenable that calls back at once, which React.lazy reads as
 * resolved), so the first render shows it in the same frame.
 */
export function preloadableLazy<P extends object>(
  load: () => Promise<ComponentType<P>>,
): PreloadableLazy<P> {
  interface Loaded {
    default: ComponentType<P>
  }
  let loaded: Loaded | undefined
  let pending: Promise<ComponentType<P>> | undefined
  const preload = () =>
    (pending ??= load().then(
      (component) => {
        loaded = { default: component }
        return component
      },
      (error: unknown) => {
        // A failed load may be tried again (a network error passes).
        pending = undefined
        throw error
      },
    ))
  const Component = lazy(() => {
    const module = loaded
    if (module) {
      // A thenable that calls back at once: React.lazy calls nothing on it but `then`,
      // and takes a module handed over synchronously as loaded.
      const resolved = {
        then(onFulfilled: (value: Loaded) => unknown) {
          onFulfilled(module)
          return resolved
        },
      }
      return resolved as unknown as Promise<Loaded>
    }
    return preload().then((component) => ({ default: component }))
  })
  return { Component, preload, isLoaded: () => loaded !== undefined }
}
