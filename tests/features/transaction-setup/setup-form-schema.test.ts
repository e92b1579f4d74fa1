import { describe, expect, it } from 'vitest'
import { fieldErrorsOf, type Contact } from '../../../src/api'
import {
  OTHER_ROLE,
  SetupFormSchema,
  emptyRow,
  toSetupInput,
  type SetupFormValues,
  type SetupRow,
} from '../../../src/features/transaction-setup/setup-form-schema'

function contact(id: number): Contact {
  return {
    id,
    first_name: 'Test',
    last_name: `Person ${id}`,
    email: null,
    phone: null,
    company: null,
    created: '2026-11-01T00:00:00.000Z',
  }
}

function row(id: number, roleChoice: string, otherRole = '', primary = false): SetupRow {
  return { ...emptyRow(roleChoice, primary), contact: contact(id), otherRole }
}

/** A form whose sellers, buyers and agents are fine; `others` are the rows under test. */
function form(others: SetupRow[]): SetupFormValues {
  return {
    sellers: [row(1, '', '', true)],
    buyers: [row(2, '', '', true)],
    agents: [row(3, 'Listing Agent', '', true), row(4, 'Buyer Agent', '', true)],
    others,
  }
}

const errorsOf = (values: SetupFormValues) =>
  fieldErrorsOf(SetupFormSchema.safeParse(values).error?.issues ?? [])

describe('the setup form schema: roles', () => {
  it('refuses a typed role that mixes alphabets, on its Other role field', () => {
    expect(errorsOf(form([row(5, OTHER_ROLE, 'Bu\u0443er')]))).toEqual({
      'others.0.otherRole': [
        'Role mixes letters from different alphabets (Latin and Cyrillic); retype it',
      ],
    })
  })

  it('asks for the text of a role that is only invisible characters', () => {
    expect(errorsOf(form([row(5, OTHER_ROLE, '\u200b\u200d')]))).toEqual({
      'others.0.otherRole': ['Type the role'],
    })
  })

  it('limits a role to 100 characters, counting an emoji as one', () => {
    expect(errorsOf(form([row(5, OTHER_ROLE, '\u{1F3E0}'.repeat(100))]))).toEqual({})
    expect(errorsOf(form([row(5, OTHER_ROLE, '\u{1F3E0}'.repeat(101))]))).toEqual({
      'others.0.otherRole': ['Role must be at most 100 characters'],
    })
  })

  it('sees "Buyer\\u200b" and "İNSPECTOR" as Buyer and Inspector for one primary per role', () => {
    const errors = errorsOf(
      form([
        row(5, OTHER_ROLE, 'Buyer\u200b', true),
        row(6, 'Inspector', '', true),
        row(7, OTHER_ROLE, 'İNSPECTOR', true),
      ]),
    )
    expect(Object.keys(errors).sort()).toEqual([
      'buyers.0.primary',
      'others.0.primary',
      'others.1.primary',
      'others.2.primary',
    ])
  })

  it('sends a typed role as stored', () => {
    const input = toSetupInput(form([row(5, OTHER_ROLE, ' Home Warranty\u200b ')]))
    expect(input.others).toEqual([{ id: 5, role: 'Home Warranty', primary: false }])
  })
})
