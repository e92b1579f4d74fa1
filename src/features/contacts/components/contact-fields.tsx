import { useId } from 'react'
import type { UseFormReturn } from 'react-hook-form'
import { FieldError, describedBy } from '../../../components/ui/field-error'
import type { ContactField, ContactFormValues } from '../contact-form-schema'

interface FieldSpec {
  name: ContactField
  label: string
  required: boolean
  type: 'text' | 'email' | 'tel'
  autoComplete: string
}

const FIELDS: readonly FieldSpec[] = [
  {
    name: 'first_name',
    label: 'First name',
    required: true,
    type: 'text',
    autoComplete: 'given-name',
  },
  {
    name: 'last_name',
    label: 'Last name',
    required: true,
    type: 'text',
    autoComplete: 'family-name',
  },
  { name: 'email', label: 'Email', required: false, type: 'email', autoComplete: 'email' },
  { name: 'phone', label: 'Phone', required: false, type: 'tel', autoComplete: 'tel' },
  {
    name: 'company',
    label: 'Company',
    required: false,
    type: 'text',
    autoComplete: 'organization',
  },
]

/** A contact's own details (the create and the edit form), errors tied to their fields. */
export function ContactFields({ form }: { form: UseFormReturn<ContactFormValues> }) {
  const id = useId()
  const { errors } = form.formState
  return (
    <div className="contact-fields">
      {FIELDS.map((field) => {
        const inputId = `${id}-${field.name}`
        const error = errors[field.name]
        return (
          <div className="field" key={field.name}>
            <label htmlFor={inputId} className="field-label">
              {field.label}
              {!field.required && (
                <>
                  {' '}
                  <span className="optional">(optional)</span>
                </>
              )}
            </label>
            <input
              id={inputId}
              className="input"
              type={field.type}
              autoComplete={field.autoComplete}
              // Not the browser's own check: the form's, with its messages, on submit.
              aria-required={field.required || undefined}
              aria-invalid={!!error}
              aria-describedby={describedBy(error && `${inputId}-error`)}
              {...form.register(field.name)}
            />
            <FieldError id={`${inputId}-error`} error={error} />
          </div>
        )
      })}
    </div>
  )
}
