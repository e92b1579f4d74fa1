import {
  AuthenticationError,
  ConflictError,
  DataFormatError,
  MethodNotAllowedError,
  NetworkError,
  NotFoundError,
  OpenToCloseAPIError,
  RateLimitError,
  ServerError,
  ValidationError,
} from '../api'

/** One sentence a coordinator can act on, for any error the client can raise. */
export function errorMessage(error: unknown): string {
  if (error instanceof NetworkError) {
    return 'Could not reach the server. Check your connection and try again.'
  }
  if (error instanceof AuthenticationError) {
    return 'The server did not accept our credentials. Check the API token or sign in again.'
  }
  if (error instanceof RateLimitError) {
    return error.retryAfter != null
      ? `Too many requests. Try again in ${Math.ceil(error.retryAfter)} seconds.`
      : 'Too many requests. Wait a moment and try again.'
  }
  if (error instanceof ServerError) {
    return 'The server had a problem and could not finish. Try again in a moment.'
  }
  if (error instanceof DataFormatError) {
    return 'The server sent data Roster does not understand. Nothing was changed on screen.'
  }
  if (error instanceof MethodNotAllowedError) {
    return 'The server does not allow this operation.'
  }
  if (
    error instanceof ValidationError ||
    error instanceof ConflictError ||
    error instanceof NotFoundError ||
    error instanceof OpenToCloseAPIError
  ) {
    return error.message
  }
  return error instanceof Error ? error.message : 'Something went wrong.'
}

/**
 * What to say after a write whose outcome is unknown (see writeOutcomeUnknown), once
 * the roster has been read again — or could not be. Never "not saved", never a bare
 * "try again": the change may be on the server already.
 */
export function unconfirmedWriteMessage(what: string, refreshed: boolean): string {
  return refreshed
    ? `The server did not confirm ${what}. It may have been saved — the roster is refreshed; check it before trying again.`
    : `The server did not confirm ${what}. It may have been saved, but the roster could not be read again to check; reload the page before trying again.`
}
