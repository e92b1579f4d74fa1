import { describe, expect, it } from 'vitest'
import { fieldErrorsOf } from '../../../src/api/schemas'
import {
  EMPTY_LINK_FORM,
  LinkFormSchema,
  OTHER_ROLE,
  editFormSchema,
  editValuesFor,
  toCreatePayload,
  toUpdatePatch,
} from '../../../src/features/property-contacts/link-form-schema'
import type { PropertyContact } from '../../../src/api'

const link: PropertyContact = {
  id: 9,
  property_id: 1,
  contact_id: 42,
  role: 'Home Stager',
  primary: false,
  start_date: '2026-01-15',
  notes: null,
  created: '2026-11-01T00:00:00.000Z',
  updated: '2026-11-01T00:00:00.000Z',
  contact: {
    id: 42,
    first_name: 'Rosa',
    last_name: 'Diaz',
    email: null,
    phone: null,
    company: null,
    created: '2026-11-01T00:00:00.000Z',
  },
}

describe('the link form schema', () => {
  it('asks for a contact and a role', () => {
    const result = LinkFormSchema.safeParse(EMPTY_LINK_FORM)
    expect(result.success).toBe(false)
    expect(fieldErrorsOf(result.error?.issues ?? [])).toEqual({
      contact_id: ['Choose a contact'],
      roleChoice: ['Choose a role'],
    })
  })

  it('refuses what the server would refuse: bad date, long notes, long other role', () => {
    const result = LinkFormSchema.safeParse({
      ...EMPTY_LINK_FORM,
      contact_id: 3,
      roleChoice: OTHER_ROLE,
      otherRole: 'x'.repeat(101),
      start_date: '2026-02-30',
      notes: 'n'.repeat(2001),
    })
    expect(Object.keys(fieldErrorsOf(result.error?.issues ?? [])).sort()).toEqual([
      'notes',
      'otherRole',
      'start_date',
    ])
  })

  it('refuses a role that mixes alphabets or is blank once invisible characters are gone', () => {
    const errorsFor = (otherRole: string) =>
      fieldErrorsOf(
        LinkFormSchema.safeParse({
          ...EMPTY_LINK_FORM,
          contact_id: 3,
          roleChoice: OTHER_ROLE,
          otherRole,
        }).error?.issues ?? [],
      )
    expect(errorsFor('Bu\u0443er')).toEqual({
      otherRole: ['Role mixes letters from different alphabets (Latin and Cyrillic); retype it'],
    })
    expect(errorsFor('\u200b')).toEqual({ otherRole: ['Type the role'] })
    expect(errorsFor('\u{1F3E0}'.repeat(100))).toEqual({})
  })

  it('sends a typed role as stored: trimmed, format characters at the ends gone', () => {
    const values = LinkFormSchema.parse({
      ...EMPTY_LINK_FORM,
      contact_id: 3,
      roleChoice: OTHER_ROLE,
      otherRole: '\u200bHome Stager\ufeff ',
    })
    expect(toCreatePayload(values).role).toBe('Home Stager')
  })

  it('builds the create payload with the typed role and nulls for empty fields', () => {
    const values = LinkFormSchema.parse({
      ...EMPTY_LINK_FORM,
      contact_id: 3,
      roleChoice: OTHER_ROLE,
      otherRole: '  Home Stager ',
      primary: true,
    })
    expect(toCreatePayload(values)).toEqual({
      contact_id: 3,
      role: 'Home Stager',
      primary: true,
      start_date: null,
      notes: null,
    })
  })
})

describe('the edit form', () => {
  it('starts from the link, with an unknown role as "Other"', () => {
    expect(editValuesFor(link)).toMatchObject({ roleChoice: OTHER_ROLE, otherRole: 'Home Stager' })
  })

  it('sends only what changed', () => {
    const values = { ...editValuesFor(link), primary: true, notes: 'Needs keys' }
    expect(toUpdatePatch(link, values)).toEqual({ primary: true, notes: 'Needs keys' })
    expect(toUpdatePatch(link, editValuesFor(link))).toEqual({})
  })

  it('lets a role-less link stay role-less, but not be primary', () => {
    const schema = editFormSchema(false)
    const base = { ...editValuesFor({ ...link, role: null }) }
    expect(schema.safeParse(base).success).toBe(true)
    const primary = schema.safeParse({ ...base, primary: true })
    expect(fieldErrorsOf(primary.error?.issues ?? [])).toEqual({
      primary: ['Choose a role to make this contact primary'],
    })
  })
})
