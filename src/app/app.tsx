import type { QueryClient } from '@tanstack/react-query'
import { ErrorBoundary } from './error-boundary'
import { Layout } from './layout'
import { AppProviders } from './providers'
import { AppRoutes } from './routes'
import { SignedInAs } from './signed-in-as'

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <AppProviders queryClient={queryClient}>
      <Layout account={<SignedInAs />}>
        <ErrorBoundary>
          <AppRoutes />
        </ErrorBoundary>
      </Layout>
    </AppProviders>
  )
}
