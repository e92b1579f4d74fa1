import { QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { StatusProvider } from '../components/ui/status-region'
import { ErrorBoundary } from './error-boundary'
import { Layout } from './layout'
import { createQueryClient } from './query-client'
import { AppRoutes } from './routes'

export function App() {
  const [queryClient] = useState(createQueryClient)
  return (
    <QueryClientProvider client={queryClient}>
      <StatusProvider>
        <Layout>
          <ErrorBoundary>
            <AppRoutes />
          </ErrorBoundary>
        </Layout>
      </StatusProvider>
    </QueryClientProvider>
  )
}
