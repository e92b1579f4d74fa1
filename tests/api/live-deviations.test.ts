// Each way the live Open To Close API is known to differ from the contract
// (docs/contract.md, "What the live API is known to do differently"): normalised, or a clear error, never a crash.
import { describe, expect, it } from 'vitest'
import { AuthenticationError, MethodNotAllowedError } from '../../src/api'
import {
  contactJson,
  errorResponse,
  jsonResponse,
  linkJson,
  propertyJson,
  rejectionOf,
  stubApi,
} from './fetch-stub'

/** A link as the live API sends it: no contact_id, role or primary. */
function liveLinkJson(overrides: Record<string, unknown> = {}) {
  return {
    id: 77,
    created: 1749000000,
    priority: 1,
    contact: contactJson({ id: 456 }),
    contact_role: [],
    ...overrides,
  }
}

describe('envelopes', () => {
  it('reads a list bare or wrapped in {data: [...]} the same way', async () => {
    const bare = stubApi(() => jsonResponse([linkJson()]))
    const wrapped = stubApi(() => jsonResponse({ data: [linkJson()] }))

    const fromBare = await bare.client.propertyContacts.listPropertyContacts(123)
    const fromWrapped = await wrapped.client.propertyContacts.listPropertyContacts(123)

    expect(fromBare).toHaveLength(1)
    expect(fromWrapped).toEqual(fromBare)
  })

  it('reads a single object bare or wrapped in {data: {...}} the same way', async () => {
    const bare = stubApi(() => jsonResponse(propertyJson()))
    const wrapped = stubApi(() => jsonResponse({ data: propertyJson() }))

    const fromBare = await bare.client.properties.retrieveProperty(123)
    const fromWrapped = await wrapped.client.properties.retrieveProperty(123)

    expect(fromBare.title).toBe('12 Elm Street')
    expect(fromWrapped).toEqual(fromBare)
  })
})

describe('the live link shape', () => {
  it('takes contact_id from the contact, role as unknown, primary false, property from the request', async () => {
    const { client } = stubApi(() => jsonResponse({ data: [liveLinkJson()] }))

    const [link] = await client.propertyContacts.listPropertyContacts(123)

    expect(link).toEqual({
      id: 77,
      property_id: 123,
      contact_id: 456,
      role: null,
      primary: false,
      start_date: null,
      notes: null,
      created: '2025-06-04T01:20:00.000Z',
      updated: '2025-06-04T01:20:00.000Z',
      contact: expect.objectContaining({ id: 456, first_name: 'Ada' }) as unknown,
    })
  })

  it('keeps the property id the link names itself', async () => {
    const { client } = stubApi(() => jsonResponse(liveLinkJson({ property: { id: 124 } })))

    const link = await client.propertyContacts.retrievePropertyContact(123, 456)

    expect(link.property_id).toBe(124)
  })

  it('fills the property id on single links from create, retrieve and update too', async () => {
    const { client } = stubApi(() => jsonResponse(liveLinkJson()))

    const created = await client.propertyContacts.createPropertyContact(9, { contact_id: 456 })
    const retrieved = await client.propertyContacts.retrievePropertyContact(9, 456)
    const updated = await client.propertyContacts.updatePropertyContact(9, 456, { notes: 'x' })

    expect([created?.property_id, retrieved.property_id, updated?.property_id]).toEqual([9, 9, 9])
  })
})

describe('timestamps and phones', () => {
  it.each([
    ['an ISO string', '2025-06-04T01:18:08.767Z', '2025-06-04T01:18:08.767Z'],
    ['unix seconds', 1749000000, '2025-06-04T01:20:00.000Z'],
    [
      'a PHP date object',
      { date: '2025-06-04 01:18:08.767548', timezone_type: 3, timezone: 'UTC' },
      '2025-06-04T01:18:08.767Z',
    ],
  ])('reads %s as an ISO timestamp', async (_, created, expected) => {
    const { client } = stubApi(() => jsonResponse(contactJson({ created })))

    const contact = await client.contacts.retrieveContact(456)

    expect(contact.created).toBe(expected)
  })

  it('reads a phone normalised to a digits number as text', async () => {
    const { client } = stubApi(() => jsonResponse(contactJson({ phone: 15550100 })))

    const contact = await client.contacts.retrieveContact(456)

    expect(contact.phone).toBe('15550100')
  })
})

describe('an expired session', () => {
  const LOGIN_PAGE = '<!DOCTYPE html><html><body><form action="/login"></form></body></html>'

  it('a 200 login page is an AuthenticationError, not a crash', async () => {
    const { client } = stubApi(
      () => new Response(LOGIN_PAGE, { status: 200, headers: { 'content-type': 'text/html' } }),
    )

    const error = await rejectionOf(client.propertyContacts.listPropertyContacts(123))

    expect(error).toBeInstanceOf(AuthenticationError)
    expect((error as AuthenticationError).message).toBe(
      'The server answered with a web page instead of data — the API token or session may have expired.',
    )
    expect((error as AuthenticationError).endpoint).toBe('/properties/123/contacts')
  })

  it('recognises the page by its body even when labelled as JSON', async () => {
    const { client } = stubApi(
      () => new Response(`\n  ${LOGIN_PAGE}`, { headers: { 'content-type': 'application/json' } }),
    )

    const error = await rejectionOf(client.properties.listProperties())

    expect(error).toBeInstanceOf(AuthenticationError)
  })
})

describe('405 Method Not Allowed on writes', () => {
  it.each([
    [
      'update',
      (c: ReturnType<typeof stubApi>['client']) =>
        c.propertyContacts.updatePropertyContact(123, 456, { role: 'Seller' }),
    ],
    [
      'delete',
      (c: ReturnType<typeof stubApi>['client']) =>
        c.propertyContacts.deletePropertyContact(123, 456),
    ],
  ])('%s answered 405 is a MethodNotAllowedError', async (_, call) => {
    const { client } = stubApi(() => errorResponse(405, { message: 'Method Not Allowed' }))

    const error = await rejectionOf(call(client))

    expect(error).toBeInstanceOf(MethodNotAllowedError)
    expect(error).toMatchObject({ status: 405, message: 'Method Not Allowed' })
  })
})
