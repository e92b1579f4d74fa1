// The single source of truth for the shapes Roster exchanges with the Open To Close
// Property Contacts API (see docs/contract.md). The client parses every response
// with these, the forms validate with them, and the mock backend stores what they
// describe. `zod/mini` keeps the read-only path small; jitless mode keeps zod from
// generating code with `new Function`, so a strict Content Security Policy holds.
import * as z from 'zod/mini'
import { RoleSchema } from './roles.ts'

z.config({ jitless: true })

// Every schema of this module is built on first use (z.lazy): building them all while
// the page's script is evaluated held the main thread for ~15 ms (about 60 ms on a
// phone's CPU) inside the one long task the page's start cannot split, although the
// first load parses only its own data (page-data.ts) and nothing else before a
// request or a form needs it. A lazy schema costs one indirection a parse.

// ---------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------

export const IdSchema = z.lazy(() =>
  z.int().check(z.positive({ error: 'Must be a positive whole number' })),
)

/** A body id may be an integer or a string of digits; anything else is refused. */
export const IdInputSchema = z.lazy(() =>
  z.pipe(
    z.union(
      [
        IdSchema,
        z.pipe(
          z.string().check(z.regex(/^\s*\d+\s*$/, { error: 'Must be a positive whole number' })),
          z.transform((value) => Number(value.trim())),
        ),
      ],
      { error: 'Must be a positive whole number' },
    ),
    IdSchema,
  ),
)

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True when `value` is a real calendar date written as YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const match = DATE_RE.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  )
}

export const CalendarDateSchema = z.lazy(() =>
  z.string().check(z.refine(isCalendarDate, { error: 'Enter a real date as YYYY-MM-DD' })),
)

// Role rules live in ./roles; re-exported for the modules that take them from here.
export { ROLE_MAX, RoleSchema } from './roles.ts'

/** At most this many characters in notes, counted as characterCount counts them. */
export const NOTES_MAX = 2000
export { characterCount } from './text.ts'

export const NotesSchema = z.lazy(() =>
  z
    .string()
    .check(z.maxLength(NOTES_MAX, { error: `Notes must be at most ${NOTES_MAX} characters` })),
)

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0')
}

/**
 * Timestamps arrive as ISO strings, unix seconds, or PHP-style objects such as
 * `{date: "2025-06-04 01:18:08.767548", timezone_type: 3, timezone: "UTC"}`.
 * All become ISO 8601 strings.
 */
export const TimestampSchema = z.lazy(() =>
  z.pipe(
    z.union([
      z.string().check(z.minLength(1)),
      z.number().check(z.nonnegative()),
      z.object({ date: z.string(), timezone: z.optional(z.string()) }),
    ]),
    z.transform((value, ctx) => {
      let date: Date
      if (typeof value === 'number') {
        date = new Date(value * 1000)
      } else if (typeof value === 'string') {
        // A date and time with no zone is read as UTC, as the PHP-style object is, so the
        // server and every browser read it alike (a link's version depends on it).
        const text = value.trim()
        const zoneless = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)
        date = new Date(
          zoneless ? `${text.replace(' ', 'T').replace(/(\.\d{3})\d+/, '$1')}Z` : value,
        )
      } else {
        const utc = !value.timezone || /^(UTC|Z|GMT|\+00:00)$/i.test(value.timezone)
        const iso = value.date
          .trim()
          .replace(' ', 'T')
          .replace(/(\.\d{3})\d+/, '$1')
        date = new Date(utc ? `${iso}Z` : iso)
      }
      if (Number.isNaN(date.getTime())) {
        ctx.issues.push({ code: 'custom', message: 'Not a valid timestamp', input: value })
        return z.NEVER
      }
      return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(
        date.getUTCHours(),
      )}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}Z`
    }),
  ),
)

/** Optional text that may also arrive as a number (phones normalised to digits). */
const LooseTextSchema = z.lazy(() =>
  z.nullish(
    z.pipe(
      z.union([z.string(), z.number()]),
      z.transform((v) => String(v)),
    ),
  ),
)

/** Accepts a bare payload or one wrapped as `{data: …}` (the live API does both). */
function enveloped<T extends z.ZodMiniType>(schema: T) {
  return z.pipe(
    z.transform((input: unknown) =>
      input !== null && typeof input === 'object' && !Array.isArray(input) && 'data' in input
        ? input.data
        : input,
    ),
    schema,
  )
}

// ---------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------

export const ContactSchema = z.lazy(() =>
  z.object({
    id: IdSchema,
    first_name: z.string(),
    last_name: z.string(),
    email: LooseTextSchema,
    phone: LooseTextSchema,
    company: LooseTextSchema,
    created: TimestampSchema,
  }),
)
export type Contact = z.output<typeof ContactSchema>

export const CLIENT_TYPES = ['Buyer', 'Seller', 'Dual'] as const
export const ClientTypeSchema = z.lazy(() => z.enum(CLIENT_TYPES))
export type ClientType = z.output<typeof ClientTypeSchema>

export const PropertySchema = z.lazy(() =>
  z.object({
    id: IdSchema,
    title: z.string(),
    address: z.nullish(z.string()),
    city: z.nullish(z.string()),
    state: z.nullish(z.string()),
    zip: LooseTextSchema,
    status: z.string(),
    client_type: ClientTypeSchema,
    purchase_amount: z.nullish(z.number()),
    closing_date: z.nullish(CalendarDateSchema),
    created: TimestampSchema,
  }),
)
export type Property = z.output<typeof PropertySchema>

/** A property contact as the contract documents it. */
const DocumentedPropertyContactSchema = z.lazy(() =>
  z.object({
    id: IdSchema,
    property_id: IdSchema,
    contact_id: IdSchema,
    role: z.nullable(z.string()),
    primary: z.boolean(),
    start_date: z.nullish(CalendarDateSchema),
    notes: z.nullish(z.string()),
    created: TimestampSchema,
    updated: z.optional(TimestampSchema),
    contact: ContactSchema,
  }),
)

/**
 * A property contact as the live API is known to send it: no contact_id, role or
 * primary; the contact id comes from the nested contact, the role is unknown.
 * Only when those fields are truly absent: a documented link with one bad field
 * must fail loudly, not fall back to this shape and silently lose its role.
 */
const LivePropertyContactSchema = z.lazy(() =>
  z.object({
    id: IdSchema,
    created: TimestampSchema,
    property: z.optional(z.object({ id: IdSchema })),
    property_id: z.optional(IdSchema),
    contact_id: z.optional(z.never()),
    role: z.optional(z.never()),
    primary: z.optional(z.never()),
    contact: ContactSchema,
  }),
)

export const PropertyContactSchema = z.lazy(() =>
  z.pipe(
    z.union([DocumentedPropertyContactSchema, LivePropertyContactSchema]),
    z.transform((link) => {
      if (link.contact_id !== undefined) {
        return {
          id: link.id,
          property_id: link.property_id,
          contact_id: link.contact_id,
          role: link.role,
          primary: link.primary,
          start_date: link.start_date ?? null,
          notes: link.notes ?? null,
          created: link.created,
          updated: link.updated ?? link.created,
          contact: link.contact,
        }
      }
      return {
        id: link.id,
        property_id: link.property_id ?? link.property?.id ?? 0,
        contact_id: link.contact.id,
        role: null,
        primary: false,
        start_date: null,
        notes: null,
        created: link.created,
        updated: link.created,
        contact: link.contact,
      }
    }),
  ),
)
export type PropertyContact = z.output<typeof PropertyContactSchema>

export const DeletedPropertyContactSchema = z.lazy(() =>
  z.object({
    deleted: z.literal(true),
    property_id: IdInputSchema,
    contact_id: IdInputSchema,
  }),
)
export type DeletedPropertyContact = z.output<typeof DeletedPropertyContactSchema>

// Response schemas: tolerate the `{data: …}` envelope the live API sometimes uses.
export const PropertyResponseSchema = z.lazy(() => enveloped(PropertySchema))
export const PropertyListResponseSchema = z.lazy(() => enveloped(z.array(PropertySchema)))
export const ContactResponseSchema = z.lazy(() => enveloped(ContactSchema))
export const ContactListResponseSchema = z.lazy(() => enveloped(z.array(ContactSchema)))
export const PropertyContactResponseSchema = z.lazy(() => enveloped(PropertyContactSchema))
export const PropertyContactListResponseSchema = z.lazy(() =>
  enveloped(z.array(PropertyContactSchema)),
)
export const DeletedPropertyContactResponseSchema = z.lazy(() =>
  enveloped(DeletedPropertyContactSchema),
)

/**
 * An answer to a write that says it was done without sending the record:
 * `{"success": true}`, or `{"data": {"id": …}}` with nothing but the new id. Only
 * these exact shapes: a record with one bad field must still fail loudly, not pass
 * for an acknowledgement. (An empty body and a 204 are acknowledgements too.)
 */
export const WriteAcknowledgementSchema = z.lazy(() =>
  z.union([
    z.object({ success: z.literal(true) }),
    z.object({ data: z.strictObject({ id: IdInputSchema }) }),
  ]),
)

export const ApiErrorBodySchema = z.lazy(() =>
  z.object({
    message: z.string(),
    errors: z.optional(z.record(z.string(), z.array(z.string()))),
  }),
)
export type ApiErrorBody = z.output<typeof ApiErrorBodySchema>

// ---------------------------------------------------------------------------
// Inputs (request bodies and query parameters)
// ---------------------------------------------------------------------------

export const LIMIT_MAX = 1000

/** The paging parameters every list takes (limit, offset). */
const pageParams = () =>
  z.object({
    limit: z.optional(
      z
        .int()
        .check(
          z.gte(1, { error: 'limit must be at least 1' }),
          z.lte(LIMIT_MAX, { error: `limit must be at most ${LIMIT_MAX}` }),
        ),
    ),
    offset: z.optional(z.int().check(z.nonnegative({ error: 'offset cannot be negative' }))),
  })

export const PageParamsSchema = z.lazy(pageParams)

export const SearchParamsSchema = z.lazy(() =>
  z.extend(pageParams(), {
    search: z.optional(z.string()),
  }),
)
export type ListPropertiesParams = z.input<typeof SearchParamsSchema>
export type ListContactsParams = z.input<typeof SearchParamsSchema>

export const ListPropertyContactsParamsSchema = z.lazy(() =>
  z.extend(pageParams(), {
    role: z.optional(z.string()),
    primary: z.optional(z.boolean()),
  }),
)
export type ListPropertyContactsParams = z.input<typeof ListPropertyContactsParamsSchema>

/** The editable fields of a link, shared by create, update and the forms. */
const linkFields = () => ({
  role: z.optional(z.nullable(RoleSchema)),
  primary: z.optional(z.boolean({ error: 'primary must be true or false' })),
  start_date: z.optional(z.nullable(CalendarDateSchema)),
  notes: z.optional(z.nullable(NotesSchema)),
})

export const PropertyContactCreateSchema = z.lazy(() =>
  z.object({
    contact_id: IdInputSchema,
    ...linkFields(),
  }),
)
export type PropertyContactCreate = z.input<typeof PropertyContactCreateSchema>

export const PropertyContactUpdateSchema = z.lazy(() => z.object(linkFields()))
export type PropertyContactUpdate = z.input<typeof PropertyContactUpdateSchema>

const nameSchema = () =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'Required' }),
      z.maxLength(100, { error: 'Must be at most 100 characters' }),
    )

/** A contact's own fields: create requires the names, an update any subset of them. */
const contactFields = () => ({
  first_name: nameSchema(),
  last_name: nameSchema(),
  email: z.optional(z.nullable(z.email({ error: 'Enter a valid email address' }))),
  phone: z.optional(
    z.nullable(z.string().check(z.maxLength(40, { error: 'Must be at most 40 characters' }))),
  ),
  company: z.optional(
    z.nullable(z.string().check(z.maxLength(200, { error: 'Must be at most 200 characters' }))),
  ),
})

export const ContactCreateSchema = z.lazy(() => z.object(contactFields()))
export type ContactCreate = z.input<typeof ContactCreateSchema>

/**
 * `PUT /contacts/{id}` (Roster's extension, docs/contract.md Part 2): a partial update,
 * each field refused as create refuses it; `null` clears email, phone or company.
 */
export const ContactUpdateSchema = z.lazy(() => {
  const fields = contactFields()
  return z.object({
    first_name: z.optional(fields.first_name),
    last_name: z.optional(fields.last_name),
    email: fields.email,
    phone: fields.phone,
    company: fields.company,
  })
})
export type ContactUpdate = z.input<typeof ContactUpdateSchema>

/** Turns zod issues into the API's `errors` shape: field name to messages. */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  for (const issue of issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '_'
    ;(errors[field] ??= []).push(issue.message)
  }
  return errors
}
