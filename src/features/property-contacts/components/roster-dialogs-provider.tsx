import { createContext, use, useMemo, useRef, useState, type ReactNode } from 'react'
import { flushSync } from 'react-dom'
import type { PropertyContact } from '../../../api'
import { useAnnounce, useClearStaleError } from '../../../components/ui/status-region'
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
  const announce = useAnnounce()
  // The dialog asked for while its code is still on its way (see `open`).
  const awaited = useRef<RosterDialog | null>(null)
  const openers = useMemo<RosterDialogOpeners>(() => {
    // A dialog opens in the render its update starts, once its code is in. A tap can
    // come sooner, while the code is still on its way (it is fetched as the page starts):
    // rendering the dialog then would commit its Suspense fallback, and React 19 holds
    // back the content that replaces a fallback until 300 ms after the fallback showed
    // (its Suspense throttle), however soon the code arrives. So the opener waits for the
    // code, then renders the dialog at once, in the task that has it; the last dialog
    // asked for wins, and a close meanwhile cancels it. The mark keeps the tap's time.
    const open = (next: RosterDialog) => {
      clearStaleError()
      markOpen(next.kind)
      const code = [writesCode, dialogCode[next.kind]]
      if (code.every((part) => part.isLoaded())) {
        awaited.current = null
        setDialog(next)
        return
      }
      awaited.current = next
      Promise.all(code.map((part) => part.preload())).then(
        () => {
          if (awaited.current !== next) return
          awaited.current = null
          flushSync(() => {
            setDialog(next)
          })
        },
        () => {
          if (awaited.current !== next) return
          awaited.current = null
          announce({
            text: 'The dialog could not be opened: its code did not load. Check the connection, then try again.',
            tone: 'error',
          })
        },
      )
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
        awaited.current = null
        setDialog(null)
      },
    }
  }, [clearStaleError, announce])
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
