// The request core: one place that builds URLs, applies the timeout, reads the body,
// maps HTTP failures to error classes and parses successes with zod. Resources only
// describe their endpoints.
import * as z from 'zod/mini'
import {
  AuthenticationError,
  ConflictError,
  DataFormatError,
  MethodNotAllowedError,
  NetworkError,
  NotFoundError,
  OpenToCloseAPIError,
  PreconditionFailedError,
  RateLimitError,
  ServerError,
  ValidationError,
  type ErrorDetails,
} from './errors'
import { retryAfterSeconds } from './retry'
import { ApiErrorBodySchema, WriteAcknowledgementSchema } from './schemas'

/** The part of `fetch` the client uses, so tests and Node scripts can inject one. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>

export interface RequestOptions {
  /** Aborting it rejects the call with the signal's reason (an AbortError by default). */
  signal?: AbortSignal
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'
export type QueryParams = Record<string, string | number | boolean | undefined>

export interface HttpConfig {
  baseUrl: URL
  fetch: FetchLike
  apiKey?: string
  timeoutMs?: number
}

export interface HttpCall<S extends z.ZodMiniType, A = never> {
  method: HttpMethod
  /** Path below the base URL, ids already checked; doubles as the error's `endpoint`. */
  path: string
  query?: QueryParams
  body?: unknown
  schema: S
  signal?: AbortSignal | undefined
  /** Request headers beyond Accept and Content-Type (conditional ones: If-Match). */
  headers?: Record<string, string> | undefined
  /**
   * For a write: the result that an acknowledgement without the record stands for —
   * a 204, a 2xx with an empty body, `{"success": true}` or `{"data": {"id": …}}`
   * (WriteAcknowledgementSchema). A body that `schema` parses is still preferred.
   * Without it, such answers are a DataFormatError, as they are for a read.
   */
  acknowledged?: () => A
}

export const HTML_INSTEAD_OF_DATA =
  'The server answered with a web page instead of data — the API token or session may have expired.'

const MAX_ISSUES_IN_MESSAGE = 3

export class HttpClient {
  constructor(private readonly config: HttpConfig) {}

  async request<S extends z.ZodMiniType, A = never>(
    call: HttpCall<S, A>,
  ): Promise<z.output<S> | A> {
    const where = { method: call.method, endpoint: call.path }
    const label = `${call.method} ${call.path}`
    const headers: Record<string, string> = { ...call.headers, Accept: 'application/json' }
    const init: RequestInit = { method: call.method, headers }
    if (call.body !== undefined) {
      headers['Content-Type'] = 'application/json'
      init.body = JSON.stringify(call.body)
    }

    const { response, text } = await this.exchange(this.urlFor(call), init, call.signal, where)
    const details: ErrorDetails = { ...where, status: response.status }

    if (!response.ok) throw this.errorFor(response, text, details)
    const { acknowledged } = call
    if (acknowledged && (response.status === 204 || text.trim() === '')) return acknowledged()
    const contentType = response.headers.get('content-type') ?? ''
    if (contentType.includes('text/html') || text.trimStart().startsWith('<')) {
      throw new AuthenticationError(HTML_INSTEAD_OF_DATA, details)
    }
    if (text.trim() === '') {
      throw new DataFormatError(`${label} answered with an empty body instead of data.`, details)
    }

    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw new DataFormatError(`${label} answered with something that is not JSON.`, details)
    }
    const result = z.safeParse(call.schema, json)
    if (!result.success && acknowledged && z.safeParse(WriteAcknowledgementSchema, json).success) {
      return acknowledged()
    }
    if (!result.success) {
      const problems = this.redact(describeIssues(result.error.issues))
      throw new DataFormatError(
        `${label} answered with data Roster did not expect: ${problems}`,
        details,
      )
    }
    return result.data
  }

  private urlFor(call: { path: string; query?: QueryParams }): string {
    const url = new URL(this.config.baseUrl.href)
    url.pathname = `${url.pathname.replace(/\/+$/, '')}${call.path}`
    for (const [name, value] of Object.entries(call.query ?? {})) {
      if (value !== undefined && value !== '') url.searchParams.set(name, String(value))
    }
    if (this.config.apiKey) url.searchParams.set('api_token', this.config.apiKey)
    return url.href
  }

  /**
   * Sends the request and reads the whole body under one deadline. Our own
   * controller lets the timeout abort the request without touching the caller's
   * signal, and lets us tell the two apart: a caller's abort is rethrown as is
   * (react-query treats an AbortError as cancellation), a timeout is a NetworkError.
   * Racing against the abort also covers an injected fetch that ignores signals.
   */
  private async exchange(
    url: string,
    init: RequestInit,
    callerSignal: AbortSignal | undefined,
    where: ErrorDetails,
  ): Promise<{ response: Response; text: string }> {
    callerSignal?.throwIfAborted()
    const controller = new AbortController()
    const forwardAbort = () => {
      controller.abort(callerSignal?.reason)
    }
    callerSignal?.addEventListener('abort', forwardAbort, { once: true })
    const { timeoutMs } = this.config
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            controller.abort(new DOMException('The request timed out.', 'TimeoutError'))
          }, timeoutMs)
    const aborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => {
        reject(controller.signal.reason as Error)
      })
    })
    aborted.catch(() => undefined) // only ever observed through the races below

    try {
      const response = await Promise.race([
        this.config.fetch(url, { ...init, signal: controller.signal }),
        aborted,
      ])
      const text = await Promise.race([response.text(), aborted])
      return { response, text }
    } catch (error) {
      if (callerSignal?.aborted) throw callerSignal.reason
      const label = `${where.method ?? ''} ${where.endpoint ?? ''}`
      // Only our timer aborts our controller when the caller's signal did not.
      if (controller.signal.aborted) {
        throw new NetworkError(`No answer from ${label} within ${timeoutMs ?? 0} ms.`, true, where)
      }
      const reason = error instanceof Error ? error.message : String(error)
      // With a token in the URL, the original error may quote that URL: keep only
      // the redacted message then.
      const cause = this.config.apiKey ? undefined : error
      throw new NetworkError(
        this.redact(`Could not reach the server for ${label}: ${reason}`),
        false,
        { ...where, cause },
      )
    } finally {
      clearTimeout(timer)
      callerSignal?.removeEventListener('abort', forwardAbort)
    }
  }

  private errorFor(response: Response, text: string, details: ErrorDetails): OpenToCloseAPIError {
    const status = response.status
    const body = parseErrorBody(text)
    const serverMessage = body?.message.trim() ?? ''
    const message = this.redact(serverMessage === '' ? defaultMessage(status) : serverMessage)
    if (status === 400 || status === 422) {
      const errors: Record<string, string[]> = {}
      for (const [field, messages] of Object.entries(body?.errors ?? {})) {
        errors[field] = messages.map((m) => this.redact(m))
      }
      return new ValidationError(message, errors, details)
    }
    if (status === 401) return new AuthenticationError(message, details)
    if (status === 404) return new NotFoundError(message, details)
    if (status === 405) return new MethodNotAllowedError(message, details)
    if (status === 409) return new ConflictError(message, details)
    if (status === 412) return new PreconditionFailedError(message, null, details, parseJson(text))
    if (status === 429)
      return new RateLimitError(message, retryAfterSeconds(response.headers), details)
    if (status >= 500) return new ServerError(message, details)
    return new OpenToCloseAPIError(message, details)
  }

  /** Belt and braces: whatever a server or runtime echoes, the token never leaves. */
  private redact(text: string): string {
    const { apiKey } = this.config
    if (!apiKey) return text
    return text.split(apiKey).join('***').split(encodeURIComponent(apiKey)).join('***')
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

function parseErrorBody(text: string) {
  try {
    const result = z.safeParse(ApiErrorBodySchema, JSON.parse(text))
    return result.success ? result.data : undefined
  } catch {
    return undefined
  }
}

function defaultMessage(status: number): string {
  switch (status) {
    case 400:
    case 422:
      return 'The server refused the request as invalid.'
    case 401:
      return 'The server did not accept the API token. Check it or sign in again.'
    case 403:
      return 'The API token is not allowed to do this.'
    case 404:
      return 'Not found: it may have been removed.'
    case 405:
      return 'The server does not allow this operation.'
    case 409:
      return 'This conflicts with data already on the server.'
    case 412:
      return 'This changed on the server since it was read.'
    case 429:
      return 'Too many requests. Wait a moment and try again.'
    default:
      return status >= 500
        ? `The server had a problem (HTTP ${status}). Try again in a moment.`
        : `The request failed with HTTP ${status}.`
  }
}

/**
 * The first few problems, each with where it is. A failed union (a link in neither
 * known shape) is explained by its closest option, which says more than "Invalid input".
 */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const flat = issues.flatMap((issue) => flattenIssue(issue, []))
  const shown = flat.slice(0, MAX_ISSUES_IN_MESSAGE).map(({ path, message }) => {
    return path.length > 0 ? `${message} at ${path.join('.')}` : message
  })
  const more = flat.length - shown.length
  return shown.join('; ') + (more > 0 ? ` (and ${more} more)` : '')
}

function flattenIssue(
  issue: z.core.$ZodIssue,
  prefix: PropertyKey[],
): { path: string[]; message: string }[] {
  const path = [...prefix, ...issue.path]
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const closest = issue.errors.reduce((best, option) =>
      option.length < best.length ? option : best,
    )
    if (closest.length > 0) return closest.flatMap((inner) => flattenIssue(inner, path))
  }
  // zod/mini ships no locale, so its own messages are a bare "Invalid input".
  const message = issue.code === 'invalid_type' ? `expected ${issue.expected}` : issue.message
  return [{ path: path.map(String), message }]
}
