import { QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactElement } from 'react'
import { createQueryClient } from '../src/app/query-client'
import { AppRoutes } from '../src/app/routes'
import { StatusProvider } from '../src/components/ui/status-region'

/**
 * Renders the app's routes at `url` with the real providers. Reads are not
 * retried here, so a failure shows at once instead of after the backoff.
 */
export function renderApp(url: string) {
  window.history.replaceState(null, '', url)
  const queryClient = createQueryClient()
  queryClient.setDefaultOptions({
    ...queryClient.getDefaultOptions(),
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  })
  const user = userEvent.setup()
  const view = render(wrap(<AppRoutes />, queryClient))
  return { ...view, user, queryClient }
}

function wrap(ui: ReactElement, queryClient: ReturnType<typeof createQueryClient>) {
  return (
    <QueryClientProvider client={queryClient}>
      <StatusProvider>{ui}</StatusProvider>
    </QueryClientProvider>
  )
}
