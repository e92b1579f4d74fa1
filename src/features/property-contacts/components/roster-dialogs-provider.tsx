import { createContext, use, useMemo, useState, type ReactNode } from 'react'
import type { PropertyContact } from '../../../api'
import { useClearStaleError } from '../../../components/ui/status-region'
import type { EditLinkValues } from '../link-form-schema'

/** Which of the roster's dialogs is open, and for which link. */
export type RosterDialog =
  | { kind: 'link'; initial?: LinkDialogInitial | undefined }
  | { kind: 'edit'; link: PropertyContact; draft?: EditLinkValues | undefined }
  | { kind: 'unlink'; link: PropertyContact }
  | { kind: 'contact'; link: PropertyContact }

/** What the link dialog starts with, for a fix such as "Link a Lender". */
export interface LinkDialogInitial {
  role: string
  primary?: boolean
}

export interface RosterDialogOpeners {
  openLink: () => void
  /** The link dialog with `initial.role` (and primary, if asked) already chosen. */
  openLinkFor: (initial: LinkDialogInitial) => void
  /** `draft`: values from an earlier attempt the server refused, so nothing typed is lost. */
  openEdit: (link: PropertyContact, draft?: EditLinkValues) => void
  openUnlink: (link: PropertyContact) => void
  /** The contact's own details (name, email, phone, company), not the link's. */
  openEditContact: (link: PropertyContact) => void
  close: () => void
}

// Two contexts: the openers never change, so the entries that use them are not
// rendered again when a dialog opens; only the dialogs hub reads which one is open.
const OpenersContext = createContext<RosterDialogOpeners | null>(null)

/**
 * A User Timing mark when a dialog is asked for ("roster:open-edit"): when the page
 * acted on a tap, for the bench's "no lost taps" figures (e2e/bench/taps.ts) and for any
 * real-user monitoring; nothing reads it in the app.
 */
function markOpen(kind: RosterDialog['kind']) {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') {
    performance.mark(`roster:open-${kind}`)
  }
}
const OpenDialogContext = createContext<RosterDialog | null>(null)

export function RosterDialogsProvider({ children }: { children: ReactNode }) {
  const [dialog, setDialog] = useState<RosterDialog | null>(null)
  // A dialog shows its own errors: an old one in the status message goes as it opens.
  const clearStaleError = useClearStaleError()
  const openers = useMemo<RosterDialogOpeners>(
    () => ({
      openLink: () => {
        clearStaleError()
        markOpen('link')
        setDialog({ kind: 'link' })
      },
      openLinkFor: (initial) => {
        clearStaleError()
        markOpen('link')
        setDialog({ kind: 'link', initial })
      },
      openEdit: (link, draft) => {
        clearStaleError()
        markOpen('edit')
        setDialog({ kind: 'edit', link, draft })
      },
      openUnlink: (link) => {
        clearStaleError()
        markOpen('unlink')
        setDialog({ kind: 'unlink', link })
      },
      openEditContact: (link) => {
        clearStaleError()
        markOpen('contact')
        setDialog({ kind: 'contact', link })
      },
      close: () => {
        setDialog(null)
      },
    }),
    [clearStaleError],
  )
  return (
    <OpenersContext value={openers}>
      <OpenDialogContext value={dialog}>{children}</OpenDialogContext>
    </OpenersContext>
  )
}

/** Opens and closes the roster's dialogs ("open edit for this link"). */
export function useRosterDialogs(): RosterDialogOpeners {
  const openers = use(OpenersContext)
  if (!openers) throw new Error('useRosterDialogs must be used inside <RosterDialogsProvider>')
  return openers
}

/** The dialog that is open, if any: for the dialogs hub. */
export function useOpenRosterDialog(): RosterDialog | null {
  return use(OpenDialogContext)
}
