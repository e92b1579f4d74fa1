import type { UseFormReturn } from 'react-hook-form'
import { ValidationError } from '../../api'
import { CONTACT_FIELDS, isContactField, type ContactFormValues } from './contact-form-schema'

/**
 * Puts a 400's per-field errors on their fields (focus on the first, in the form's
 * order) and returns what fits no field; null when every error found its field, or
 * undefined when `error` is not a per-field refusal. Never touches what was typed.
 */
export function applyContactErrors(
  error: unknown,
  form: UseFormReturn<ContactFormValues>,
): string | null | undefined {
  if (!(error instanceof ValidationError) || Object.keys(error.errors).length === 0) {
    return undefined
  }
  const leftover: string[] = []
  const onFields = Object.entries(error.errors).flatMap(([field, messages]) => {
    if (isContactField(field)) return [[field, messages.join(' ')] as const]
    leftover.push(messages.join(' '))
    return []
  })
  onFields.sort(([a], [b]) => CONTACT_FIELDS.indexOf(a) - CONTACT_FIELDS.indexOf(b))
  onFields.forEach(([field, message], index) => {
    form.setError(field, { type: 'server', message }, { shouldFocus: index === 0 })
  })
  return leftover.length > 0 ? leftover.join(' ') : null
}
