import { createContext, use } from 'react'
import { DEFAULT_CHECKLIST, type ChecklistConfig } from './checklist-config'

/**
 * The checklist the page came with (src/app/start.tsx reads it, the server renders with
 * its own); the defaults where nobody provides one (tests, pages without a server).
 */
export const ChecklistContext = createContext<ChecklistConfig>(DEFAULT_CHECKLIST)

export function useChecklistConfig(): ChecklistConfig {
  return use(ChecklistContext)
}
