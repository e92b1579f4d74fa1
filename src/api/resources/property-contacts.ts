import * as z from 'zod/mini'
import { apiPaths } from '../../config/paths'
import { ConflictError, NotFoundError, PreconditionFailedError, WrongLinkError } from '../errors'
import type { HttpClient, HttpMethod, RequestOptions } from '../http'
import { versionMatches, wrongLinkProblem } from '../link-version'
import {
  DeletedPropertyContactResponseSchema,
  ListPropertyContactsParamsSchema,
  PropertyContactCreateSchema,
  PropertyContactListResponseSchema,
  PropertyContactResponseSchema,
  PropertyContactSchema,
  PropertyContactUpdateSchema,
  type DeletedPropertyContact,
  type ListPropertyContactsParams,
  type PropertyContact,
  type PropertyContactCreate,
  type PropertyContactUpdate,
} from '../schemas'
import { checkBody, checkId, checkParams, type IdLike } from '../validate'
import { changeHeaders, type LabelledOptions } from './change-label'

/**
 * The live API may send a link with no property id at all; the request says which
 * property it belongs to, so a link never carries the schema's placeholder 0.
 */
function ownedBy(propertyId: number) {
  return (link: PropertyContact): PropertyContact =>
    link.property_id > 0 ? link : { ...link, property_id: propertyId }
}

/**
 * How a conditional write (one given `ifMatch` or `onlyIfUnlinked`) is checked:
 * - `conditional`: the server checks it. The request carries `If-Match` (or
 *   `If-None-Match: *`) and a changed link is a 412. Roster's own servers do this: the
 *   mock backend itself, the live proxy by reading the link first (docs/contract.md).
 * - `read-first`: the client reads the link first and writes only when it is the
 *   version asked for and the link it means. For a server that ignores the headers,
 *   such as the Open To Close API called directly. A change between the read and the
 *   write goes unseen: the window is one round trip.
 */
export type VersionCheck = 'conditional' | 'read-first'

/** A write that must not overwrite a change it did not see. */
export interface WriteOptions extends RequestOptions, LabelledOptions {
  /** The version the write starts from (linkVersion): refused with a 412 when the link moved on. */
  ifMatch?: string | undefined
}

export interface CreateOptions extends RequestOptions, LabelledOptions {
  /** Link only if the contact is not linked yet: a 409 (ConflictError) when they are. */
  onlyIfUnlinked?: boolean | undefined
}

const PreconditionBodySchema = z.lazy(() =>
  z.object({
    current: z.optional(z.unknown()),
    wrong_link: z.optional(z.boolean()),
  }),
)

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
  constructor(
    private readonly http: HttpClient,
    private readonly versionCheck: VersionCheck = 'read-first',
  ) {}

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
    options: CreateOptions = {},
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
    const conditional = options.onlyIfUnlinked === true
    if (conditional && this.versionCheck === 'read-first') {
      await this.refuseIfLinked(id, body.contact_id, path, options.signal)
    }
    const link = await this.conditionally(id, body.contact_id, () =>
      this.http.request({
        method: 'POST',
        path,
        body,
        schema: PropertyContactResponseSchema,
        signal: options.signal,
        headers: {
          ...(conditional && this.versionCheck === 'conditional' ? { 'If-None-Match': '*' } : {}),
          ...changeHeaders(options.change),
        },
        acknowledged: () => null,
      }),
    )
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
    options: WriteOptions = {},
  ): Promise<PropertyContact | null> {
    const { id, contact, path } = linkPath('PUT', propertyId, contactId)
    const body = checkBody(PropertyContactUpdateSchema, contactData, {
      method: 'PUT',
      endpoint: path,
    })
    const headers = await this.precondition('PUT', id, contact, path, options)
    const link = await this.conditionally(id, contact, () =>
      this.http.request({
        method: 'PUT',
        path,
        body,
        schema: PropertyContactResponseSchema,
        signal: options.signal,
        headers: { ...headers, ...changeHeaders(options.change) },
        acknowledged: () => null,
      }),
    )
    return link && ownedBy(id)(link)
  }

  async deletePropertyContact(
    propertyId: IdLike,
    contactId: IdLike,
    options: WriteOptions = {},
  ): Promise<DeletedPropertyContact> {
    const { id, contact, path } = linkPath('DELETE', propertyId, contactId)
    const headers = await this.precondition('DELETE', id, contact, path, options)
    return this.conditionally(id, contact, () =>
      this.http.request({
        method: 'DELETE',
        path,
        schema: DeletedPropertyContactResponseSchema,
        signal: options.signal,
        headers: { ...headers, ...changeHeaders(options.change) },
        // A 204, an empty body or `{"success": true}` is as clear a success as the
        // documented body, which says no more than the request did.
        acknowledged: () => ({ deleted: true as const, property_id: id, contact_id: contact }),
      }),
    )
  }

  /**
   * The headers a conditional write carries; with `read-first`, reads the link first
   * and refuses (nothing sent) when it moved on, is gone, or is another link.
   */
  private async precondition(
    method: HttpMethod,
    propertyId: number,
    contactId: number,
    path: string,
    options: WriteOptions,
  ): Promise<Record<string, string>> {
    const { ifMatch } = options
    if (ifMatch === undefined) return {}
    if (this.versionCheck === 'conditional') return { 'If-Match': ifMatch }
    const where = { method, endpoint: path }
    const current = await this.readForWrite(propertyId, contactId, where, options.signal)
    if (!current) {
      throw new NotFoundError(
        `Contact ${String(contactId)} is not linked to property ${String(propertyId)}.`,
        where,
      )
    }
    if (!versionMatches(ifMatch, current)) {
      throw new PreconditionFailedError(
        'The link changed since it was read; nothing was written.',
        current,
        where,
      )
    }
    return {}
  }

  /** The link as the server has it before a write, or null when it is not linked. */
  private async readForWrite(
    propertyId: number,
    contactId: number,
    where: { method: HttpMethod; endpoint: string },
    signal: AbortSignal | undefined,
  ): Promise<PropertyContact | null> {
    let current: PropertyContact
    try {
      current = await this.retrievePropertyContact(propertyId, contactId, { signal })
    } catch (error) {
      if (error instanceof NotFoundError) return null
      throw error
    }
    const wrong = wrongLinkProblem(current, propertyId, contactId)
    if (wrong) throw new WrongLinkError(`${wrong} Nothing was written.`, where)
    return current
  }

  private async refuseIfLinked(
    propertyId: number,
    contactId: number,
    path: string,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const where = { method: 'POST' as const, endpoint: path }
    const current = await this.readForWrite(propertyId, contactId, where, signal)
    if (current) {
      const role = current.role === null ? 'with no role' : `as ${current.role}`
      throw new ConflictError(
        `Contact ${String(contactId)} is already linked to property ${String(propertyId)} ${role}.`,
        { ...where, status: 409 },
      )
    }
  }

  /** Runs a conditional write, reading the server's 412 into what the caller needs. */
  private async conditionally<T>(
    propertyId: number,
    contactId: number,
    write: () => Promise<T>,
  ): Promise<T> {
    try {
      return await write()
    } catch (error) {
      if (!(error instanceof PreconditionFailedError) || error.current) throw error
      const body = z.safeParse(PreconditionBodySchema, error.body)
      const details = { status: error.status, method: error.method, endpoint: error.endpoint }
      if (body.success && body.data.wrong_link === true) {
        throw new WrongLinkError(error.message, details)
      }
      const sent = body.success ? z.safeParse(PropertyContactSchema, body.data.current) : undefined
      const current = sent?.success ? ownedBy(propertyId)(sent.data) : null
      // A "current" that is another link is no basis for anything: treat it as unknown.
      const usable = current && !wrongLinkProblem(current, propertyId, contactId) ? current : null
      throw new PreconditionFailedError(error.message, usable, details, error.body)
    }
  }
}

function linkPath(method: HttpMethod, propertyId: IdLike, contactId: IdLike) {
  const where = { method, endpoint: '/properties/{id}/contacts/{contact_id}' }
  const id = checkId(propertyId, 'propertyId', where)
  const contact = checkId(contactId, 'contactId', where)
  return { id, contact, path: apiPaths.propertyContact(id, contact) }
}
