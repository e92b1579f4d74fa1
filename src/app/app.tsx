import { QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { AppRoutes } from './routes'
import { ErrorBoundary } from './error-boundary'
import { Layout } from './layout'
import { createQueryClient } from './query-client'

export function App() {
  const [queryClient] = useState(createQueryClient)
  return (
    <QueryClientProvider client={queryClient}>
      <Layout>
        <ErrorBoundary>
          <AppRoutes />
        </ErrorBoundary>
      </Layout>
    </QueryClientProvider>
  )
}
