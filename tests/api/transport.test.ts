import { describe, expect, it, vi } from 'vitest'
import {
  NetworkError,
  NotFoundError,
  OpenToCloseAPI,
  OpenToCloseAPIError,
  ValidationError,
} from '../../src/api'
import {
  errorResponse,
  jsonResponse,
  onlyRequest,
  propertyJson,
  rejectionOf,
  stubApi,
} from './fetch-stub'

const never = () => new Promise<Response>(() => undefined)

describe('ids are checked before any request', () => {
  const badIds = [0, -1, 1.5, Number.NaN, 'abc', '', '12abc']
  type Client = ReturnType<typeof stubApi>['client']
  const calls: [string, (client: Client, bad: number | string) => Promise<unknown>][] = [
    ['retrieveProperty', (c, bad) => c.properties.retrieveProperty(bad)],
    ['retrieveContact', (c, bad) => c.contacts.retrieveContact(bad)],
    ['listPropertyContacts', (c, bad) => c.propertyContacts.listPropertyContacts(bad)],
    [
      'createPropertyContact',
      (c, bad) => c.propertyContacts.createPropertyContact(bad, { contact_id: 1 }),
    ],
    [
      'retrievePropertyContact (property)',
      (c, bad) => c.propertyContacts.retrievePropertyContact(bad, 1),
    ],
    [
      'retrievePropertyContact (contact)',
      (c, bad) => c.propertyContacts.retrievePropertyContact(1, bad),
    ],
    ['updatePropertyContact', (c, bad) => c.propertyContacts.updatePropertyContact(1, bad, {})],
    ['deletePropertyContact', (c, bad) => c.propertyContacts.deletePropertyContact(bad, 1)],
  ]

  describe.each(calls)('%s', (_, call) => {
    it.each(badIds)('refuses %o without calling fetch', async (bad) => {
      const { client, fetch } = stubApi(() => jsonResponse({}))

      const error = await rejectionOf(call(client, bad))

      expect(error).toBeInstanceOf(ValidationError)
      expect((error as ValidationError).status).toBe(0)
      expect(Object.values((error as ValidationError).errors)).toEqual([
        ['Must be a positive whole number'],
      ])
      expect(fetch).not.toHaveBeenCalled()
    })
  })

  it('names the id that was wrong', async () => {
    const { client } = stubApi(() => jsonResponse({}))

    const error = (await rejectionOf(
      client.propertyContacts.retrievePropertyContact(123, -4),
    )) as ValidationError

    expect(error.errors).toEqual({ contactId: ['Must be a positive whole number'] })
    expect(error.message).toBe('Not sent: contactId must be a positive whole number, not "-4".')
  })

  it('accepts a string of digits, as route params arrive', async () => {
    const { client, requests } = stubApi(() => jsonResponse(propertyJson({ id: 42 })))

    await client.properties.retrieveProperty('42')

    expect(onlyRequest(requests).url.pathname).toBe('/api/v1/properties/42')
  })
})

describe('network failures', () => {
  it('a rejected fetch is a NetworkError that keeps the cause', async () => {
    const cause = new TypeError('Failed to fetch')
    const { client } = stubApi(() => Promise.reject(cause))

    const error = await rejectionOf(client.properties.listProperties())

    expect(error).toBeInstanceOf(NetworkError)
    expect(error).toMatchObject({
      name: 'NetworkError',
      status: 0,
      timedOut: false,
      method: 'GET',
      endpoint: '/properties',
      message: 'Could not reach the server for GET /properties: Failed to fetch',
    })
    expect((error as NetworkError).cause).toBe(cause)
  })

  it('no response within timeoutMs is a NetworkError marked timedOut', async () => {
    const { client, requests } = stubApi(never, { timeoutMs: 10 })

    const error = await rejectionOf(client.properties.retrieveProperty(1))

    expect(error).toBeInstanceOf(NetworkError)
    expect(error).toMatchObject({ timedOut: true, endpoint: '/properties/1' })
    expect((error as NetworkError).message).toBe('No answer from GET /properties/1 within 10 ms.')
    // the request itself is cancelled, not left running
    expect(onlyRequest(requests).signal?.aborted).toBe(true)
  })

  it('the timeout also covers a body that never finishes', async () => {
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('[{"id": 1'))
      },
    })
    const { client } = stubApi(() => new Response(stalled), { timeoutMs: 10 })

    const error = await rejectionOf(client.properties.listProperties())

    expect(error).toBeInstanceOf(NetworkError)
    expect((error as NetworkError).timedOut).toBe(true)
  })

  it('a response in time clears the timer', async () => {
    vi.useFakeTimers()
    try {
      const { client } = stubApi(() => jsonResponse([]), { timeoutMs: 1000 })

      await expect(client.properties.listProperties()).resolves.toEqual([])

      expect(vi.getTimerCount()).toBe(0)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe("the caller's abort", () => {
  it('surfaces as an AbortError, not a NetworkError, and cancels the request', async () => {
    const controller = new AbortController()
    const { client, requests } = stubApi(never, { timeoutMs: 5000 })

    const pending = client.propertyContacts.listPropertyContacts(
      123,
      {},
      {
        signal: controller.signal,
      },
    )
    await vi.waitFor(() => expect(requests).toHaveLength(1))
    controller.abort()
    const error = await rejectionOf(pending)

    expect(error).not.toBeInstanceOf(OpenToCloseAPIError)
    expect((error as Error).name).toBe('AbortError')
    expect(onlyRequest(requests).signal?.aborted).toBe(true)
  })

  it('an already aborted signal sends nothing', async () => {
    const { client, fetch } = stubApi(() => jsonResponse([]))

    const error = await rejectionOf(
      client.properties.listProperties({}, { signal: AbortSignal.abort() }),
    )

    expect((error as Error).name).toBe('AbortError')
    expect(fetch).not.toHaveBeenCalled()
  })
})

describe('apiKey (Node scripts only)', () => {
  const TOKEN = 's3cr3t-T0ken/+='

  function everythingIn(error: unknown): string {
    const e = error as Error
    const fields = Object.fromEntries(Object.entries(e))
    return JSON.stringify({ fields, message: e.message, stack: e.stack, cause: String(e.cause) })
  }

  it('is sent as the api_token query parameter', async () => {
    const { client, requests } = stubApi(() => jsonResponse([]), { apiKey: TOKEN })

    await client.propertyContacts.listPropertyContacts(123, { role: 'Buyer' })

    const { url } = onlyRequest(requests)
    expect(url.searchParams.get('api_token')).toBe(TOKEN)
    expect(url.searchParams.get('role')).toBe('Buyer')
  })

  it('never appears in an error, even when the server echoes it', async () => {
    const { client } = stubApi(
      () =>
        errorResponse(404, {
          message: `No route for /v1/properties/1?api_token=${encodeURIComponent(TOKEN)} (${TOKEN})`,
        }),
      { apiKey: TOKEN },
    )

    const error = await rejectionOf(client.properties.retrieveProperty(1))

    expect(error).toBeInstanceOf(NotFoundError)
    expect((error as NotFoundError).endpoint).toBe('/properties/1')
    expect((error as NotFoundError).message).toBe(
      'No route for /v1/properties/1?api_token=*** (***)',
    )
    expect(everythingIn(error)).not.toContain(TOKEN)
    expect(everythingIn(error)).not.toContain(encodeURIComponent(TOKEN))
  })

  it('never appears in a NetworkError, whose cause could quote the URL', async () => {
    const { client } = stubApi(
      (request) => Promise.reject(new TypeError(`Failed to parse URL from ${request.url.href}`)),
      { apiKey: TOKEN },
    )

    const error = await rejectionOf(client.properties.listProperties())

    expect(error).toBeInstanceOf(NetworkError)
    expect((error as NetworkError).cause).toBeUndefined()
    expect(everythingIn(error)).not.toContain(TOKEN)
    expect(everythingIn(error)).not.toContain(encodeURIComponent(TOKEN))
  })

  it('is not sent when absent', async () => {
    const { client, requests } = stubApi(() => jsonResponse([]))

    await client.contacts.listContacts()

    expect(onlyRequest(requests).url.searchParams.has('api_token')).toBe(false)
  })
})

describe('baseUrl', () => {
  it('resolves a relative base against the page location', async () => {
    const { requests, client } = stubApi(() => jsonResponse([]))

    await client.contacts.listContacts()

    expect(onlyRequest(requests).url.href).toBe('http://localhost:3000/api/v1/contacts')
  })

  it('takes an absolute base, with or without a trailing slash', async () => {
    for (const baseUrl of ['https://api.example.test/v1', 'https://api.example.test/v1/']) {
      const { requests, client } = stubApi(() => jsonResponse([]), { baseUrl })

      await client.contacts.listContacts({ search: 'ada' })

      expect(onlyRequest(requests).url.href).toBe('https://api.example.test/v1/contacts?search=ada')
    }
  })

  it('refuses a relative base where there is no page to resolve it against', () => {
    vi.stubGlobal('location', undefined)
    try {
      expect(() => new OpenToCloseAPI({ baseUrl: '/api/v1' })).toThrow(
        /baseUrl "\/api\/v1" is relative and there is no page location/,
      )
      expect(() => new OpenToCloseAPI({ baseUrl: 'https://api.example.test/v1' })).not.toThrow()
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('uses the global fetch by default, looked up at call time', async () => {
    const stub = vi.fn(() => Promise.resolve(jsonResponse([])))
    const client = new OpenToCloseAPI({ baseUrl: 'https://api.example.test/v1' })
    vi.stubGlobal('fetch', stub)
    try {
      await client.contacts.listContacts()
    } finally {
      vi.unstubAllGlobals()
    }

    expect(stub).toHaveBeenCalledTimes(1)
  })
})
