import { useState } from 'react'
import { ErrorBoundary } from './error-boundary'
import { Layout } from './layout'
import { AppProviders } from './providers'
import { createQueryClient } from './query-client'
import { AppRoutes } from './routes'

export function App() {
  const [queryClient] = useState(createQueryClient)
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
