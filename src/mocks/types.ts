import type { Contact, Property, PropertyContact } from '../api/schemas.ts'

/** A link as the db keeps it: the contact is embedded on the way out, so it is never stale. */
export type StoredLink = Omit<PropertyContact, 'contact'>

/** Everything the mock backend knows; also the shape of the persisted JSON file. */
export interface DbSnapshot {
  properties: Property[]
  contacts: Contact[]
  links: StoredLink[]
}
