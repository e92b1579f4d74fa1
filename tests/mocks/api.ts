// Plain fetch against the mock backend (MSW intercepts it in the test process), so these
// tests do not depend on the typed client.
export const API = 'http://localhost:3000/api/v1'

export interface ApiResult<T> {
  status: number
  body: T
  headers: Headers
}

interface CallOptions {
  /** Sent as-is instead of JSON-encoding `body` (for malformed-JSON tests). */
  raw?: string
}

export async function api<T = unknown>(
  method: string,
  path: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<ApiResult<T>> {
  const init: RequestInit = { method }
  if (options.raw !== undefined || body !== undefined) {
    init.headers = { 'content-type': 'application/json' }
    init.body = options.raw ?? JSON.stringify(body)
  }
  const response = await fetch(`${API}${path}`, init)
  const text = await response.text()
  return {
    status: response.status,
    body: (text === '' ? undefined : JSON.parse(text)) as T,
    headers: response.headers,
  }
}

export interface ErrorBody {
  message: string
  errors?: Record<string, string[]>
}

export const LINK_KEYS = [
  'contact',
  'contact_id',
  'created',
  'id',
  'notes',
  'primary',
  'property_id',
  'role',
  'start_date',
  'updated',
]
export const CONTACT_KEYS = [
  'company',
  'created',
  'email',
  'first_name',
  'id',
  'last_name',
  'phone',
]
export const PROPERTY_KEYS = [
  'address',
  'city',
  'client_type',
  'closing_date',
  'created',
  'id',
  'purchase_amount',
  'state',
  'status',
  'title',
  'zip',
]

export function keysOf(value: object): string[] {
  return Object.keys(value).sort()
}
