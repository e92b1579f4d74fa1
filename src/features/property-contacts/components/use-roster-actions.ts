import {
  MethodNotAllowedError,
  writeOutcomeUnknown,
  type Contact,
  type PropertyContact,
  type PropertyContactCreate,
  type PropertyContactUpdate,
} from '../../../api'
import { useAnnounce } from '../../../components/ui/status-region'
import { errorMessage, unconfirmedWriteMessage } from '../../../lib/error-message'
import { fullName } from '../../../lib/format'
import { useMarkRefused, useRefusedOperations } from '../../../lib/server-capabilities'
import {
  useLinkContact,
  useRefreshedRoster,
  useUnlinkContact,
  useUpdateLink,
} from '../api/property-contact-mutations'
import type { EditLinkValues } from '../link-form-schema'
import { useRosterDialogs } from './roster-dialogs-provider'
import type { RosterFocus } from './use-roster-focus'

/** How a link request ended, for the link dialog (which stays open unless linked). */
export type LinkOutcome =
  | { kind: 'linked' }
  /** No answer, and the refreshed roster does not show the contact (or could not be read). */
  | { kind: 'unconfirmed'; rosterRefreshed: boolean }
  /** The server said no: the dialog shows its reasons on the fields. */
  | { kind: 'refused'; error: unknown }

function describe(link: Pick<PropertyContact, 'contact' | 'role'>): string {
  return link.role ? `${fullName(link.contact)} (${link.role})` : fullName(link.contact)
}

/**
 * The roster's writes: each goes through its mutation hook (which owns the cache
 * work), and this says how it went (the status message, Undo, Edit again), keeps
 * focus in the roster, and stops offering what the server refused with 405.
 * Every write whose outcome is unknown is checked against the refreshed roster
 * before anything is said, and is never resent blind.
 */
export function useRosterActions(propertyId: number, focus: RosterFocus) {
  const announce = useAnnounce()
  const { openEdit } = useRosterDialogs()
  const link = useLinkContact(propertyId)
  // Undo is its own request: it does not make the link dialog look busy.
  const relink = useLinkContact(propertyId)
  const update = useUpdateLink(propertyId)
  const unlink = useUnlinkContact(propertyId)
  const refreshedRoster = useRefreshedRoster(propertyId)
  const refused = useRefusedOperations()
  const markRefused = useMarkRefused()
  const onRosterNow = (contactId: number) =>
    refreshedRoster()?.find((entry) => entry.contact_id === contactId)

  const linkContact = async (
    payload: PropertyContactCreate,
    chosen: Contact | null,
  ): Promise<LinkOutcome> => {
    const contactId = Number(payload.contact_id)
    try {
      const created = await link.mutateAsync(payload)
      // Acknowledged without the link: the roster was read again and has it.
      const linked =
        created ??
        onRosterNow(contactId) ??
        (chosen && { contact: chosen, role: payload.role ?? null })
      if (linked) announce({ text: `Linked ${describe(linked)}.`, tone: 'success' })
      return { kind: 'linked' }
    } catch (error) {
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
        if (!writeOutcomeUnknown(error)) {
          announce({
            text: `Could not link ${describe(gone)} again. ${errorMessage(error)}`,
            tone: 'error',
            action: { label: 'Try again', onAction: () => undoUnlink(gone) },
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

  const unlinkContact = (target: PropertyContact) => {
    // The entry (and the button that opened the dialog) is about to go: focus
    // stays in the roster rather than being lost to the page.
    const settled = focus.followEntry(target.contact_id)
    const unlinked = (text: string) => {
      announce({
        text,
        tone: 'success',
        action: { label: 'Undo', onAction: () => undoUnlink(target) },
        focusAction: focus.headingHasFocus(),
      })
    }
    unlink
      .mutateAsync(target)
      .then(() => {
        unlinked(`Unlinked ${describe(target)}.`)
      })
      .catch((error: unknown) => {
        if (error instanceof MethodNotAllowedError) markRefused('delete')
        if (!writeOutcomeUnknown(error)) {
          announce({
            text: `Could not unlink ${describe(target)}. ${errorMessage(error)}`,
            tone: 'error',
          })
          return
        }
        // The roster was read again: it tells whether the unlink happened.
        const fresh = refreshedRoster()
        if (fresh && !fresh.some((entry) => entry.contact_id === target.contact_id)) {
          unlinked(
            `Unlinked ${describe(target)}: the server did not confirm it, but the refreshed roster no longer shows them.`,
          )
          return
        }
        announce({
          text: unconfirmedWriteMessage(`unlinking ${describe(target)}`, fresh !== null),
          tone: 'error',
        })
      })
      .finally(settled)
  }

  const saveEdit = (
    target: PropertyContact,
    values: EditLinkValues,
    patch: PropertyContactUpdate,
  ) => {
    // A new role moves the entry to another group, and the Edit button the dialog
    // gives focus back to goes with it: focus follows the entry.
    const settled = focus.followEntry(target.contact_id)
    const name = fullName(target.contact)
    update
      .mutateAsync({ contactId: target.contact_id, patch })
      .finally(settled)
      .then(() => {
        announce({ text: `Saved changes to ${name}.`, tone: 'success' })
      })
      .catch((error: unknown) => {
        if (writeOutcomeUnknown(error)) {
          // The roster was read again; a PUT is safe to send again, from what it shows.
          const fresh = refreshedRoster()
          const now = fresh?.find((entry) => entry.contact_id === target.contact_id) ?? target
          announce({
            text: unconfirmedWriteMessage(`the changes to ${name}`, fresh !== null),
            tone: 'error',
            action: { label: 'Edit again', onAction: () => openEdit(now, values) },
          })
          return
        }
        const text = `Could not save changes to ${name}. ${errorMessage(error)} Your changes were not applied.`
        if (error instanceof MethodNotAllowedError) {
          // Offering "Edit again" would only fail the same way.
          markRefused('update')
          announce({ text, tone: 'error' })
          return
        }
        announce({
          text,
          tone: 'error',
          action: { label: 'Edit again', onAction: () => openEdit(target, values) },
        })
      })
  }

  return {
    /** Operations this server refused with 405: no longer offered. */
    refused,
    linkContact,
    /** True while a link request from the dialog is on its way. */
    linking: link.isPending,
    saveEdit,
    unlinkContact,
  }
}

export type RosterActions = ReturnType<typeof useRosterActions>
