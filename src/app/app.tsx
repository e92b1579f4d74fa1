import type { QueryClient } from '@tanstack/react-query'
import { ErrorBoundary } from './error-boundary'
import { Layout } from './layout'
import { AppProviders } from './providers'
import { AppRoutes } from './routes'

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <AppProviders queryClient={queryClient}>
      <Layout>
        <ErrorBoundary>
          <AppRoutes />
        </ErrorBoundary>
      </Layout>
    </AppProviders>
  )
}
