import { Suspense, useId, useState } from 'react'
import type { PropertyContact } from '../../../api'
import { useAnnounce } from '../../../components/ui/status-region'
import { preloadableLazy } from '../../../lib/preloadable-lazy'
import { useOpenWhenLoaded } from '../../../lib/use-open-when-loaded'
import type { ExportedProperty } from '../reach-actions'

// The writers and the email panel load on first use (or when their buttons are pointed
// at or focused): the first load only has the buttons. The panel shows once its code is in.
const loadActions = () => import('../reach-actions')
const emailCode = preloadableLazy(() => import('./email-panel').then((m) => m.EmailPanel))
const EmailPanel = emailCode.Component

type Actions = Awaited<ReturnType<typeof loadActions>>

interface ReachToolbarProps {
  /** The contacts shown (all of them when the roster is not filtered), in roster order. */
  links: readonly PropertyContact[]
  filtered: boolean
  property: ExportedProperty
  onPrint: () => void
  onPreparePrint: () => void
}

/** Run one action, and announce what it did or why it could not. */
export function useReachAction() {
  const announce = useAnnounce()
  return (work: (actions: Actions) => Promise<string> | string) => {
    loadActions()
      .then(work)
      .then(
        (text) => {
          announce({ text, tone: 'success' })
        },
        (error: unknown) => {
          announce({
            text: error instanceof Error ? error.message : 'That did not work. Try again.',
            tone: 'error',
          })
        },
      )
  }
}

/** Email, copy, export and print the contacts shown: "Reach everyone" on the deal. */
export function ReachToolbar({
  links,
  filtered,
  property,
  onPrint,
  onPreparePrint,
}: ReachToolbarProps) {
  const run = useReachAction()
  const [emailOpen, setEmailOpen] = useState(false)
  const emailOpener = useOpenWhenLoaded('the email panel')
  const panelId = useId()
  const count = links.length
  // Pointing at or tabbing to an action starts loading its code.
  const preload = {
    onPointerEnter: () => {
      loadActions().catch(() => undefined)
    },
    onFocus: () => {
      loadActions().catch(() => undefined)
    },
  }
  return (
    <div className="reach">
      <div
        className="reach-toolbar"
        role="group"
        aria-label={filtered ? `Reach the ${count} contacts shown` : 'Reach everyone on the deal'}
      >
        <button
          type="button"
          className="button button-small"
          onPointerEnter={() => {
            preload.onPointerEnter()
            emailCode.preload().catch(() => undefined)
          }}
          onFocus={() => {
            preload.onFocus()
            emailCode.preload().catch(() => undefined)
          }}
          aria-expanded={emailOpen}
          aria-controls={emailOpen ? panelId : undefined}
          onClick={() => {
            if (emailOpen) {
              emailOpener.cancel()
              setEmailOpen(false)
            } else {
              emailOpener.open(
                [emailCode],
                () => {
                  setEmailOpen(true)
                },
                { waitAtMostMs: 250 },
              )
            }
          }}
        >
          {filtered ? `Email the ${count} shown` : 'Email everyone'}
        </button>
        <button
          type="button"
          className="button button-small"
          {...preload}
          onClick={() => {
            run((actions) => actions.copyEmails(links, 'lines'))
          }}
        >
          Copy emails
        </button>
        <button
          type="button"
          className="button button-small"
          {...preload}
          onClick={() => {
            run((actions) => actions.exportCsv(links, property))
          }}
        >
          Export CSV
        </button>
        <button
          type="button"
          className="button button-small"
          {...preload}
          onClick={() => {
            run((actions) => actions.exportVcards(links, property))
          }}
        >
          Export vCard
        </button>
        <button
          type="button"
          className="button button-small"
          onPointerEnter={onPreparePrint}
          onFocus={onPreparePrint}
          onClick={onPrint}
        >
          Print contact sheet
        </button>
      </div>
      {emailOpen && (
        <Suspense fallback={<p className="field-hint">Loading…</p>}>
          <EmailPanel
            id={panelId}
            links={links}
            onCopy={() => {
              run((actions) => actions.copyEmails(links, 'comma'))
            }}
          />
        </Suspense>
      )}
    </div>
  )
}
