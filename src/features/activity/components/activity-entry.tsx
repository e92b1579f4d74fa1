import { useId, useRef, useState } from 'react'
import { useAnnounce } from '../../../components/ui/status-region'
import type { ActivityEntry as Entry } from '../api/activity-schema'
import { revertFailure, revertPlan, revertSentence, useRevert } from '../api/use-revert'
import { describeEntry, entryTime } from '../describe-entry'

interface ActivityEntryProps {
  propertyId: number
  entry: Entry
}

/** One change: who did what, when; whether it was reverted; and a way to revert it. */
export function ActivityEntry({ propertyId, entry }: ActivityEntryProps) {
  const sentenceId = useId()
  const plan = revertPlan(entry)
  return (
    <li className="activity-entry" data-outcome={entry.outcome}>
      <p id={sentenceId}>
        {describeEntry(entry)} · <time dateTime={entry.at}>{entryTime(entry.at)}</time>
        {entry.revertedBy && (
          <span className="activity-reverted">
            {' '}
            · reverted by {entry.revertedBy.actorName} ·{' '}
            <time dateTime={entry.revertedBy.at}>{entryTime(entry.revertedBy.at)}</time>
          </span>
        )}
      </p>
      {plan?.kind === 'none' && <p className="activity-note">Cannot be reverted: {plan.why}</p>}
      {plan && plan.kind !== 'none' && (
        <RevertControl propertyId={propertyId} entry={entry} describedBy={sentenceId} />
      )}
    </li>
  )
}

function RevertControl({
  propertyId,
  entry,
  describedBy,
}: {
  propertyId: number
  entry: Entry
  describedBy: string
}) {
  const [confirming, setConfirming] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const revert = useRevert(propertyId)
  const announce = useAnnounce()
  const confirmRef = useRef<HTMLButtonElement>(null)
  const openRef = useRef<HTMLButtonElement>(null)
  const confirmId = useId()
  const plan = revertPlan(entry)
  if (plan === null || plan.kind === 'none') return null

  const run = () => {
    setProblem(null)
    revert.mutate(
      { entry, plan },
      {
        onSuccess: () => {
          setConfirming(false)
          announce({ text: `Reverted: ${describeEntry(entry)}.`, tone: 'success' })
        },
        onError: (error) => {
          setConfirming(false)
          setProblem(revertFailure(entry, plan, error))
          openRef.current?.focus()
        },
      },
    )
  }

  return (
    <div className="activity-revert">
      {confirming ? (
        <div role="group" aria-labelledby={confirmId} className="callout">
          <p id={confirmId}>{revertSentence(entry, plan)}</p>
          <button
            ref={confirmRef}
            type="button"
            className="button button-primary"
            disabled={revert.isPending}
            onClick={run}
          >
            {revert.isPending ? 'Reverting…' : 'Revert change'}
          </button>{' '}
          <button
            type="button"
            className="button"
            disabled={revert.isPending}
            onClick={() => {
              setConfirming(false)
              requestAnimationFrame(() => openRef.current?.focus())
            }}
          >
            Cancel
          </button>
        </div>
      ) : (
        <button
          ref={openRef}
          type="button"
          className="button"
          aria-describedby={describedBy}
          onClick={() => {
            setProblem(null)
            setConfirming(true)
            requestAnimationFrame(() => confirmRef.current?.focus())
          }}
        >
          Revert
        </button>
      )}
      {problem && (
        <p role="alert" className="callout callout-error">
          {problem}
        </p>
      )}
    </div>
  )
}
