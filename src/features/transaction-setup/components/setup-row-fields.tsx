import { useEffect, useId, useRef } from 'react'
import { Controller, useWatch, type UseFormReturn } from 'react-hook-form'
import { STANDARD_ROLES, type PropertyContact } from '../../../api'
import { ContactCombobox } from '../../../components/contact-combobox'
import { RolePicker } from '../../../components/role-picker'
import {
  AGENT_ROLES,
  isOnlyRowOfRole,
  rowRole,
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

/**
 * When the row's role changes (a party's role chosen, an agent's switched), and the
 * user has not set Primary on this row themselves: primary if it is now the only row
 * of its role, else not (so "Primary only" does not hide a lone Lender, and two
 * Listing Agents do not both start primary).
 */
function usePrimaryByRole(
  section: SectionInfo,
  form: UseFormReturn<SetupFormValues>,
  index: number,
) {
  const name = section.name
  const [roleChoice, otherRole] = useWatch({
    control: form.control,
    name: [`${name}.${index}.roleChoice`, `${name}.${index}.otherRole`],
  })
  const role = rowRole(section, { contact: null, roleChoice, otherRole, primary: false })
  const previous = useRef(role)
  const touchedRef = useRef(false)
  useEffect(() => {
    if (previous.current === role) return
    previous.current = role
    if (touchedRef.current || section.fixedRole) return
    const values = form.getValues()
    const row = values[name][index]
    if (!row) return
    const primary = isOnlyRowOfRole(values, section, row, index)
    if (row.primary !== primary)
      form.setValue(`${name}.${index}.primary`, primary, { shouldDirty: true })
  }, [role, section, form, name, index])
  /** Call when the user set Primary themselves. */
  return () => {
    touchedRef.current = true
  }
}

/** One row's fields: the contact, its role (unless the section fixes it), primary. */
export function SetupRowFields({ section, form, index, roster, disabled }: SetupRowFieldsProps) {
  const id = useId()
  const name = section.name
  const errors = form.formState.errors[name]?.[index]
  // Agents pick one of the two agent roles; other parties any other role, or type one.
  const others = name === 'others'
  // Once the user ticked or unticked Primary, a role change leaves it as they set it.
  const markPrimarySet = usePrimaryByRole(section, form, index)

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
            {...form.register(`${name}.${index}.primary`, {
              onChange: markPrimarySet,
            })}
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
