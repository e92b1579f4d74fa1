import {
  ConflictError,
  MethodNotAllowedError,
  NotFoundError,
  PreconditionFailedError,
  RateLimitError,
  WrongLinkError,
  writeOutcomeUnknown,
  type Contact,
  type PropertyContact,
  type PropertyContactCreate,
  type PropertyContactUpdate,
} from '../../../api'
import { useAnnounce, useFocusStatusAction } from '../../../components/ui/status-region'
import { connection, notSentMessage } from '../../../lib/connection'
import { errorMessage, unconfirmedWriteMessage } from '../../../lib/error-message'
import { fullName } from '../../../lib/format'
import { useMarkRefused, useRefusedOperations } from '../../../lib/server-capabilities'
import {
  useLinkContact,
  useRefreshedRoster,
  useUnlinkContact,
  useUpdateLink,
} from '../api/property-contact-mutations'
import { applyLinkUpdate } from '../roster-rules'
import type { RosterFocus } from './use-roster-focus'

/** How a link request ended, for the link dialog (which stays open unless linked). */
export type LinkOutcome =
  | { kind: 'linked' }
  /** No answer, and the refreshed roster does not show the contact (or could not be read). */
  | { kind: 'unconfirmed'; rosterRefreshed: boolean }
  /**
   * The server said no: the dialog shows its reasons on the fields. `existing`: on a
   * 409, the contact's entry as the roster read after it shows it (null if it could not).
   */
  | { kind: 'refused'; error: unknown; existing?: PropertyContact | null }
  /** Not sent: no connection. */
  | { kind: 'not-sent'; message: string }

/**
 * Linking as primary demotes `current`, the primary the user saw in the dialog;
 * `remove`: the user chose to take them off the deal too (one action, one Undo).
 */
export interface Replacing {
  current: PropertyContact
  remove: boolean
}

/**
 * How an edit or an unlink ended, for its dialog, which stays open (with what the user
 * entered) unless the write is done or there is nothing left to write to.
 */
export type WriteOutcome =
  | { kind: 'done' }
  /** Changed by someone else since the user started: nothing was written. */
  | { kind: 'changed'; current: PropertyContact }
  /**
   * Nothing left for the dialog to do, and already said in the status message: the
   * link was removed meanwhile, or the server refuses the operation itself (405).
   */
  | { kind: 'closed' }
  /** Refused, or unconfirmed: `message` for the dialog; `error` for its fields. */
  | { kind: 'failed'; message: string; error: unknown }
  /** Not sent: no connection. */
  | { kind: 'not-sent'; message: string }

function describe(link: Pick<PropertyContact, 'contact' | 'role'>): string {
  return link.role ? `${fullName(link.contact)} (${link.role})` : fullName(link.contact)
}

function notSent(): { kind: 'not-sent'; message: string } | null {
  const state = connection.current()
  return state === 'online' ? null : { kind: 'not-sent', message: notSentMessage(state) }
}

/** Whether `entry` holds every value `patch` asks for (an unconfirmed write that landed). */
function holds(entry: PropertyContact, base: PropertyContact, patch: PropertyContactUpdate) {
  const wanted = applyLinkUpdate([base], base.contact_id, patch)[0]
  if (!wanted) return false
  return (
    entry.role === wanted.role &&
    entry.primary === wanted.primary &&
    entry.start_date === wanted.start_date &&
    entry.notes === wanted.notes
  )
}

/**
 * The roster's writes: each goes through its mutation hook (which owns the cache
 * work and the version check), and this says how it went — in the dialog that asked,
 * or in the status message (Undo) once it is done — keeps focus in the roster, and
 * stops offering what the server refused with 405. A write whose outcome is unknown
 * is checked against the refreshed roster before anything is said, and never resent
 * blind; a write refused because the link changed meanwhile hands the dialog the link
 * as it is now, so the user decides.
 */
/** How an Undo's writes are labelled for the change history. */
const UNDO = { reason: 'undo' } as const

export function useRosterActions(propertyId: number, focus: RosterFocus) {
  const announce = useAnnounce()
  const focusStatusAction = useFocusStatusAction()
  const link = useLinkContact(propertyId)
  // Undo is its own request: it does not make the link dialog look busy. Its writes
  // are labelled as an Undo in Roster's change history.
  const relink = useLinkContact(propertyId, UNDO)
  const undoUpdate = useUpdateLink(propertyId, UNDO)
  const undoRemove = useUnlinkContact(propertyId, UNDO)
  const update = useUpdateLink(propertyId)
  const unlink = useUnlinkContact(propertyId)
  const refreshedRoster = useRefreshedRoster(propertyId)
  const refused = useRefusedOperations()
  const markRefused = useMarkRefused()
  const onRosterNow = (contactId: number) =>
    refreshedRoster()?.find((entry) => entry.contact_id === contactId)

  /** A 412 or a 404: what the dialog shows next, from what the server has now. */
  const meanwhile = (
    error: PreconditionFailedError | NotFoundError,
    base: PropertyContact,
  ): WriteOutcome => {
    const current =
      error instanceof PreconditionFailedError
        ? (error.current ?? onRosterNow(base.contact_id))
        : undefined
    if (current) return { kind: 'changed', current }
    announce({
      text: `${fullName(base.contact)} was removed from this deal meanwhile, so nothing was changed. The roster is refreshed.`,
      tone: 'info',
    })
    return { kind: 'closed' }
  }

  const wrongLink = (error: WrongLinkError, what: string): WriteOutcome => ({
    kind: 'failed',
    error,
    message: `Nothing was changed: the server answered for another link than ${what}'s, so Roster did not write to it. ${error.message}`,
  })

  /** Whether `now` is still the entry the user saw, but for the primary flag the link took. */
  const sameButPrimary = (now: PropertyContact, seen: PropertyContact) =>
    now.role === seen.role && now.start_date === seen.start_date && now.notes === seen.notes

  /**
   * After linking someone as primary over `replacing.current`: says what happened to
   * them (demoted, or removed if the user chose so and nobody changed them meanwhile),
   * with one Undo for both.
   */
  const afterReplacing = async (contactId: number, name: string, replacing: Replacing) => {
    const seen = replacing.current
    const them = fullName(seen.contact)
    const linked = `Linked ${name} as primary ${seen.role ?? ''}`.trimEnd()
    const say = (text: string, removed: boolean, tone: 'success' | 'info' = 'success') => {
      announce({
        text,
        tone,
        action: {
          label: 'Undo',
          onAction: () => {
            undoReplacing(contactId, name, seen, removed)
          },
        },
      })
    }
    // The link was read back with the roster: it shows them as the server has them now.
    const now = onRosterNow(seen.contact_id)
    if (!replacing.remove) {
      say(`${linked}; ${them} is no longer primary.`, false)
      return
    }
    if (!now) {
      say(`${linked}; ${them} was removed from this deal meanwhile.`, false, 'info')
      return
    }
    const changed = `${linked}. ${them} was not removed: their entry was changed meanwhile, and they are no longer primary.`
    if (!sameButPrimary(now, seen)) {
      say(changed, false, 'info')
      return
    }
    try {
      // With the version check: a change made meanwhile is never removed unseen.
      await unlink.mutateAsync(now)
      say(`${linked}; ${them} was removed from this deal.`, true)
    } catch (error) {
      if (error instanceof PreconditionFailedError) {
        say(changed, false, 'info')
      } else if (error instanceof NotFoundError) {
        say(`${linked}; ${them} was removed from this deal meanwhile.`, false, 'info')
      } else {
        say(
          `${linked}, but ${them} could not be removed: ${errorMessage(error)} They are no longer primary.`,
          false,
          'info',
        )
      }
    }
  }

  /** Undo of a replacement: the new link goes, and the one it replaced is as it was. */
  const undoReplacing = (
    contactId: number,
    name: string,
    seen: PropertyContact,
    removed: boolean,
  ) => {
    focus.focusHeading()
    const them = fullName(seen.contact)
    const offline = notSent()
    if (offline) {
      announce({ text: `Could not undo. ${offline.message}`, tone: 'error' })
      return
    }
    /** Whether they are back as they were. */
    const run = async (): Promise<boolean> => {
      const added = onRosterNow(contactId)
      if (added) await undoRemove.mutateAsync(added)
      const now = onRosterNow(seen.contact_id)
      if (removed) {
        if (now) return false
        await relink.mutateAsync({
          contact_id: seen.contact_id,
          role: seen.role,
          primary: seen.primary,
          start_date: seen.start_date,
          notes: seen.notes,
        })
        return true
      }
      if (!now) return false
      if (!now.primary) await undoUpdate.mutateAsync({ base: now, patch: { primary: true } })
      return true
    }
    run()
      .then((restored) => {
        announce({
          text: restored
            ? `Undone: ${name} is no longer on this deal, and ${them} is the primary ${seen.role ?? ''} again.`
            : `Undone: ${name} is no longer on this deal.`,
          tone: 'success',
        })
      })
      .catch((error: unknown) => {
        const meanwhile =
          error instanceof PreconditionFailedError ||
          error instanceof NotFoundError ||
          error instanceof ConflictError
        announce({
          text: meanwhile
            ? `Could not undo everything: the roster was changed meanwhile. The roster is refreshed; check ${name} and ${them}.`
            : `Could not undo everything. ${errorMessage(error)} Check ${name} and ${them} on the roster.`,
          tone: 'error',
        })
      })
  }

  const linkContact = async (
    payload: PropertyContactCreate,
    chosen: Contact | null,
    replacing?: Replacing | null,
  ): Promise<LinkOutcome> => {
    const offline = notSent()
    if (offline) return offline
    const contactId = Number(payload.contact_id)
    try {
      const created = await link.mutateAsync(payload)
      // Acknowledged without the link: the roster was read again and has it.
      const linked =
        created ??
        onRosterNow(contactId) ??
        (chosen && { contact: chosen, role: payload.role ?? null })
      if (linked && replacing && payload.primary) {
        await afterReplacing(contactId, fullName(linked.contact), replacing)
      } else if (linked) {
        announce({ text: `Linked ${describe(linked)}.`, tone: 'success' })
      }
      return { kind: 'linked' }
    } catch (error) {
      if (error instanceof ConflictError) {
        // Linked meanwhile: the roster was read again before we got here (the hook
        // settles it first), so it names who holds the link and how.
        return { kind: 'refused', error, existing: onRosterNow(contactId) ?? null }
      }
      if (!writeOutcomeUnknown(error)) return { kind: 'refused', error }
      // The POST may have landed. The roster was read again before we got here: if
      // it shows the contact, say so; if not, the form stays, with what was typed,
      // for linking again against the fresh roster — never a blind resend.
      const existing = onRosterNow(contactId)
      if (!existing) return { kind: 'unconfirmed', rosterRefreshed: refreshedRoster() !== null }
      announce({
        text: `Linked ${describe(existing)}: the server did not confirm it, but the refreshed roster shows them.`,
        tone: 'success',
      })
      return { kind: 'linked' }
    }
  }

  const undoUnlink = (gone: PropertyContact) => {
    // The Undo (or Try again) button goes with its message: keep focus in the roster.
    focus.focusHeading()
    const offline = notSent()
    if (offline) {
      announce({
        text: `Could not link ${describe(gone)} again. ${offline.message}`,
        tone: 'error',
        action: { label: 'Try again', onAction: () => undoUnlink(gone) },
      })
      return
    }
    relink
      .mutateAsync({
        contact_id: gone.contact_id,
        role: gone.role,
        primary: gone.primary,
        start_date: gone.start_date,
        notes: gone.notes,
      })
      .then(() => {
        announce({ text: `Linked ${describe(gone)} again.`, tone: 'success' })
      })
      .catch((error: unknown) => {
        if (error instanceof ConflictError) {
          // Someone linked them meanwhile: theirs stands, and the roster shows it.
          const now = onRosterNow(gone.contact_id)
          announce({
            text: `${fullName(gone.contact)} was linked again meanwhile${now?.role ? ` as ${now.role}` : ''}, so Undo changed nothing.`,
            tone: 'info',
          })
          return
        }
        if (!writeOutcomeUnknown(error)) {
          // Only a "wait and retry" can go differently the next time: a refusal would
          // be refused again, so it is said, with no Try again.
          announce({
            text: `Could not link ${describe(gone)} again. ${errorMessage(error)}`,
            tone: 'error',
            ...(error instanceof RateLimitError && {
              action: { label: 'Try again', onAction: () => undoUnlink(gone) },
            }),
          })
          return
        }
        // The POST may have landed: the roster was read again; never offer to resend
        // it blind (on a server without the 409 rule that links them twice).
        const now = onRosterNow(gone.contact_id)
        announce(
          now
            ? {
                text: `Linked ${describe(now)} again: the server did not confirm it, but the refreshed roster shows them.`,
                tone: 'success',
              }
            : {
                text: unconfirmedWriteMessage(
                  `linking ${describe(gone)} again`,
                  refreshedRoster() !== null,
                ),
                tone: 'error',
              },
        )
      })
  }

  const unlinkContact = async (target: PropertyContact): Promise<WriteOutcome> => {
    const offline = notSent()
    if (offline) return offline
    // The entry (and the button that opened the dialog) is about to go: focus goes
    // to Undo, or stays in the roster, rather than being lost to the page.
    const settled = focus.followEntry(target.contact_id, focusStatusAction)
    const unlinked = (text: string): WriteOutcome => {
      announce({
        text,
        tone: 'success',
        action: { label: 'Undo', onAction: () => undoUnlink(target) },
      })
      return { kind: 'done' }
    }
    try {
      await unlink.mutateAsync(target)
      return unlinked(`Unlinked ${describe(target)}.`)
    } catch (error) {
      if (error instanceof PreconditionFailedError || error instanceof NotFoundError) {
        return meanwhile(error, target)
      }
      if (error instanceof WrongLinkError) return wrongLink(error, fullName(target.contact))
      if (error instanceof MethodNotAllowedError) {
        // Unlink is no longer offered; the dialog has nothing left to offer either.
        markRefused('delete')
        announce({
          text: `Could not unlink ${describe(target)}. ${errorMessage(error)}`,
          tone: 'error',
        })
        return { kind: 'closed' }
      }
      if (!writeOutcomeUnknown(error)) {
        return {
          kind: 'failed',
          error,
          message: `Could not unlink ${describe(target)}. ${errorMessage(error)}`,
        }
      }
      // The roster was read again: it tells whether the unlink happened.
      const fresh = refreshedRoster()
      if (fresh && !fresh.some((entry) => entry.contact_id === target.contact_id)) {
        return unlinked(
          `Unlinked ${describe(target)}: the server did not confirm it, but the refreshed roster no longer shows them.`,
        )
      }
      return {
        kind: 'failed',
        error,
        message: unconfirmedWriteMessage(`unlinking ${describe(target)}`, fresh !== null),
      }
    } finally {
      settled()
    }
  }

  /** Saves `patch` over `base`, the version of the link the user started from. */
  const saveEdit = async (
    base: PropertyContact,
    patch: PropertyContactUpdate,
  ): Promise<WriteOutcome> => {
    const offline = notSent()
    if (offline) return offline
    // A new role moves the entry to another group, and the Edit button the dialog
    // gives focus back to goes with it: focus follows the entry.
    const settled = focus.followEntry(base.contact_id)
    const name = fullName(base.contact)
    try {
      await update.mutateAsync({ base, patch })
      announce({ text: `Saved changes to ${name}.`, tone: 'success' })
      return { kind: 'done' }
    } catch (error) {
      if (error instanceof PreconditionFailedError || error instanceof NotFoundError) {
        return meanwhile(error, base)
      }
      if (error instanceof WrongLinkError) return wrongLink(error, name)
      if (writeOutcomeUnknown(error)) {
        // The roster was read again: if it holds what was asked, the PUT landed.
        const fresh = refreshedRoster()
        const now = fresh?.find((entry) => entry.contact_id === base.contact_id)
        if (now && holds(now, base, patch)) {
          announce({
            text: `Saved changes to ${name}: the server did not confirm it, but the refreshed roster shows them.`,
            tone: 'success',
          })
          return { kind: 'done' }
        }
        return {
          kind: 'failed',
          error,
          message: unconfirmedWriteMessage(`the changes to ${name}`, fresh !== null),
        }
      }
      if (error instanceof MethodNotAllowedError) {
        // Saving again would only fail the same way: Edit is no longer offered.
        markRefused('update')
        announce({
          text: `Could not save changes to ${name}. ${errorMessage(error)} Your changes were not applied.`,
          tone: 'error',
        })
        return { kind: 'closed' }
      }
      return {
        kind: 'failed',
        error,
        message: `Could not save changes to ${name}. ${errorMessage(error)} Your changes were not applied.`,
      }
    } finally {
      settled()
    }
  }

  return {
    /** Operations this server refused with 405: no longer offered. */
    refused,
    linkContact,
    /** True while a link request from the dialog is on its way. */
    linking: link.isPending,
    saveEdit,
    unlinkContact,
    /** For the dialogs hub, once a dialog has closed: focus stays in the roster. */
    recheckFocus: focus.recheck,
  }
}

export type RosterActions = ReturnType<typeof useRosterActions>
