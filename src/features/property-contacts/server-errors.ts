import type { UseFormReturn } from 'react-hook-form'
import { ConflictError, ValidationError } from '../../api'
import { errorMessage } from '../../lib/error-message'
import { OTHER_ROLE, type LinkFormValues } from './link-form-schema'

type FieldName = keyof LinkFormValues

/** The fields top to bottom, as the form shows them. */
const FIELD_ORDER: readonly FieldName[] = [
  'contact_id',
  'roleChoice',
  'otherRole',
  'primary',
  'start_date',
  'notes',
]

/**
 * Puts a server refusal where the user will see it: per-field 400 errors on their
 * fields, a 409 on the contact; anything else is returned for the form's alert.
 * Never touches the values the user typed.
 */
export function applyServerError(
  error: unknown,
  form: UseFormReturn<LinkFormValues>,
  describeConflict: () => string | undefined,
): string | null {
  if (error instanceof ConflictError) {
    form.setError(
      'contact_id',
      { type: 'server', message: describeConflict() ?? error.message },
      { shouldFocus: true },
    )
    return null
  }
  if (error instanceof ValidationError && Object.keys(error.errors).length > 0) {
    const leftover: string[] = []
    const targets: [FieldName, string][] = []
    for (const [field, messages] of Object.entries(error.errors)) {
      const target = fieldFor(field, form.getValues('roleChoice'))
      const message = messages.join(' ')
      if (target) targets.push([target, message])
      else leftover.push(message)
    }
    // Focus the first field in the form's order, not in the order the server listed them.
    targets.sort(([a], [b]) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b))
    targets.forEach(([target, message], index) => {
      form.setError(target, { type: 'server', message }, { shouldFocus: index === 0 })
    })
    return leftover.length > 0 ? leftover.join(' ') : null
  }
  return errorMessage(error)
}

function fieldFor(apiField: string, roleChoice: string): FieldName | null {
  switch (apiField) {
    case 'contact_id':
      return 'contact_id'
    case 'role':
      return roleChoice === OTHER_ROLE ? 'otherRole' : 'roleChoice'
    case 'primary':
    case 'start_date':
    case 'notes':
      return apiField
    default:
      return null
  }
}
