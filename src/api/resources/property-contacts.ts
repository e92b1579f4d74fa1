import { apiPaths } from '../../config/paths'
import type { HttpClient, HttpMethod, RequestOptions } from '../http'
import {
  DeletedPropertyContactResponseSchema,
  ListPropertyContactsParamsSchema,
  PropertyContactCreateSchema,
  PropertyContactListResponseSchema,
  PropertyContactResponseSchema,
  PropertyContactUpdateSchema,
  type DeletedPropertyContact,
  type ListPropertyContactsParams,
  type PropertyContact,
  type PropertyContactCreate,
  type PropertyContactUpdate,
} from '../schemas'
import { checkBody, checkId, checkParams, type IdLike } from '../validate'

/**
 * The live API may send a link with no property id at all; the request says which
 * property it belongs to, so a link never carries the schema's placeholder 0.
 */
function ownedBy(propertyId: number) {
  return (link: PropertyContact): PropertyContact =>
    link.property_id > 0 ? link : { ...link, property_id: propertyId }
}

/**
 * Links between one property and its contacts, addressed by the contact's id.
 *
 * Create and update resolve to the link as the server now has it, or to `null` when
 * the server acknowledged the write without sending the link (a 204, an empty body,
 * `{"success": true}`, `{"data": {"id": …}}`): done, and the roster has the result.
 * A 2xx answer that is none of these rejects with DataFormatError: the write may
 * have happened all the same (see writeOutcomeUnknown), so read the roster again.
 */
export class PropertyContactsResource {
  constructor(private readonly http: HttpClient) {}

  async listPropertyContacts(
    propertyId: IdLike,
    params: ListPropertyContactsParams = {},
    options: RequestOptions = {},
  ): Promise<PropertyContact[]> {
    const where = { method: 'GET', endpoint: '/properties/{id}/contacts' } as const
    const id = checkId(propertyId, 'propertyId', where)
    const query = checkParams(ListPropertyContactsParamsSchema, params, where)
    const links = await this.http.request({
      method: 'GET',
      path: apiPaths.propertyContacts(id),
      query,
      schema: PropertyContactListResponseSchema,
      signal: options.signal,
    })
    return links.map(ownedBy(id))
  }

  async createPropertyContact(
    propertyId: IdLike,
    contactData: PropertyContactCreate,
    options: RequestOptions = {},
  ): Promise<PropertyContact | null> {
    const id = checkId(propertyId, 'propertyId', {
      method: 'POST',
      endpoint: '/properties/{id}/contacts',
    })
    const path = apiPaths.propertyContacts(id)
    const body = checkBody(PropertyContactCreateSchema, contactData, {
      method: 'POST',
      endpoint: path,
    })
    const link = await this.http.request({
      method: 'POST',
      path,
      body,
      schema: PropertyContactResponseSchema,
      signal: options.signal,
      acknowledged: () => null,
    })
    return link && ownedBy(id)(link)
  }

  async retrievePropertyContact(
    propertyId: IdLike,
    contactId: IdLike,
    options: RequestOptions = {},
  ): Promise<PropertyContact> {
    const { id, path } = linkPath('GET', propertyId, contactId)
    const link = await this.http.request({
      method: 'GET',
      path,
      schema: PropertyContactResponseSchema,
      signal: options.signal,
    })
    return ownedBy(id)(link)
  }

  /** Partial update: only the fields given change; `contact_id` cannot. */
  async updatePropertyContact(
    propertyId: IdLike,
    contactId: IdLike,
    contactData: PropertyContactUpdate,
    options: RequestOptions = {},
  ): Promise<PropertyContact | null> {
    const { id, path } = linkPath('PUT', propertyId, contactId)
    const body = checkBody(PropertyContactUpdateSchema, contactData, {
      method: 'PUT',
      endpoint: path,
    })
    const link = await this.http.request({
      method: 'PUT',
      path,
      body,
      schema: PropertyContactResponseSchema,
      signal: options.signal,
      acknowledged: () => null,
    })
    return link && ownedBy(id)(link)
  }

  async deletePropertyContact(
    propertyId: IdLike,
    contactId: IdLike,
    options: RequestOptions = {},
  ): Promise<DeletedPropertyContact> {
    const { id, contact, path } = linkPath('DELETE', propertyId, contactId)
    const result = await this.http.request({
      method: 'DELETE',
      path,
      schema: DeletedPropertyContactResponseSchema,
      signal: options.signal,
      // A 204, an empty body or `{"success": true}` is as clear a success as the
      // documented body, which says no more than the request did.
      acknowledged: () => ({ deleted: true as const, property_id: id, contact_id: contact }),
    })
    return result
  }
}

function linkPath(method: HttpMethod, propertyId: IdLike, contactId: IdLike) {
  const where = { method, endpoint: '/properties/{id}/contacts/{contact_id}' }
  const id = checkId(propertyId, 'propertyId', where)
  const contact = checkId(contactId, 'contactId', where)
  return { id, contact, path: apiPaths.propertyContact(id, contact) }
}
