import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { StatusProvider } from '../components/ui/status-region'
import { ServerCapabilitiesProvider } from '../lib/server-capabilities'

export function AppProviders({
  queryClient,
  children,
}: {
  queryClient: QueryClient
  children: ReactNode
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <ServerCapabilitiesProvider>
        <StatusProvider>{children}</StatusProvider>
      </ServerCapabilitiesProvider>
    </QueryClientProvider>
  )
}
