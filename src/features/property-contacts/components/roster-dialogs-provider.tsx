import { createContext, use, useMemo, useState, type ReactNode } from 'react'
import type { PropertyContact } from '../../../api'
import { useClearStaleError } from '../../../components/ui/status-region'
import { useOpenWhenLoaded } from '../../../lib/use-open-when-loaded'
import type { EditLinkValues } from '../link-form-schema'
import { dialogCode, writesCode } from './roster-dialog-code'

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
  // A dialog opens in the render that has its code (see useOpenWhenLoaded): a tap can
  // come while the code is still on its way (it is fetched as the page starts). The
  // last dialog asked for wins, a close meanwhile cancels it, and the mark keeps the
  // tap's time.
  const whenLoaded = useOpenWhenLoaded('the dialog')
  const openers = useMemo<RosterDialogOpeners>(() => {
    const open = (next: RosterDialog) => {
      clearStaleError()
      markOpen(next.kind)
      whenLoaded.open([writesCode, dialogCode[next.kind]], () => {
        setDialog(next)
      })
    }
    return {
      openLink: () => {
        open({ kind: 'link' })
      },
      openLinkFor: (initial) => {
        open({ kind: 'link', initial })
      },
      openEdit: (link, draft) => {
        open({ kind: 'edit', link, draft })
      },
      openUnlink: (link) => {
        open({ kind: 'unlink', link })
      },
      openEditContact: (link) => {
        open({ kind: 'contact', link })
      },
      close: () => {
        whenLoaded.cancel()
        setDialog(null)
      },
    }
  }, [clearStaleError, whenLoaded])
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
