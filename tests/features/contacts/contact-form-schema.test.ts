import { describe, expect, it } from 'vitest'
import type { Contact } from '../../../src/api'
import {
  ContactFormSchema,
  contactFormValues,
  toCreatePayload,
  toUpdatePatch,
} from '../../../src/features/contacts/contact-form-schema'

const dana: Contact = {
  id: 9,
  first_name: 'Dana',
  last_name: 'Whitfield',
  email: 'dana@exmaple.com',
  phone: '(480) 555-0101',
  company: null,
  created: '2026-01-01T00:00:00.000Z',
}

describe('the contact form', () => {
  it('creates with trimmed values and leaves empty optional fields out', () => {
    expect(
      toCreatePayload({
        first_name: ' Zed ',
        last_name: 'Newman',
        email: '',
        phone: ' 602 555 0199 ',
        company: '  ',
      }),
    ).toEqual({ first_name: 'Zed', last_name: 'Newman', phone: '602 555 0199' })
  })

  it('updates only what changed, and clears an emptied optional field', () => {
    const values = { ...contactFormValues(dana), email: 'dana@example.com', phone: '' }
    expect(toUpdatePatch(dana, values)).toEqual({ email: 'dana@example.com', phone: null })
    expect(toUpdatePatch(dana, { ...contactFormValues(dana), first_name: ' Dana ' })).toEqual({})
  })

  it('refuses what the API refuses, on each field', () => {
    const result = ContactFormSchema.safeParse({
      first_name: ' ',
      last_name: '',
      email: 'dana at example',
      phone: '',
      company: 'x'.repeat(201),
    })
    expect(result.success).toBe(false)
    const messages = Object.fromEntries(
      (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]),
    )
    expect(messages).toEqual({
      first_name: 'Enter a first name',
      last_name: 'Enter a last name',
      email: 'Enter a valid email address',
      company: 'Must be at most 200 characters',
    })
  })
})
