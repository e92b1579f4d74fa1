// What a write's answer means: a link, an acknowledgement without it (done), or
// something that leaves unknown whether the write happened (writeOutcomeUnknown).
import { describe, expect, it } from 'vitest'
import {
  AuthenticationError,
  DataFormatError,
  NetworkError,
  OpenToCloseAPIError,
  ValidationError,
  writeOutcomeUnknown,
} from '../../src/api'
import {
  contactJson,
  errorResponse,
  jsonResponse,
  linkJson,
  rejectionOf,
  stubApi,
} from './fetch-stub'

type Client = ReturnType<typeof stubApi>['client']

const writes: [string, (client: Client) => Promise<unknown>][] = [
  [
    'createPropertyContact',
    (c) => c.propertyContacts.createPropertyContact(123, { contact_id: 456, role: 'Buyer' }),
  ],
  [
    'updatePropertyContact',
    (c) => c.propertyContacts.updatePropertyContact(123, 456, { primary: true }),
  ],
]

/** Answers with no record in them, each a success. */
const acknowledgements: [string, () => Response][] = [
  ['an empty 200', () => new Response('', { status: 200 })],
  ['an empty 201', () => new Response(null, { status: 201 })],
  ['a 200 of whitespace', () => new Response(' \n', { status: 200 })],
  ['a 204', () => new Response(null, { status: 204 })],
  ['{"success": true}', () => jsonResponse({ success: true })],
  ['{"success": true, "message": …}', () => jsonResponse({ success: true, message: 'Saved' })],
  ['{"data": {"id": …}}', () => jsonResponse({ data: { id: 9001 } }, { status: 201 })],
  ['{"data": {"id": "…"}}', () => jsonResponse({ data: { id: '9001' } }, { status: 201 })],
]

describe.each(writes)('%s', (_, call) => {
  it.each(acknowledgements)('takes %s as done, without a link (null)', async (_, answer) => {
    const { client } = stubApi(answer)

    await expect(call(client)).resolves.toBeNull()
  })

  it('still parses a full link', async () => {
    const { client } = stubApi(() => jsonResponse(linkJson(), { status: 201 }))

    await expect(call(client)).resolves.toMatchObject({ id: 9001, contact_id: 456, role: 'Buyer' })
  })

  it('still parses a link in the {data: …} envelope', async () => {
    const { client } = stubApi(() => jsonResponse({ data: linkJson({ role: 'Seller' }) }))

    await expect(call(client)).resolves.toMatchObject({ id: 9001, role: 'Seller' })
  })

  it.each([
    ['a link with one bad field', () => jsonResponse({ data: linkJson({ contact_id: 'four' }) })],
    ['an id with more beside it', () => jsonResponse({ data: { id: 1, role: 7 } })],
    ['{"success": false}', () => jsonResponse({ success: false })],
    ['something else entirely', () => jsonResponse({ ok: 'maybe' })],
    [
      'text that is not JSON',
      () => new Response('OK', { headers: { 'content-type': 'text/plain' } }),
    ],
  ])('refuses %s as a DataFormatError whose outcome is unknown', async (_, answer) => {
    const { client } = stubApi(answer)

    const error = await rejectionOf(call(client))

    expect(error).toBeInstanceOf(DataFormatError)
    expect(writeOutcomeUnknown(error)).toBe(true)
  })

  it('still reads a 2xx login page as an expired session, not as done', async () => {
    const { client } = stubApi(
      () => new Response('<!doctype html><title>Sign in</title>', { status: 200 }),
    )

    const error = await rejectionOf(call(client))

    expect(error).toBeInstanceOf(AuthenticationError)
    expect(writeOutcomeUnknown(error)).toBe(false)
  })
})

describe('deletePropertyContact', () => {
  it.each(acknowledgements)('takes %s as deleted', async (_, answer) => {
    const { client } = stubApi(answer)

    await expect(client.propertyContacts.deletePropertyContact(123, '456')).resolves.toEqual({
      deleted: true,
      property_id: 123,
      contact_id: 456,
    })
  })
})

describe('createContact', () => {
  it.each(acknowledgements)(
    'takes %s as created, without the contact (null)',
    async (_, answer) => {
      const { client } = stubApi(answer)

      await expect(
        client.contacts.createContact({ first_name: 'Grace', last_name: 'Hopper' }),
      ).resolves.toBeNull()
    },
  )

  it('still parses the created contact, bare or enveloped', async () => {
    const { client } = stubApi(() => jsonResponse({ data: contactJson({ id: 501 }) }))

    await expect(
      client.contacts.createContact({ first_name: 'Ada', last_name: 'Lovelace' }),
    ).resolves.toMatchObject({ id: 501 })
  })
})

describe('reads take no acknowledgement for data', () => {
  it.each([
    ['an empty 200', () => new Response('', { status: 200 })],
    ['a 204', () => new Response(null, { status: 204 })],
    ['{"success": true}', () => jsonResponse({ success: true })],
    ['{"data": {"id": …}}', () => jsonResponse({ data: { id: 9001 } })],
  ])('%s for a link is a DataFormatError, and no write is in doubt', async (_, answer) => {
    const { client } = stubApi(answer)

    const error = await rejectionOf(client.propertyContacts.retrievePropertyContact(123, 456))

    expect(error).toBeInstanceOf(DataFormatError)
    expect(writeOutcomeUnknown(error)).toBe(false)
  })
})

describe('writeOutcomeUnknown', () => {
  const postFailing = (respond: () => Response | Promise<Response>) => {
    const { client } = stubApi(respond)
    return rejectionOf(client.propertyContacts.createPropertyContact(123, { contact_id: 456 }))
  }

  it.each([500, 502, 503, 504])(
    'is true for a %i: the upstream may have applied it',
    async (status) => {
      const error = await postFailing(() => errorResponse(status, { message: 'Gateway' }))

      expect(writeOutcomeUnknown(error)).toBe(true)
    },
  )

  it('is true when the request got no answer', async () => {
    const error = await postFailing(() => Promise.reject(new TypeError('Failed to fetch')))

    expect(error).toBeInstanceOf(NetworkError)
    expect(writeOutcomeUnknown(error)).toBe(true)
  })

  it('is true when the answer did not come in time', async () => {
    const { client } = stubApi(() => new Promise<Response>(() => undefined), { timeoutMs: 10 })

    const error = await rejectionOf(
      client.propertyContacts.updatePropertyContact(123, 456, { notes: 'x' }),
    )

    expect(error).toMatchObject({ name: 'NetworkError', timedOut: true })
    expect(writeOutcomeUnknown(error)).toBe(true)
  })

  it.each([400, 401, 403, 404, 405, 409, 422, 429])(
    'is false for a %i: the server refused it, so it did not happen',
    async (status) => {
      const error = await postFailing(() => errorResponse(status, { message: 'No' }))

      expect(error).toBeInstanceOf(OpenToCloseAPIError)
      expect(writeOutcomeUnknown(error)).toBe(false)
    },
  )

  it('is false for a write the client refused to send', async () => {
    const { client, fetch } = stubApi(() => jsonResponse(linkJson()))

    const error = await rejectionOf(
      client.propertyContacts.createPropertyContact(123, { contact_id: 'abc' }),
    )

    expect(error).toBeInstanceOf(ValidationError)
    expect(fetch).not.toHaveBeenCalled()
    expect(writeOutcomeUnknown(error)).toBe(false)
  })

  it('is false for anything the client did not raise', () => {
    expect(writeOutcomeUnknown(new Error('bug'))).toBe(false)
    expect(writeOutcomeUnknown(new DOMException('Stopped', 'AbortError'))).toBe(false)
    expect(writeOutcomeUnknown(undefined)).toBe(false)
  })
})
