import { apiPaths } from '../../config/paths'
import type { HttpClient, RequestOptions } from '../http'
import {
  PropertyListResponseSchema,
  PropertyResponseSchema,
  SearchParamsSchema,
  type ListPropertiesParams,
  type Property,
} from '../schemas'
import { checkId, checkParams, type IdLike } from '../validate'

/** Properties are read-only here: Roster manages who is linked to them, not them. */
export class PropertiesResource {
  constructor(private readonly http: HttpClient) {}

  /** Properties matching `search` (title or address), a page at a time. */
  async listProperties(
    params: ListPropertiesParams = {},
    options: RequestOptions = {},
  ): Promise<Property[]> {
    const query = checkParams(SearchParamsSchema, params, {
      method: 'GET',
      endpoint: '/properties',
    })
    const result = await this.http.request({
      method: 'GET',
      path: apiPaths.properties(),
      query,
      schema: PropertyListResponseSchema,
      signal: options.signal,
    })
    return result
  }

  async retrieveProperty(propertyId: IdLike, options: RequestOptions = {}): Promise<Property> {
    const id = checkId(propertyId, 'propertyId', { method: 'GET', endpoint: '/properties/{id}' })
    const result = await this.http.request({
      method: 'GET',
      path: apiPaths.property(id),
      schema: PropertyResponseSchema,
      signal: options.signal,
    })
    return result
  }
}
