import * as z from 'zod/mini'
import {
  ContactCreateSchema,
  type Contact,
  type ContactCreate,
  type ContactUpdate,
} from '../../api'
import type { ContactDraft } from './duplicates'

/** What the contact form's inputs hold: text, empty when not given. */
export interface ContactFormValues {
  first_name: string
  last_name: string
  email: string
  phone: string
  company: string
}

export const CONTACT_FIELDS = ['first_name', 'last_name', 'email', 'phone', 'company'] as const
export type ContactField = (typeof CONTACT_FIELDS)[number]

export function isContactField(name: string): name is ContactField {
  return (CONTACT_FIELDS as readonly string[]).includes(name)
}

/** The create request for the form's values: trimmed, empty optional fields left out. */
export function toCreatePayload(values: ContactFormValues): ContactCreate {
  const payload: ContactCreate = {
    first_name: values.first_name.trim(),
    last_name: values.last_name.trim(),
  }
  for (const field of ['email', 'phone', 'company'] as const) {
    const value = values[field].trim()
    if (value !== '') payload[field] = value
  }
  return payload
}

/** The form's values for an existing contact. */
export function contactFormValues(contact: Contact): ContactFormValues {
  return {
    first_name: contact.first_name,
    last_name: contact.last_name,
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    company: contact.company ?? '',
  }
}

/** Only what changed from `contact`: an emptied optional field is cleared (null). */
export function toUpdatePatch(contact: Contact, values: ContactFormValues): ContactUpdate {
  const before = contactFormValues(contact)
  const patch: ContactUpdate = {}
  for (const field of CONTACT_FIELDS) {
    const value = values[field].trim()
    if (value === before[field].trim()) continue
    if (field === 'first_name' || field === 'last_name') patch[field] = value
    else patch[field] = value === '' ? null : value
  }
  return patch
}

export function toDraft(values: ContactFormValues): ContactDraft {
  return {
    first_name: values.first_name,
    last_name: values.last_name,
    email: values.email,
    phone: values.phone,
  }
}

/**
 * The form refuses exactly what the server would: its values are checked with the
 * API's own create schema, each problem on its field.
 */
export const ContactFormSchema = z
  .object({
    first_name: z.string(),
    last_name: z.string(),
    email: z.string(),
    phone: z.string(),
    company: z.string(),
  })
  .check(
    z.superRefine((values, ctx) => {
      const result = ContactCreateSchema.safeParse(toCreatePayload(values))
      if (result.success) return
      for (const issue of result.error.issues) {
        const field = issue.path[0]
        if (typeof field !== 'string' || !isContactField(field)) continue
        const message =
          issue.message === 'Required'
            ? `Enter a ${field === 'first_name' ? 'first' : 'last'} name`
            : issue.message
        ctx.addIssue({ code: 'custom', path: [field], message })
      }
    }),
  )
