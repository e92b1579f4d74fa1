import { Route, Switch } from 'wouter'
import { PropertiesPage } from '../features/properties/components/properties-page'
import { NotFoundPage } from './not-found-page'
import { PropertyPage } from './property-page'

export function AppRoutes() {
  return (
    <Switch>
      <Route path="/" component={PropertiesPage} />
      <Route path="/properties/:propertyId" component={PropertyPage} />
      <Route>
        <NotFoundPage />
      </Route>
    </Switch>
  )
}
