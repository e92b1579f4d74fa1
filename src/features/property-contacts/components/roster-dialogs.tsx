import { Suspense, useEffect, useState } from 'react'
import type { PropertyContact } from '../../../api'
import { dialogCode, writesCode } from './roster-dialog-code'
import { useOpenRosterDialog } from './roster-dialogs-provider'
import type { RosterFocus } from './use-roster-focus'

// The roster's writes (mutations, what each outcome says, the dialogs) are code the
// read-only roster does not need to show or to be read: they load after the page is
// up (on idle), or at once when the user points at or opens a dialog, and stay.
const RosterWrites = writesCode.Component

/** Starts loading the writes' code and the link dialog's, for a control about to need it. */
export function preloadLinkDialog() {
  for (const code of [writesCode, dialogCode.link]) code.preload().catch(() => undefined)
}

/** Loads the writes' code once the page has settled, so the first dialog opens at once. */
export function usePreloadRosterWrites() {
  useEffect(() => {
    // The link dialog (with the contact search) waits until its button is pointed at.
    const load = () => {
      for (const code of [writesCode, dialogCode.edit, dialogCode.unlink]) {
        code.preload().catch(() => undefined)
      }
    }
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(load, { timeout: 3000 })
      return () => {
        cancelIdleCallback(id)
      }
    }
    const timer = setTimeout(load, 1000)
    return () => {
      clearTimeout(timer)
    }
  }, [])
}

interface RosterDialogsProps {
  propertyId: number
  roster: readonly PropertyContact[]
  focus: RosterFocus
}

/**
 * Where the roster's dialogs open: mounted with the first one, and kept from then on. A
 * dialog is asked for once its code is in (RosterDialogsProvider), so this renders it
 * in the first pass, without the fallback.
 */
export function RosterDialogs(props: RosterDialogsProps) {
  const dialog = useOpenRosterDialog()
  const [needed, setNeeded] = useState(false)
  if (dialog !== null && !needed) setNeeded(true)
  return <Suspense fallback={null}>{needed && <RosterWrites {...props} />}</Suspense>
}
