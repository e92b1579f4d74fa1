import { hashKey, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import type { PropertyContact } from '../../../api'
import { propertyContactQueries } from './property-contact-queries'

export interface RosterUpdate {
  /** "Nancy Thompson is now primary Buyer; …" */
  text: string
  /** When this tab noticed it (ms since the epoch). */
  at: number
}

/**
 * Changes that reached this roster from elsewhere — a colleague (found by the periodic
 * check or on focus) or another tab — described, so they are pointed out rather than
 * swapped in silently. A reading that comes while this tab's own write for the property
 * is on its way is its own change, and only becomes the new baseline.
 */
export function useRosterUpdates(propertyId: number) {
  const queryClient = useQueryClient()
  const [update, setUpdate] = useState<RosterUpdate | null>(null)

  useEffect(() => {
    const { queryKey } = propertyContactQueries.roster(propertyId)
    const hash = hashKey(queryKey)
    let baseline = queryClient.getQueryData<PropertyContact[]>(queryKey)
    const ownWriteInFlight = () =>
      queryClient.isMutating({
        predicate: (mutation) => mutation.meta?.changesRosterOf === propertyId,
      }) > 0
    let stopped = false
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.query.queryHash !== hash) return
      const data = event.query.state.data as PropertyContact[] | undefined
      if (event.action.type !== 'success' || data === undefined) return
      const before = baseline
      baseline = data
      // Our own optimistic changes and rollbacks (setQueryData) are not news, and neither
      // is the reading that confirms our own write.
      if (event.action.manual === true || before === undefined || ownWriteInFlight()) return
      const at = Date.now()
      // The words are code the first load does not need: loaded with the first change.
      import('../write-conflicts')
        .then(({ describeRosterUpdates }) => {
          const text = describeRosterUpdates(before, data)
          if (text && !stopped) setUpdate({ text, at })
        })
        .catch(() => undefined)
    })
    return () => {
      stopped = true
      unsubscribe()
    }
  }, [queryClient, propertyId])

  return {
    update,
    dismiss: () => {
      setUpdate(null)
    },
  }
}
