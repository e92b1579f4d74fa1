import { Suspense, useCallback, useEffect, type ReactNode } from 'react'
import {
  matchRoute,
  Route,
  Router,
  Switch,
  useLocation,
  useRouter,
  type AroundNavHandler,
} from 'wouter'
import { paths } from '../config/paths'
import { preloadableLazy } from '../lib/preloadable-lazy'
import { useOpenWhenLoaded } from '../lib/use-open-when-loaded'
import { useRouteFocus } from '../lib/use-route-focus'
import { NotFoundPage } from './pages/not-found-page'
import { PropertyPage } from './pages/property-page'

// The property page is where coordinators live, so it ships in the first load;
// the list, the setup workflow and the activity load their code when a link to them is
// pointed at, touched or focused (usePreloadLinkedPages), or else when first visited.
// Code that is in renders in the navigation's own render, without "Loading…" (and
// without React's 300 ms hold on what replaces a Suspense fallback).
const propertiesPage = preloadableLazy(() =>
  import('../features/properties/components/properties-page').then((m) => m.PropertiesPage),
)
const setupPage = preloadableLazy(() =>
  import('./pages/transaction-setup-page').then((m) => m.default),
)
const activityPage = preloadableLazy(() => import('./pages/activity-page').then((m) => m.default))
const PropertiesPage = propertiesPage.Component
const TransactionSetupPage = setupPage.Component
const ActivityPage = activityPage.Component

const LAZY_PAGES = [
  { pattern: paths.properties.pattern, code: propertiesPage },
  { pattern: paths.propertySetup.pattern, code: setupPage },
  { pattern: paths.propertyActivity.pattern, code: activityPage },
] as const

/**
 * The app's navigations (links, `navigate`) to a page whose code is not in yet wait for
 * it, a quarter of a second at most: a fast load then shows the page in the render that
 * has its code. A slow one shows "Loading…" meanwhile; a failed one is announced, and
 * the page stays where it was. Back and forward are the browser's and do not wait.
 */
export function PageCodeRouter({ children }: { children: ReactNode }) {
  const { parser } = useRouter()
  const whenLoaded = useOpenWhenLoaded('the page')
  const aroundNav = useCallback<AroundNavHandler>(
    (navigate, to, options) => {
      const [path = ''] = to.split(/[?#]/)
      const page = LAZY_PAGES.find(({ pattern }) => matchRoute(parser, pattern, path)[0])
      if (!page) {
        whenLoaded.cancel()
        navigate(to, options)
        return
      }
      whenLoaded.open(
        [page.code],
        () => {
          navigate(to, options)
        },
        { waitAtMostMs: 250 },
      )
    },
    [parser, whenLoaded],
  )
  return <Router aroundNav={aroundNav}>{children}</Router>
}

/** Starts loading a page's code when a link to it (on this origin) is about to be used. */
function usePreloadLinkedPages() {
  const { parser } = useRouter()
  useEffect(() => {
    const onIntent = (event: Event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null
      if (!(link instanceof HTMLAnchorElement) || link.origin !== window.location.origin) return
      for (const { pattern, code } of LAZY_PAGES) {
        if (matchRoute(parser, pattern, link.pathname)[0]) code.preload().catch(() => undefined)
      }
    }
    const events = ['pointerover', 'focusin', 'touchstart'] as const
    for (const type of events) document.addEventListener(type, onIntent, { passive: true })
    return () => {
      for (const type of events) document.removeEventListener(type, onIntent)
    }
  }, [parser])
}

function Loading({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <p role="status" className="page-loading">
          Loading…
        </p>
      }
    >
      {children}
    </Suspense>
  )
}

export function AppRoutes() {
  // The path only: a new query string (filters, the page of a list) is the same page.
  const [pathname] = useLocation()
  const announcement = useRouteFocus(pathname)
  usePreloadLinkedPages()
  return (
    <>
      <Switch>
        <Route path={paths.properties.pattern}>
          <Loading>
            <PropertiesPage />
          </Loading>
        </Route>
        <Route path={paths.property.pattern} component={PropertyPage} />
        <Route path={paths.propertySetup.pattern}>
          <Loading>
            <TransactionSetupPage />
          </Loading>
        </Route>
        <Route path={paths.propertyActivity.pattern}>
          <Loading>
            <ActivityPage />
          </Loading>
        </Route>
        <Route>
          <NotFoundPage />
        </Route>
      </Switch>
      {/* Says which page a move led to; empty on the first load, so the server's
          markup and the first render agree. */}
      <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-route-announcer>
        {announcement.text && <span key={announcement.id}>{announcement.text}</span>}
      </div>
    </>
  )
}
