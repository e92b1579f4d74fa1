// Shared plumbing of the route handlers: error bodies, path ids, JSON bodies, paging.
import { HttpResponse, type JsonBodyType } from 'msw'
import { PageParamsSchema, fieldErrorsOf } from '../../api/schemas.ts'

export type FieldErrors = Record<string, string[]>
type PathParam = string | readonly string[] | undefined

export function json(body: JsonBodyType, status = 200): Response {
  return HttpResponse.json(body, { status })
}

/** Every error body is `{message, errors?}`, as the contract says. */
export function fail(status: number, message: string, errors?: FieldErrors): Response {
  return json(errors ? { message, errors } : { message }, status)
}

export function invalid(errors: FieldErrors, message = 'The given data was invalid.'): Response {
  return fail(400, message, errors)
}

/** A path id is a positive integer written in digits; anything else names nothing (404). */
export function parsePathId(value: PathParam): number | null {
  if (typeof value !== 'string' || !/^\d+$/.test(value)) return null
  const id = Number(value)
  return Number.isSafeInteger(id) && id > 0 ? id : null
}

export function describeParam(value: PathParam): string {
  return typeof value === 'string' ? value : String(value)
}

/** The body as a JSON object, or the 400 to answer instead. */
export async function readJsonObject(
  request: Request,
): Promise<Record<string, unknown> | Response> {
  let body: unknown
  try {
    body = JSON.parse(await request.text())
  } catch {
    return fail(400, 'Request body must be valid JSON.')
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return fail(400, 'Request body must be a JSON object.')
  }
  return body as Record<string, unknown>
}

export interface Page {
  limit?: number
  offset: number
}

/**
 * `limit` (1..1000) and `offset` (≥ 0) from the query. An absent or empty limit means
 * "all rows"; anything else out of range is a 400 rather than silently clamped.
 */
export function readPage(url: URL, errors: FieldErrors): Page {
  const input: Record<string, number> = {}
  for (const name of ['limit', 'offset'] as const) {
    const raw = url.searchParams.get(name)?.trim()
    if (raw === undefined || raw === '') continue
    if (!/^-?\d+$/.test(raw)) (errors[name] ??= []).push(`${name} must be a whole number`)
    else input[name] = Number(raw)
  }
  const parsed = PageParamsSchema.safeParse(input)
  if (!parsed.success) Object.assign(errors, fieldErrorsOf(parsed.error.issues))
  return { limit: parsed.data?.limit, offset: parsed.data?.offset ?? 0 }
}

export function paginate<T>(rows: readonly T[], page: Page): T[] {
  return rows.slice(page.offset, page.limit === undefined ? undefined : page.offset + page.limit)
}

/** The `search` query parameter, trimmed and lower-cased; '' means "no filter". */
export function readSearch(url: URL): string {
  return (url.searchParams.get('search') ?? '').trim().toLowerCase()
}
