import { lazy, Suspense, type ReactNode } from 'react'
import { Route, Switch } from 'wouter'
import { NotFoundPage } from './not-found-page'
import { PropertyPage } from './property-page'

// The property page is where coordinators live, so it ships in the first load;
// the list and the setup workflow load their code when first visited.
const PropertiesPage = lazy(() =>
  import('../features/properties/components/properties-page').then((module) => ({
    default: module.PropertiesPage,
  })),
)
const TransactionSetupRoute = lazy(() => import('./transaction-setup-route'))

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
  return (
    <Switch>
      <Route path="/">
        <Loading>
          <PropertiesPage />
        </Loading>
      </Route>
      <Route path="/properties/:propertyId" component={PropertyPage} />
      <Route path="/properties/:propertyId/setup">
        <Loading>
          <TransactionSetupRoute />
        </Loading>
      </Route>
      <Route>
        <NotFoundPage />
      </Route>
    </Switch>
  )
}
