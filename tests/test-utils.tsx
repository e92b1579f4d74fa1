import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Layout } from '../src/app/layout'
import { AppProviders } from '../src/app/providers'
import { createQueryClient } from '../src/app/query-client'
import { AppRoutes } from '../src/app/routes'

/**
 * Renders the whole app at `url` with its real providers and layout. Reads are
 * not retried here, so a failure shows at once instead of after the backoff;
 * pass `retry: true` to keep the app's retry policy.
 */
export function renderApp(url: string, { retry = false }: { retry?: boolean } = {}) {
  window.history.replaceState(null, '', url)
  const queryClient = createQueryClient()
  if (!retry) {
    const defaults = queryClient.getDefaultOptions()
    queryClient.setDefaultOptions({ ...defaults, queries: { ...defaults.queries, retry: false } })
  }
  const user = userEvent.setup()
  const view = render(
    <AppProviders queryClient={queryClient}>
      <Layout>
        <AppRoutes />
      </Layout>
    </AppProviders>,
  )
  return { ...view, user, queryClient }
}
