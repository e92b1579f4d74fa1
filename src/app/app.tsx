import type { QueryClient } from '@tanstack/react-query'
import { DEFAULT_CHECKLIST, type ChecklistConfig } from '../features/checklist/checklist-config'
import { ChecklistContext } from '../features/checklist/checklist-context'
import { ErrorBoundary } from './error-boundary'
import { Layout } from './layout'
import { AppProviders } from './providers'
import { AppRoutes, PageCodeRouter } from './routes'
import { SignedInAs } from './signed-in-as'

export function App({
  queryClient,
  checklist = DEFAULT_CHECKLIST,
}: {
  queryClient: QueryClient
  /** The team's roster checklist, as the server sent it with the page. */
  checklist?: ChecklistConfig
}) {
  return (
    <AppProviders queryClient={queryClient}>
      <PageCodeRouter>
        <ChecklistContext value={checklist}>
          <Layout account={<SignedInAs />}>
            <ErrorBoundary>
              <AppRoutes />
            </ErrorBoundary>
          </Layout>
        </ChecklistContext>
      </PageCodeRouter>
    </AppProviders>
  )
}
