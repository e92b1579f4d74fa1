import { apiPaths } from '../../config/paths'
import type { HttpClient, RequestOptions } from '../http'
import {
  ContactCreateSchema,
  ContactListResponseSchema,
  ContactResponseSchema,
  ContactUpdateSchema,
  SearchParamsSchema,
  type Contact,
  type ContactCreate,
  type ContactUpdate,
  type ListContactsParams,
} from '../schemas'
import { checkBody, checkId, checkParams, type IdLike } from '../validate'
import { changeHeaders, type LabelledOptions } from './change-label'

export class ContactsResource {
  constructor(private readonly http: HttpClient) {}

  /** Contacts whose name, email or phone contains `search` (case-insensitive). */
  async listContacts(
    params: ListContactsParams = {},
    options: RequestOptions = {},
  ): Promise<Contact[]> {
    const query = checkParams(SearchParamsSchema, params, { method: 'GET', endpoint: '/contacts' })
    const result = await this.http.request({
      method: 'GET',
      path: apiPaths.contacts(),
      query,
      schema: ContactListResponseSchema,
      signal: options.signal,
    })
    return result
  }

  async retrieveContact(contactId: IdLike, options: RequestOptions = {}): Promise<Contact> {
    const id = checkId(contactId, 'contactId', { method: 'GET', endpoint: '/contacts/{id}' })
    const result = await this.http.request({
      method: 'GET',
      path: apiPaths.contact(id),
      schema: ContactResponseSchema,
      signal: options.signal,
    })
    return result
  }

  /**
   * The created contact, or `null` when the server acknowledged it without sending it
   * (a 204, an empty body, `{"success": true}`, `{"data": {"id": …}}`): search for it.
   */
  async createContact(
    data: ContactCreate,
    options: RequestOptions & LabelledOptions = {},
  ): Promise<Contact | null> {
    const body = checkBody(ContactCreateSchema, data, { method: 'POST', endpoint: '/contacts' })
    const result = await this.http.request({
      method: 'POST',
      path: apiPaths.contacts(),
      body,
      schema: ContactResponseSchema,
      signal: options.signal,
      headers: changeHeaders(options.change),
      acknowledged: () => null,
    })
    return result
  }

  /**
   * Changes the contact's own details (Roster's extension, not in the upstream docs:
   * docs/contract.md, Part 2): only the fields given. The updated contact, or `null`
   * when the server acknowledged it without sending it (read it again).
   */
  async updateContact(
    contactId: IdLike,
    data: ContactUpdate,
    options: RequestOptions & LabelledOptions = {},
  ): Promise<Contact | null> {
    const where = { method: 'PUT', endpoint: '/contacts/{id}' } as const
    const id = checkId(contactId, 'contactId', where)
    const body = checkBody(ContactUpdateSchema, data, where)
    const result = await this.http.request({
      method: 'PUT',
      path: apiPaths.contact(id),
      body,
      schema: ContactResponseSchema,
      signal: options.signal,
      headers: changeHeaders(options.change),
      acknowledged: () => null,
    })
    return result
  }
}
