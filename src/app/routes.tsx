import { lazy, Suspense, type ReactNode } from 'react'
import { Route, Switch, useLocation } from 'wouter'
import { paths } from '../config/paths'
import { useRouteFocus } from '../lib/use-route-focus'
import { NotFoundPage } from './pages/not-found-page'
import { PropertyPage } from './pages/property-page'

// The property page is where coordinators live, so it ships in the first load;
// the list and the setup workflow load their code when first visited.
const PropertiesPage = lazy(() =>
  import('../features/properties/components/properties-page').then((module) => ({
    default: module.PropertiesPage,
  })),
)
const TransactionSetupPage = lazy(() => import('./pages/transaction-setup-page'))
const ActivityPage = lazy(() => import('./pages/activity-page'))

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
