// Error classes named as in the documented Python client, so a caller can branch on
// `instanceof` and show one clear sentence. Every error carries where it happened
// (`method`, `endpoint`: the path without query string, so never the api_token).

import type { PropertyContact } from './schemas'

export interface ErrorDetails {
  /** HTTP status; 0 when no response was received (network, timeout, local validation). */
  status?: number
  method?: string
  endpoint?: string
  cause?: unknown
}

export class OpenToCloseAPIError extends Error {
  override name = 'OpenToCloseAPIError'
  readonly status: number
  readonly method: string | undefined
  readonly endpoint: string | undefined

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.status = details.status ?? 0
    this.method = details.method
    this.endpoint = details.endpoint
  }
}

/** 400/422 from the server, or a request the client refused to send (status 0). */
export class ValidationError extends OpenToCloseAPIError {
  override name = 'ValidationError'
  /** Field name to messages, as the API's `errors` object; `_` for the whole input. */
  readonly errors: Record<string, string[]>

  constructor(message: string, errors: Record<string, string[]> = {}, details: ErrorDetails = {}) {
    super(message, details)
    this.errors = errors
  }
}

/** 401, or a web page (an expired session's login page) where JSON was expected. */
export class AuthenticationError extends OpenToCloseAPIError {
  override name = 'AuthenticationError'
}

export class NotFoundError extends OpenToCloseAPIError {
  override name = 'NotFoundError'
}

/** The live API is known to refuse PUT and DELETE on property contacts this way. */
export class MethodNotAllowedError extends OpenToCloseAPIError {
  override name = 'MethodNotAllowedError'
}

export class ConflictError extends OpenToCloseAPIError {
  override name = 'ConflictError'
}

/**
 * 412: the link is no longer the version the write started from (someone changed or
 * removed it meanwhile), so nothing was written. `current` is the link as it is now,
 * when the server sent it or the client read it; null when it is gone or unknown.
 */
export class PreconditionFailedError extends OpenToCloseAPIError {
  override name = 'PreconditionFailedError'
  readonly current: PropertyContact | null
  /** The server's answer as sent, for the resource to read `current` from. */
  readonly body: unknown

  constructor(
    message: string,
    current: PropertyContact | null,
    details: ErrorDetails = {},
    body?: unknown,
  ) {
    super(message, details)
    this.current = current
    this.body = body
  }
}

/**
 * The server answered for another link than the one addressed (another contact or
 * another property): nothing was written, and nothing should be. Status 0 when the
 * client found it before writing.
 */
export class WrongLinkError extends OpenToCloseAPIError {
  override name = 'WrongLinkError'
}

export class RateLimitError extends OpenToCloseAPIError {
  override name = 'RateLimitError'
  /** Seconds the server asked us to wait; undefined when it did not say. */
  readonly retryAfter: number | undefined

  constructor(message: string, retryAfter: number | undefined, details: ErrorDetails = {}) {
    super(message, details)
    this.retryAfter = retryAfter
  }
}

export class ServerError extends OpenToCloseAPIError {
  override name = 'ServerError'
}

/** No usable response: fetch rejected, or the client's own timeout fired. */
export class NetworkError extends OpenToCloseAPIError {
  override name = 'NetworkError'
  readonly timedOut: boolean

  constructor(message: string, timedOut: boolean, details: ErrorDetails = {}) {
    super(message, details)
    this.timedOut = timedOut
  }
}

/** A response that is not the JSON the contract describes (empty, not JSON, wrong shape). */
export class DataFormatError extends OpenToCloseAPIError {
  override name = 'DataFormatError'
}

const WRITE_METHODS: readonly (string | undefined)[] = ['POST', 'PUT', 'DELETE']

/**
 * Whether a failed write may have happened anyway, so that the caller must read the
 * server's state again before saying "not saved" or sending it again. True when no
 * answer said no: the network failed or timed out (the request may have arrived), the
 * server or the proxy in front of it failed (5xx: a 502 or 504 may come after the
 * upstream applied it), or a 2xx answer to a write could not be read. False when the
 * server refused it (any 4xx, a 429 included: a refused request is not applied), when
 * the client refused to send it (ValidationError, status 0), for an expired session's
 * login page (AuthenticationError: the session never reached the write), and for
 * anything the client did not raise.
 */
export function writeOutcomeUnknown(error: unknown): boolean {
  if (error instanceof NetworkError || error instanceof ServerError) return true
  // Only ever raised for a 2xx answer: the server said yes in words we cannot read.
  if (error instanceof DataFormatError) return WRITE_METHODS.includes(error.method)
  return false
}
