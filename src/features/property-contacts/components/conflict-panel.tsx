import { useEffect, useRef } from 'react'
import type { PropertyContact } from '../../../api'
import { fullName } from '../../../lib/format'
import { conflictSentence } from '../write-conflicts'

interface ConflictPanelProps {
  /** The link as the user started from it. */
  base: PropertyContact
  /** The link as it is now, or null when it was removed from the deal meanwhile. */
  current: PropertyContact | null
  /** What the user's own action is called: "Save mine anyway", "Unlink anyway". */
  proceedLabel: string
  keepLabel: string
  onProceed: () => void
  onKeep: () => void
  /** "Your changes are kept below." — what happens to the user's input. */
  inputNote?: string
}

/**
 * Shown in a dialog when its link changed (or went) since the user opened it: what
 * changed, and the choice. Keeping theirs is the first button; writing over theirs is
 * a deliberate second one, and it is checked again against the version shown here.
 * It takes focus when it appears, so the choice is read out and made by keyboard.
 */
export function ConflictPanel({
  base,
  current,
  proceedLabel,
  keepLabel,
  onProceed,
  onKeep,
  inputNote,
}: ConflictPanelProps) {
  const ref = useRef<HTMLDivElement>(null)
  const version = current ? current.updated : null
  useEffect(() => {
    ref.current?.focus()
  }, [version])
  const name = fullName(base.contact)
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="conflict-heading"
      className="callout callout-warning conflict-panel"
    >
      <h3 id="conflict-heading" className="conflict-heading">
        {current ? 'Changed while you were editing' : 'Removed meanwhile'}
      </h3>
      {current ? (
        <p>{conflictSentence(base, current)}</p>
      ) : (
        <p>{name} was removed from this deal meanwhile, so there is nothing left to change.</p>
      )}
      {current && inputNote && <p>{inputNote}</p>}
      <div className="conflict-actions">
        <button type="button" className="button" onClick={onKeep}>
          {current ? keepLabel : 'Close'}
        </button>
        {current && (
          <button type="button" className="button button-primary" onClick={onProceed}>
            {proceedLabel}
          </button>
        )}
      </div>
    </div>
  )
}
