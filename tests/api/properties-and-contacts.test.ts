import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../src/api'
import {
  CREATED,
  contactJson,
  jsonResponse,
  onlyRequest,
  propertyJson,
  rejectionOf,
  stubApi,
} from './fetch-stub'

describe('properties', () => {
  it('listProperties GETs /properties with search and paging', async () => {
    const { client, requests } = stubApi(() => jsonResponse([propertyJson()]))

    const properties = await client.properties.listProperties({
      search: 'elm',
      limit: 21,
      offset: 40,
    })

    const request = onlyRequest(requests)
    expect(request.method).toBe('GET')
    expect(request.url.pathname).toBe('/api/v1/properties')
    expect(Object.fromEntries(request.url.searchParams)).toEqual({
      search: 'elm',
      limit: '21',
      offset: '40',
    })
    expect(properties).toEqual([
      {
        id: 123,
        title: '12 Elm Street',
        address: '12 Elm Street',
        city: 'Springfield',
        state: 'IL',
        zip: '62701',
        status: 'Active',
        client_type: 'Buyer',
        purchase_amount: 350000,
        closing_date: '2025-08-01',
        created: CREATED,
      },
    ])
  })

  it('leaves an empty search out of the query', async () => {
    const { client, requests } = stubApi(() => jsonResponse([]))

    await client.properties.listProperties({ search: '' })

    expect(onlyRequest(requests).url.search).toBe('')
  })

  it('retrieveProperty GETs /properties/{id}', async () => {
    const { client, requests } = stubApi(() => jsonResponse(propertyJson({ id: 7 })))

    const property = await client.properties.retrieveProperty(7)

    expect(onlyRequest(requests).url.pathname).toBe('/api/v1/properties/7')
    expect(property).toMatchObject({ id: 7, title: '12 Elm Street', client_type: 'Buyer' })
  })
})

describe('contacts', () => {
  it('listContacts GETs /contacts with search and paging', async () => {
    const { client, requests } = stubApi(() => jsonResponse([contactJson()]))

    const contacts = await client.contacts.listContacts({ search: 'ada', limit: 10 })

    const request = onlyRequest(requests)
    expect(request.url.pathname).toBe('/api/v1/contacts')
    expect(Object.fromEntries(request.url.searchParams)).toEqual({ search: 'ada', limit: '10' })
    expect(contacts).toEqual([
      {
        id: 456,
        first_name: 'Ada',
        last_name: 'Lovelace',
        email: 'ada@example.com',
        phone: '555-0100',
        company: null,
        created: CREATED,
      },
    ])
  })

  it('retrieveContact GETs /contacts/{id}', async () => {
    const { client, requests } = stubApi(() => jsonResponse(contactJson({ id: 88 })))

    const contact = await client.contacts.retrieveContact(88)

    expect(onlyRequest(requests).url.pathname).toBe('/api/v1/contacts/88')
    expect(contact.id).toBe(88)
  })

  it('createContact POSTs the trimmed contact and returns the created one', async () => {
    const { client, requests } = stubApi(() =>
      jsonResponse(contactJson({ id: 501, first_name: 'Grace', last_name: 'Hopper' }), {
        status: 201,
      }),
    )

    const contact = await client.contacts.createContact({
      first_name: ' Grace ',
      last_name: 'Hopper',
      email: 'grace@example.com',
    })

    const request = onlyRequest(requests)
    expect(request.method).toBe('POST')
    expect(request.url.pathname).toBe('/api/v1/contacts')
    expect(request.body).toEqual({
      first_name: 'Grace',
      last_name: 'Hopper',
      email: 'grace@example.com',
    })
    expect(contact).toMatchObject({ id: 501, first_name: 'Grace', last_name: 'Hopper' })
  })

  it('createContact refuses a missing name and a bad email before any request', async () => {
    const { client, fetch } = stubApi(() => jsonResponse(contactJson()))

    const error = await rejectionOf(
      client.contacts.createContact({ first_name: '  ', last_name: 'Hopper', email: 'nope' }),
    )

    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).errors).toEqual({
      first_name: ['Required'],
      email: ['Enter a valid email address'],
    })
    expect(fetch).not.toHaveBeenCalled()
  })

  it('updateContact PUTs only the given fields to /contacts/{id} and returns the contact', async () => {
    const { client, requests } = stubApi(() =>
      jsonResponse(contactJson({ id: 88, email: 'dana@example.com' })),
    )

    const contact = await client.contacts.updateContact(88, {
      email: 'dana@example.com',
      phone: null,
    })

    const request = onlyRequest(requests)
    expect(request.method).toBe('PUT')
    expect(request.url.pathname).toBe('/api/v1/contacts/88')
    expect(request.body).toEqual({ email: 'dana@example.com', phone: null })
    expect(contact).toMatchObject({ id: 88, email: 'dana@example.com' })
  })

  it('updateContact refuses a bad id and a bad field before any request', async () => {
    const { client, fetch } = stubApi(() => jsonResponse(contactJson()))

    const error = await rejectionOf(client.contacts.updateContact(88, { last_name: ' ' }))
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).errors).toEqual({ last_name: ['Required'] })
    await expect(client.contacts.updateContact(0, { first_name: 'A' })).rejects.toBeInstanceOf(
      ValidationError,
    )
    expect(fetch).not.toHaveBeenCalled()
  })

  it('updateContact resolves null when the server acknowledges without the record', async () => {
    const { client } = stubApi(() => new Response(null, { status: 204 }))
    expect(await client.contacts.updateContact(88, { company: 'Acme' })).toBeNull()
  })
})
