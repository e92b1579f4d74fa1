import { useId } from 'react'
import {
  useWatch,
  type Control,
  type FieldError,
  type FieldPath,
  type FieldValues,
  type UseFormRegister,
} from 'react-hook-form'
import { OTHER_ROLE } from '../api'
import { FieldError as FieldErrorText } from './ui/field-error'

interface RolePickerProps<T extends FieldValues> {
  control: Control<T>
  register: UseFormRegister<T>
  /** The select's field (a role, '' or OTHER_ROLE) and the "Other role" text's field. */
  choiceName: FieldPath<T>
  otherName: FieldPath<T>
  /** The roles offered, in order. */
  roles: readonly string[]
  /** The label of the '' option ("Choose a role…", "No role"); none when undefined. */
  emptyLabel?: string
  /** Whether "Other…" is offered, which shows the "Other role" text field. */
  offerOther: boolean
  choiceError: FieldError | undefined
  otherError: FieldError | undefined
  disabled?: boolean
}

/**
 * The role select and, once "Other…" is chosen, the "Other role" text field: two
 * `.field`s, each with its label and its error tied to it (aria-describedby). Both
 * are registered, so a form focuses the first invalid one on submit. The role they
 * mean is `chosenRole(choice, other)`.
 */
export function RolePicker<T extends FieldValues>({
  control,
  register,
  choiceName,
  otherName,
  roles,
  emptyLabel,
  offerOther,
  choiceError,
  otherError,
  disabled,
}: RolePickerProps<T>) {
  const id = useId()
  const choice: unknown = useWatch({ control, name: choiceName })
  const ids = { role: `${id}-role`, other: `${id}-other` }

  return (
    <>
      <div className="field">
        <label htmlFor={ids.role} className="field-label">
          Role
        </label>
        <select
          id={ids.role}
          className="input"
          disabled={disabled}
          aria-invalid={!!choiceError}
          aria-describedby={choiceError ? `${ids.role}-error` : undefined}
          {...register(choiceName)}
        >
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {roles.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
          {offerOther && <option value={OTHER_ROLE}>Other…</option>}
        </select>
        <FieldErrorText id={`${ids.role}-error`} error={choiceError} />
      </div>
      {choice === OTHER_ROLE && (
        <div className="field">
          <label htmlFor={ids.other} className="field-label">
            Other role
          </label>
          <input
            id={ids.other}
            className="input"
            autoComplete="off"
            disabled={disabled}
            aria-invalid={!!otherError}
            aria-describedby={otherError ? `${ids.other}-error` : undefined}
            {...register(otherName)}
          />
          <FieldErrorText id={`${ids.other}-error`} error={otherError} />
        </div>
      )}
    </>
  )
}
