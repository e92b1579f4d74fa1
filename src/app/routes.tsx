import { lazy, Suspense } from 'react'
import { Route, Switch } from 'wouter'
import { PropertiesPage } from '../features/properties/components/properties-page'
import { NotFoundPage } from './not-found-page'
import { PropertyPage } from './property-page'

// The setup workflow's form code loads when it is first opened.
const TransactionSetupRoute = lazy(() => import('./transaction-setup-route'))

export function AppRoutes() {
  return (
    <Switch>
      <Route path="/" component={PropertiesPage} />
      <Route path="/properties/:propertyId" component={PropertyPage} />
      <Route path="/properties/:propertyId/setup">
        <Suspense fallback={<p role="status">Loading the setup form…</p>}>
          <TransactionSetupRoute />
        </Suspense>
      </Route>
      <Route>
        <NotFoundPage />
      </Route>
    </Switch>
  )
}
