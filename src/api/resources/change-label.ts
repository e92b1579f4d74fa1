// Why the browser sends a write, for Roster's change history (docs/contract.md, Part 2):
// a label on the request, `X-Roster-Change` (and `X-Roster-Reverts` with the entry a
// revert undoes). Roster's servers record it and trust it for nothing else; Open To
// Close never sees it (the live proxy sends only its own headers upstream).

export type ChangeReason = 'undo' | 'setup' | 'revert'

export interface ChangeLabel {
  reason: ChangeReason
  /** The history entry a revert restores the before-state of. */
  reverts?: number | undefined
}

export interface LabelledOptions {
  /** The change's label for Roster's history; none for an ordinary change. */
  change?: ChangeLabel | undefined
}

export function changeHeaders(change: ChangeLabel | undefined): Record<string, string> {
  if (change === undefined) return {}
  const headers: Record<string, string> = { 'X-Roster-Change': change.reason }
  if (change.reason === 'revert' && change.reverts !== undefined) {
    headers['X-Roster-Reverts'] = String(change.reverts)
  }
  return headers
}
