import { Route, Switch } from 'wouter'
import { PropertiesPage } from '../features/properties/components/properties-page'
import { NotFoundPage } from './not-found-page'

export function AppRoutes() {
  return (
    <Switch>
      <Route path="/" component={PropertiesPage} />
      <Route>
        <NotFoundPage />
      </Route>
    </Switch>
  )
}
