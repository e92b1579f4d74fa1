import { describe, expect, it } from 'vitest'
import {
  AuthenticationError,
  ConflictError,
  DataFormatError,
  MethodNotAllowedError,
  NotFoundError,
  OpenToCloseAPIError,
  RateLimitError,
  ServerError,
  ValidationError,
} from '../../src/api'
import { errorResponse, jsonResponse, linkJson, rejectionOf, stubApi } from './fetch-stub'

describe('HTTP failures become named error classes', () => {
  it.each([
    [400, ValidationError, 'ValidationError'],
    [401, AuthenticationError, 'AuthenticationError'],
    [404, NotFoundError, 'NotFoundError'],
    [405, MethodNotAllowedError, 'MethodNotAllowedError'],
    [409, ConflictError, 'ConflictError'],
    [422, ValidationError, 'ValidationError'],
    [429, RateLimitError, 'RateLimitError'],
    [500, ServerError, 'ServerError'],
    [503, ServerError, 'ServerError'],
  ])('%i → %O', async (status, ErrorClass, name) => {
    const { client } = stubApi(() => errorResponse(status, { message: `Server says ${status}` }))

    const error = await rejectionOf(client.propertyContacts.retrievePropertyContact(123, 456))

    expect(error).toBeInstanceOf(ErrorClass)
    expect(error).toBeInstanceOf(OpenToCloseAPIError)
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({
      name,
      status,
      method: 'GET',
      endpoint: '/properties/123/contacts/456',
      message: `Server says ${status}`,
    })
  })

  it('any other 4xx is the base OpenToCloseAPIError', async () => {
    const { client } = stubApi(() => errorResponse(403, { message: 'Forbidden for this account' }))

    const error = await rejectionOf(client.properties.retrieveProperty(1))

    expect(error).toBeInstanceOf(OpenToCloseAPIError)
    expect((error as Error).constructor).toBe(OpenToCloseAPIError)
    expect(error).toMatchObject({ name: 'OpenToCloseAPIError', status: 403 })
    expect((error as Error).message).toBe('Forbidden for this account')
  })

  it('a 400 carries the per-field errors of the documented error body', async () => {
    const { client } = stubApi(() =>
      errorResponse(400, {
        message: 'The given data was invalid.',
        errors: { start_date: ['Enter a real date as YYYY-MM-DD'], role: ['Too long', 'Bad'] },
      }),
    )

    const error = await rejectionOf(
      client.propertyContacts.createPropertyContact(123, { contact_id: 456 }),
    )

    expect(error).toBeInstanceOf(ValidationError)
    expect(error).toMatchObject({
      status: 400,
      method: 'POST',
      endpoint: '/properties/123/contacts',
      message: 'The given data was invalid.',
      errors: { start_date: ['Enter a real date as YYYY-MM-DD'], role: ['Too long', 'Bad'] },
    })
  })

  it('a 409 keeps the server message naming the existing role', async () => {
    const { client } = stubApi(() =>
      errorResponse(409, { message: 'Contact 456 is already linked as Buyer' }),
    )

    const error = await rejectionOf(
      client.propertyContacts.createPropertyContact(123, { contact_id: 456 }),
    )

    expect(error).toBeInstanceOf(ConflictError)
    expect((error as ConflictError).message).toBe('Contact 456 is already linked as Buyer')
  })

  it('uses a clear default message when the body is not the documented error JSON', async () => {
    const { client } = stubApi(
      () =>
        new Response('<html><body>Bad gateway</body></html>', {
          status: 502,
          headers: { 'content-type': 'text/html' },
        }),
    )

    const error = await rejectionOf(client.properties.listProperties())

    expect(error).toBeInstanceOf(ServerError)
    expect((error as ServerError).message).toBe(
      'The server had a problem (HTTP 502). Try again in a moment.',
    )
  })

  it('a 404 without a body still says what happened', async () => {
    const { client } = stubApi(() => new Response('', { status: 404 }))

    const error = await rejectionOf(client.properties.retrieveProperty(999))

    expect(error).toBeInstanceOf(NotFoundError)
    expect((error as NotFoundError).message).toBe('Not found: it may have been removed.')
  })
})

describe('429 Too Many Requests', () => {
  it('reads Retry-After as delta-seconds', async () => {
    const { client } = stubApi(() =>
      errorResponse(429, { message: 'Slow down' }, { 'Retry-After': '30' }),
    )

    const error = await rejectionOf(client.properties.listProperties())

    expect(error).toBeInstanceOf(RateLimitError)
    expect((error as RateLimitError).retryAfter).toBe(30)
  })

  it('reads Retry-After as an HTTP-date', async () => {
    const at = new Date(Date.now() + 90_000).toUTCString()
    const { client } = stubApi(() =>
      errorResponse(429, { message: 'Slow down' }, { 'Retry-After': at }),
    )

    const error = (await rejectionOf(client.properties.listProperties())) as RateLimitError

    // HTTP-dates have whole seconds, so 90 s ahead reads as 89 or 90.
    expect(error.retryAfter).toBeGreaterThanOrEqual(89)
    expect(error.retryAfter).toBeLessThanOrEqual(90)
  })

  it('falls back to X-RateLimit-Retry-After', async () => {
    const { client } = stubApi(() =>
      errorResponse(429, { message: 'Slow down' }, { 'X-RateLimit-Retry-After': '12' }),
    )

    const error = (await rejectionOf(client.properties.listProperties())) as RateLimitError

    expect(error.retryAfter).toBe(12)
  })

  it('leaves retryAfter undefined when the server does not say', async () => {
    const { client } = stubApi(() => errorResponse(429, {}))

    const error = (await rejectionOf(client.properties.listProperties())) as RateLimitError

    expect(error).toBeInstanceOf(RateLimitError)
    expect(error.retryAfter).toBeUndefined()
    expect(error.message).toBe('Too many requests. Wait a moment and try again.')
  })
})

describe('responses that are not the expected data', () => {
  it('a wrong shape is a DataFormatError naming the endpoint and the field', async () => {
    const { client } = stubApi(() =>
      jsonResponse({ id: 123, title: 'X', status: 'Active', client_type: 'Landlord', created: 0 }),
    )

    const error = await rejectionOf(client.properties.retrieveProperty(123))

    expect(error).toBeInstanceOf(DataFormatError)
    expect(error).toMatchObject({ status: 200, method: 'GET', endpoint: '/properties/123' })
    const { message } = error as DataFormatError
    expect(message).toContain('GET /properties/123')
    expect(message).toContain('client_type')
  })

  it('a link in neither known shape is explained by its closest shape', async () => {
    const { client } = stubApi(() => jsonResponse([linkJson({ contact_id: 'four' })]))

    const error = await rejectionOf(client.propertyContacts.listPropertyContacts(123))

    expect(error).toBeInstanceOf(DataFormatError)
    expect((error as DataFormatError).message).toContain('expected number at 0.contact_id')
  })

  it('a documented link with one bad field fails instead of losing its role', async () => {
    const { client } = stubApi(() => jsonResponse(linkJson({ start_date: '01/15/2024' })))

    const error = await rejectionOf(client.propertyContacts.retrievePropertyContact(123, 456))

    expect(error).toBeInstanceOf(DataFormatError)
    expect((error as DataFormatError).message).toContain('at start_date')
  })

  it('summarises a huge bad body instead of dumping it', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => linkJson({ id: i + 1, contact: null }))
    const { client } = stubApi(() => jsonResponse(rows))

    const error = await rejectionOf(client.propertyContacts.listPropertyContacts(123))

    expect(error).toBeInstanceOf(DataFormatError)
    const { message } = error as DataFormatError
    expect(message.length).toBeLessThan(400)
    expect(message).toMatch(/\(and \d+ more\)$/)
  })

  it('invalid JSON is a DataFormatError, never a raw SyntaxError', async () => {
    const { client } = stubApi(
      () => new Response('{"id": 1,', { headers: { 'content-type': 'application/json' } }),
    )

    const error = await rejectionOf(client.properties.retrieveProperty(1))

    expect(error).toBeInstanceOf(DataFormatError)
    expect(error).not.toBeInstanceOf(SyntaxError)
    expect((error as Error).message).toBe(
      'GET /properties/1 answered with something that is not JSON.',
    )
  })

  it('an empty body where data was expected is a DataFormatError', async () => {
    const { client } = stubApi(() => new Response('', { status: 200 }))

    const error = await rejectionOf(client.contacts.listContacts())

    expect(error).toBeInstanceOf(DataFormatError)
    expect((error as Error).message).toBe(
      'GET /contacts answered with an empty body instead of data.',
    )
  })
})
