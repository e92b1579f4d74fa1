import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../src/api'
import {
  CREATED,
  contactJson,
  jsonResponse,
  linkJson,
  onlyRequest,
  rejectionOf,
  stubApi,
} from './fetch-stub'

const expectedLink = {
  id: 9001,
  property_id: 123,
  contact_id: 456,
  role: 'Buyer',
  primary: true,
  start_date: '2024-01-15',
  notes: 'Decision maker',
  created: CREATED,
  updated: CREATED,
  contact: {
    id: 456,
    first_name: 'Ada',
    last_name: 'Lovelace',
    email: 'ada@example.com',
    phone: '555-0100',
    company: null,
    created: CREATED,
  },
}

describe('listPropertyContacts', () => {
  it('GETs the property links with only the filters given, and parses them', async () => {
    const { client, requests } = stubApi(() =>
      jsonResponse([linkJson(), linkJson({ id: 9002, contact_id: 457, primary: false })]),
    )

    const links = await client.propertyContacts.listPropertyContacts(123, {
      role: 'Buyer',
      primary: false,
      limit: 50,
      offset: undefined,
    })

    const request = onlyRequest(requests)
    expect(request.method).toBe('GET')
    expect(request.url.pathname).toBe('/api/v1/properties/123/contacts')
    expect(Object.fromEntries(request.url.searchParams)).toEqual({
      role: 'Buyer',
      primary: 'false',
      limit: '50',
    })
    expect(request.body).toBeUndefined()
    expect(links).toHaveLength(2)
    expect(links[0]).toEqual(expectedLink)
    expect(links[1]).toMatchObject({ id: 9002, contact_id: 457, primary: false })
  })

  it('sends primary=true and no query at all when no params are given', async () => {
    const { client, requests } = stubApi(() => jsonResponse([]))

    await client.propertyContacts.listPropertyContacts(123, { primary: true })
    await client.propertyContacts.listPropertyContacts(123)

    expect(requests[0]?.url.search).toBe('?primary=true')
    expect(requests[1]?.url.search).toBe('')
  })

  it('refuses out-of-range paging before any request', async () => {
    const { client, fetch } = stubApi(() => jsonResponse([]))

    const error = await rejectionOf(
      client.propertyContacts.listPropertyContacts(123, { limit: 0, offset: -1 }),
    )

    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).errors).toEqual({
      limit: ['limit must be at least 1'],
      offset: ['offset cannot be negative'],
    })
    expect(fetch).not.toHaveBeenCalled()
  })
})

describe('createPropertyContact', () => {
  it('POSTs the parsed body: trimmed role, numeric contact_id, unknown fields dropped', async () => {
    const { client, requests } = stubApi(() => jsonResponse(linkJson(), { status: 201 }))

    const link = await client.propertyContacts.createPropertyContact(123, {
      contact_id: '456',
      role: '  Buyer  ',
      primary: true,
      start_date: '2024-01-15',
      notes: 'Decision maker',
      // a form may carry extra state; it never reaches the server
      ...({ unexpected: 'x' } as object),
    })

    const request = onlyRequest(requests)
    expect(request.method).toBe('POST')
    expect(request.url.pathname).toBe('/api/v1/properties/123/contacts')
    expect(request.headers.get('content-type')).toBe('application/json')
    expect(request.body).toEqual({
      contact_id: 456,
      role: 'Buyer',
      primary: true,
      start_date: '2024-01-15',
      notes: 'Decision maker',
    })
    expect(link).toEqual(expectedLink)
  })

  it('refuses an invalid body with per-field errors and sends nothing', async () => {
    const { client, fetch } = stubApi(() => jsonResponse(linkJson()))

    const error = await rejectionOf(
      client.propertyContacts.createPropertyContact(123, {
        contact_id: 'abc',
        role: '   ',
        start_date: '2024-02-30',
        notes: 'x'.repeat(2001),
      }),
    )

    expect(error).toBeInstanceOf(ValidationError)
    const validation = error as ValidationError
    expect(validation.status).toBe(0)
    expect(validation.method).toBe('POST')
    expect(validation.endpoint).toBe('/properties/123/contacts')
    expect(validation.errors).toEqual({
      contact_id: ['Must be a positive whole number'],
      role: ['Role cannot be empty'],
      start_date: ['Enter a real date as YYYY-MM-DD'],
      notes: ['Notes must be at most 2000 characters'],
    })
    expect(validation.message).toContain('contact_id')
    expect(fetch).not.toHaveBeenCalled()
  })
})

describe('retrievePropertyContact', () => {
  it('GETs the link addressed by the contact id', async () => {
    const { client, requests } = stubApi(() => jsonResponse(linkJson()))

    const link = await client.propertyContacts.retrievePropertyContact(123, 456)

    const request = onlyRequest(requests)
    expect(request.method).toBe('GET')
    expect(request.url.pathname).toBe('/api/v1/properties/123/contacts/456')
    expect(link).toEqual(expectedLink)
  })
})

describe('updatePropertyContact', () => {
  it('PUTs only the fields given', async () => {
    const { client, requests } = stubApi(() =>
      jsonResponse(linkJson({ role: 'Seller', primary: false })),
    )

    const link = await client.propertyContacts.updatePropertyContact(123, 456, {
      role: 'Seller ',
      primary: false,
    })

    const request = onlyRequest(requests)
    expect(request.method).toBe('PUT')
    expect(request.url.pathname).toBe('/api/v1/properties/123/contacts/456')
    expect(request.body).toEqual({ role: 'Seller', primary: false })
    expect(link).toMatchObject({ role: 'Seller', primary: false, contact_id: 456 })
  })

  it('sends null to clear a field', async () => {
    const { client, requests } = stubApi(() => jsonResponse(linkJson({ notes: null })))

    const link = await client.propertyContacts.updatePropertyContact(123, 456, { notes: null })

    expect(onlyRequest(requests).body).toEqual({ notes: null })
    expect(link?.notes).toBeNull()
  })

  it('refuses an invalid update before any request', async () => {
    const { client, fetch } = stubApi(() => jsonResponse(linkJson()))

    const error = await rejectionOf(
      client.propertyContacts.updatePropertyContact(123, 456, { role: 'r'.repeat(101) }),
    )

    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).errors).toEqual({
      role: ['Role must be at most 100 characters'],
    })
    expect(fetch).not.toHaveBeenCalled()
  })
})

describe('deletePropertyContact', () => {
  it('DELETEs the link and returns what the server confirmed', async () => {
    const { client, requests } = stubApi(() =>
      jsonResponse({ deleted: true, property_id: 123, contact_id: 456 }),
    )

    const result = await client.propertyContacts.deletePropertyContact(123, 456)

    const request = onlyRequest(requests)
    expect(request.method).toBe('DELETE')
    expect(request.url.pathname).toBe('/api/v1/properties/123/contacts/456')
    expect(request.body).toBeUndefined()
    expect(result).toEqual({ deleted: true, property_id: 123, contact_id: 456 })
  })

  it('treats a bodiless 204 as the same success', async () => {
    const { client } = stubApi(() => new Response(null, { status: 204 }))

    const result = await client.propertyContacts.deletePropertyContact('123', 456)

    expect(result).toEqual({ deleted: true, property_id: 123, contact_id: 456 })
  })
})

it('embeds the contact, so a roster needs no request per contact', async () => {
  const { client, requests } = stubApi(() =>
    jsonResponse([linkJson({ contact: contactJson({ first_name: 'Grace' }) })]),
  )

  const [link] = await client.propertyContacts.listPropertyContacts(123)

  expect(requests).toHaveLength(1)
  expect(link?.contact.first_name).toBe('Grace')
})
