// Checks that run before any request: a bad id or body is the caller's bug or the
// user's typo, and is cheaper and clearer to report here than as a server 404/400.
import * as z from 'zod/mini'
import { ValidationError } from './errors'
import type { HttpMethod, QueryParams } from './http'
import { IdInputSchema, fieldErrorsOf } from './schemas'

/**
 * An id as callers hold it: a number, or a string of digits (route params arrive
 * as strings). Either way it must denote a positive safe integer.
 */
export type IdLike = number | string

interface Where {
  method: HttpMethod
  endpoint: string
}

function refuse(issues: readonly z.core.$ZodIssue[], where: Where): never {
  const errors = fieldErrorsOf(issues)
  const fields = Object.entries(errors)
  const summary = fields
    .slice(0, 2)
    .map(([field, messages]) => `${field}: ${messages.join(', ')}`)
    .join('; ')
  const more = fields.length > 2 ? ` (and ${fields.length - 2} more)` : ''
  throw new ValidationError(`Not sent: ${summary || 'invalid input'}${more}`, errors, {
    ...where,
    status: 0,
  })
}

/** The id as a number, or a ValidationError keyed by `name` (e.g. `propertyId`). */
export function checkId(value: IdLike, name: string, where: Where): number {
  const result = z.safeParse(IdInputSchema, value)
  if (!result.success) {
    throw new ValidationError(
      `Not sent: ${name} must be a positive whole number, not ${JSON.stringify(String(value)).slice(0, 40)}.`,
      { [name]: ['Must be a positive whole number'] },
      { ...where, status: 0 },
    )
  }
  return result.data
}

/** The parsed (trimmed, stripped of unknown keys) body to send. */
export function checkBody<S extends z.ZodMiniType>(
  schema: S,
  body: unknown,
  where: Where,
): z.output<S> {
  const result = z.safeParse(schema, body)
  if (!result.success) refuse(result.error.issues, where)
  return result.data
}

/** Query parameters as the URL builder takes them; undefined ones are dropped later. */
export function checkParams(
  schema: z.ZodMiniType<Record<string, unknown>>,
  params: unknown,
  where: Where,
): QueryParams {
  const result = z.safeParse(schema, params ?? {})
  if (!result.success) refuse(result.error.issues, where)
  const query: QueryParams = {}
  for (const [name, value] of Object.entries(result.data)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      query[name] = value
    }
  }
  return query
}
