import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useEffect, type ReactNode } from 'react'
import { StatusProvider } from '../components/ui/status-region'
import { propertyContactQueries } from '../features/property-contacts/api/property-contact-queries'
import { listenForRosterChanges } from '../lib/roster-broadcast'
import { ServerCapabilitiesProvider } from '../lib/server-capabilities'

export function AppProviders({
  queryClient,
  children,
}: {
  queryClient: QueryClient
  children: ReactNode
}) {
  // Another tab's write: read that property's roster again here.
  useEffect(() => listenForRosterChanges(queryClient, propertyContactQueries.all), [queryClient])
  return (
    <QueryClientProvider client={queryClient}>
      <ServerCapabilitiesProvider>
        <StatusProvider>{children}</StatusProvider>
      </ServerCapabilitiesProvider>
    </QueryClientProvider>
  )
}
