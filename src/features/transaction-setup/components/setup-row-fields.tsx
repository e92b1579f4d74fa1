import { useId } from 'react'
import { Controller, useWatch, type UseFormReturn } from 'react-hook-form'
import { STANDARD_ROLES, type PropertyContact } from '../../../api'
import { ContactCombobox } from '../../../components/contact-combobox'
import {
  AGENT_ROLES,
  OTHER_ROLE,
  type SectionInfo,
  type SetupFormValues,
} from '../setup-form-schema'

const OTHER_PARTY_ROLES = STANDARD_ROLES.filter(
  (role) => !['Seller', 'Buyer', ...AGENT_ROLES].includes(role),
)

/** No links known yet: the picker marks nobody as linked until the roster is read. */
const NO_LINKS: readonly PropertyContact[] = []

interface SetupRowFieldsProps {
  section: SectionInfo
  form: UseFormReturn<SetupFormValues>
  index: number
  /** Undefined until it is read. */
  roster: readonly PropertyContact[] | undefined
  disabled: boolean
}

/** One row's fields: the contact, its role (unless the section fixes it), primary. */
export function SetupRowFields({ section, form, index, roster, disabled }: SetupRowFieldsProps) {
  const id = useId()
  const name = section.name
  const roleChoice = useWatch({ control: form.control, name: `${name}.${index}.roleChoice` })
  const errors = form.formState.errors[name]?.[index]
  const roleOptions = name === 'agents' ? AGENT_ROLES : OTHER_PARTY_ROLES

  return (
    <div className="setup-row-fields">
      <Controller
        control={form.control}
        name={`${name}.${index}.contact`}
        render={({ field, fieldState }) => (
          <ContactCombobox
            roster={roster ?? NO_LINKS}
            allowLinked
            selected={field.value}
            onSelect={field.onChange}
            inputRef={field.ref}
            error={fieldState.error?.message}
            disabled={disabled}
          />
        )}
      />
      {!section.fixedRole && (
        <div className="field">
          <label htmlFor={`${id}-role`} className="field-label">
            Role
          </label>
          <select
            id={`${id}-role`}
            className="input"
            disabled={disabled}
            aria-invalid={!!errors?.roleChoice}
            aria-describedby={errors?.roleChoice ? `${id}-role-error` : undefined}
            {...form.register(`${name}.${index}.roleChoice`)}
          >
            {name === 'others' && <option value="">Choose a role…</option>}
            {roleOptions.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
            {name === 'others' && <option value={OTHER_ROLE}>Other…</option>}
          </select>
          {errors?.roleChoice?.message && (
            <p id={`${id}-role-error`} className="field-error">
              {errors.roleChoice.message}
            </p>
          )}
        </div>
      )}
      {roleChoice === OTHER_ROLE && (
        <div className="field">
          <label htmlFor={`${id}-other`} className="field-label">
            Other role
          </label>
          <input
            id={`${id}-other`}
            className="input"
            autoComplete="off"
            disabled={disabled}
            aria-invalid={!!errors?.otherRole}
            aria-describedby={errors?.otherRole ? `${id}-other-error` : undefined}
            {...form.register(`${name}.${index}.otherRole`)}
          />
          {errors?.otherRole?.message && (
            <p id={`${id}-other-error`} className="field-error">
              {errors.otherRole.message}
            </p>
          )}
        </div>
      )}
      <div className="field setup-primary">
        <div className="field-checkbox">
          <input
            id={`${id}-primary`}
            type="checkbox"
            disabled={disabled}
            aria-invalid={!!errors?.primary}
            aria-describedby={errors?.primary ? `${id}-primary-error` : undefined}
            {...form.register(`${name}.${index}.primary`)}
          />
          <label htmlFor={`${id}-primary`}>Primary</label>
        </div>
        {errors?.primary?.message && (
          <p id={`${id}-primary-error`} className="field-error">
            {errors.primary.message}
          </p>
        )}
      </div>
    </div>
  )
}
