import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Layout } from '../src/app/layout'
import { AppProviders } from '../src/app/providers'
import { createQueryClient } from '../src/app/query-client'
import { AppRoutes, PageCodeRouter } from '../src/app/routes'
import { DEFAULT_CHECKLIST, type ChecklistConfig } from '../src/features/checklist/checklist-config'
import { ChecklistContext } from '../src/features/checklist/checklist-context'

/**
 * Renders the whole app at `url` with its real providers and layout. Reads are
 * not retried here, so a failure shows at once instead of after the backoff;
 * pass `retry: true` to keep the app's retry policy. `checklist`: the team's roster
 * checklist, as the server would send it with the page (the defaults otherwise).
 */
export function renderApp(
  url: string,
  {
    retry = false,
    checklist = DEFAULT_CHECKLIST,
  }: { retry?: boolean; checklist?: ChecklistConfig } = {},
) {
  window.history.replaceState(null, '', url)
  const queryClient = createQueryClient()
  if (!retry) {
    const defaults = queryClient.getDefaultOptions()
    queryClient.setDefaultOptions({ ...defaults, queries: { ...defaults.queries, retry: false } })
  }
  const user = userEvent.setup()
  const view = render(
    <AppProviders queryClient={queryClient}>
      <PageCodeRouter>
        <ChecklistContext value={checklist}>
          <Layout>
            <AppRoutes />
          </Layout>
        </ChecklistContext>
      </PageCodeRouter>
    </AppProviders>,
  )
  return { ...view, user, queryClient }
}
