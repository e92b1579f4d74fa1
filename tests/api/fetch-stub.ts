// A fetch stub injected into the client, so these tests pin the client's own
// behaviour (requests sent, responses parsed) without the mock backend.
import { expect, vi } from 'vitest'
import { OpenToCloseAPI, type FetchLike, type OpenToCloseAPIOptions } from '../../src/api'

export interface SentRequest {
  url: URL
  method: string
  headers: Headers
  /** The JSON body, parsed back; undefined when none was sent. */
  body: unknown
  signal: AbortSignal | undefined
}

type Responder = (request: SentRequest) => Response | Promise<Response>

/** A client whose every request is recorded and answered by `respond`. */
export function stubApi(respond: Responder, options: Partial<OpenToCloseAPIOptions> = {}) {
  const requests: SentRequest[] = []
  const fetch = vi.fn<FetchLike>(async (input, init) => {
    const request: SentRequest = {
      url: new URL(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      signal: init.signal ?? undefined,
    }
    requests.push(request)
    return respond(request)
  })
  const client = new OpenToCloseAPI({ baseUrl: '/api/v1', fetch, ...options })
  return { client, fetch, requests }
}

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers)
  if (!headers.has('content-type')) headers.set('content-type', 'application/json')
  return new Response(JSON.stringify(body), { status: 200, ...init, headers })
}

export function errorResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return jsonResponse(body, { status, headers })
}

/** The one request a call sent. */
export function onlyRequest(requests: readonly SentRequest[]): SentRequest {
  expect(requests).toHaveLength(1)
  const [request] = requests
  if (!request) throw new Error('no request was sent')
  return request
}

/** What a call rejected with; fails the test when it resolved. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the call to fail, but it succeeded')
}

// ---------------------------------------------------------------------------
// Fixtures, in the documented shapes
// ---------------------------------------------------------------------------

export const CREATED = '2025-06-04T01:18:08.000Z'

export function contactJson(overrides: Record<string, unknown> = {}) {
  return {
    id: 456,
    first_name: 'Ada',
    last_name: 'Lovelace',
    email: 'ada@example.com',
    phone: '555-0100',
    company: null,
    created: CREATED,
    ...overrides,
  }
}

export function propertyJson(overrides: Record<string, unknown> = {}) {
  return {
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
    ...overrides,
  }
}

export function linkJson(overrides: Record<string, unknown> = {}) {
  return {
    id: 9001,
    property_id: 123,
    contact_id: 456,
    role: 'Buyer',
    primary: true,
    start_date: '2024-01-15',
    notes: 'Decision maker',
    created: CREATED,
    updated: CREATED,
    contact: contactJson(),
    ...overrides,
  }
}
