import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { Contact, ContactCreate, ContactUpdate } from '../../../api'
import { apiClient } from '../../../lib/api-client'
import { contactQueries } from '../../../lib/contact-queries'
import { normalizeEmail } from '../duplicates'

// Contact writes own their cache work, as the roster's do: every search and duplicate
// check reads again after a create or an edit; an edit also reads again every roster
// (links embed their contact, so the change shows on every deal the contact is on).

function invalidateContacts(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: contactQueries.all() })
}

function invalidateRosters(queryClient: QueryClient) {
  return queryClient.invalidateQueries({
    predicate: (query) => query.queryKey[0] === 'properties' && query.queryKey[2] === 'contacts',
  })
}

/**
 * A create the server acknowledged without the record (contract.md, "Write answers"):
 * the newest contact with the names (and email) just sent is the one.
 */
async function findCreated(data: ContactCreate): Promise<Contact> {
  const first = data.first_name.trim()
  const last = data.last_name.trim()
  const email = normalizeEmail(data.email)
  const found = await apiClient.contacts.listContacts({
    search: email !== '' ? email : `${first} ${last}`,
    limit: 100,
  })
  const created = found
    .filter(
      (contact) =>
        contact.first_name === first &&
        contact.last_name === last &&
        (email === '' || normalizeEmail(contact.email) === email),
    )
    .sort((a, b) => b.id - a.id)[0]
  if (!created) {
    throw new Error(
      'The server accepted the contact but did not send it back, and it could not be found. Search for it before creating it again.',
    )
  }
  return created
}

export function useCreateContact() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (data: ContactCreate) =>
      (await apiClient.contacts.createContact(data)) ?? findCreated(data),
    // Also after a failure whose outcome is unknown: the contact may exist now, and the
    // duplicate check must find it before the user saves again.
    onSettled: () => invalidateContacts(queryClient),
  })
}

export interface UpdateContactVariables {
  contact: Contact
  patch: ContactUpdate
}

/** `propertyId`: the roster the edit is made from, told to the other tabs. */
export function useUpdateContact(propertyId: number) {
  const queryClient = useQueryClient()
  return useMutation({
    meta: { changesRosterOf: propertyId },
    mutationFn: ({ contact, patch }: UpdateContactVariables) =>
      apiClient.contacts.updateContact(contact.id, patch),
    onSettled: () => Promise.all([invalidateContacts(queryClient), invalidateRosters(queryClient)]),
  })
}
