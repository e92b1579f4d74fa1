import { useId } from 'react'
import { Controller, type UseFormReturn } from 'react-hook-form'
import { STANDARD_ROLES, type PropertyContact } from '../../../api'
import { ContactCombobox } from '../../../components/contact-combobox'
import { RolePicker } from '../../../components/role-picker'
import { AGENT_ROLES, type SectionInfo, type SetupFormValues } from '../setup-form-schema'

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
  const errors = form.formState.errors[name]?.[index]
  // Agents pick one of the two agent roles; other parties any other role, or type one.
  const others = name === 'others'

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
        <RolePicker
          control={form.control}
          register={form.register}
          choiceName={`${name}.${index}.roleChoice`}
          otherName={`${name}.${index}.otherRole`}
          roles={others ? OTHER_PARTY_ROLES : AGENT_ROLES}
          emptyLabel={others ? 'Choose a role…' : undefined}
          offerOther={others}
          choiceError={errors?.roleChoice}
          otherError={errors?.otherRole}
          disabled={disabled}
        />
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
