import { useId, useRef } from 'react'
import { Controller, useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form'
import { STANDARD_ROLES, type PropertyContact } from '../../../api'
import { ContactCombobox } from '../../../components/contact-combobox'
import {
  AGENT_ROLES,
  emptyRow,
  OTHER_ROLE,
  type SectionInfo,
  type SetupFormValues,
} from '../setup-form-schema'

interface PartySectionProps {
  section: SectionInfo
  form: UseFormReturn<SetupFormValues>
  roster: readonly PropertyContact[]
  disabled: boolean
}

const OTHER_PARTY_ROLES = STANDARD_ROLES.filter(
  (role) => !['Seller', 'Buyer', ...AGENT_ROLES].includes(role),
)

/** One section of the setup form: a reorderable list of contact rows. */
export function PartySection({ section, form, roster, disabled }: PartySectionProps) {
  const headingId = useId()
  const { fields, append, remove, move } = useFieldArray({
    control: form.control,
    name: section.name,
  })
  const sectionRef = useRef<HTMLElement>(null)
  const addRef = useRef<HTMLButtonElement>(null)

  /**
   * Keeps keyboard focus in the list when a row's button goes away or is disabled:
   * after the next render, the first of `labels` that exists and is enabled.
   */
  const focusAfterRender = (labels: string[]) => {
    requestAnimationFrame(() => {
      for (const label of labels) {
        const button = sectionRef.current?.querySelector<HTMLButtonElement>(
          `button[aria-label="${label}"]`,
        )
        if (button && !button.disabled) {
          button.focus()
          return
        }
      }
      addRef.current?.focus()
    })
  }
  const labelOf = (index: number) => `${section.rowLabel} ${index + 1}`

  return (
    <section className="setup-section" aria-labelledby={headingId} ref={sectionRef}>
      <div className="setup-section-header">
        <h2 id={headingId}>
          {section.title} <span className="heading-count">({fields.length})</span>
        </h2>
        <button
          ref={addRef}
          type="button"
          className="button button-small"
          disabled={disabled}
          onClick={() => {
            append(
              emptyRow(
                section.name === 'agents' ? 'Listing Agent' : '',
                fields.length === 0 && section.fixedRole !== null,
              ),
            )
          }}
        >
          {section.addLabel}
        </button>
      </div>
      {fields.length === 0 ? (
        <p className="setup-empty">No {section.title.toLowerCase()} in this setup.</p>
      ) : (
        <ol className="setup-rows">
          {fields.map((field, index) => {
            const label = `${section.rowLabel} ${index + 1}`
            return (
              <li key={field.id} className="setup-row-item">
                <div className="setup-row" role="group" aria-label={label}>
                  <span className="setup-row-number" aria-hidden="true">
                    {index + 1}
                  </span>
                  <SetupRowFields
                    section={section}
                    form={form}
                    index={index}
                    roster={roster}
                    disabled={disabled}
                  />
                  <div className="setup-row-actions">
                    <button
                      type="button"
                      className="button button-small button-icon"
                      aria-label={`Move ${label} up`}
                      disabled={disabled || index === 0}
                      onClick={() => {
                        move(index, index - 1)
                        // Stay on the moved row; at the top, "up" is disabled.
                        focusAfterRender([
                          `Move ${labelOf(index - 1)} up`,
                          `Move ${labelOf(index - 1)} down`,
                        ])
                      }}
                    >
                      <span aria-hidden="true">↑</span>
                    </button>
                    <button
                      type="button"
                      className="button button-small button-icon"
                      aria-label={`Move ${label} down`}
                      disabled={disabled || index === fields.length - 1}
                      onClick={() => {
                        move(index, index + 1)
                        focusAfterRender([
                          `Move ${labelOf(index + 1)} down`,
                          `Move ${labelOf(index + 1)} up`,
                        ])
                      }}
                    >
                      <span aria-hidden="true">↓</span>
                    </button>
                    <button
                      type="button"
                      className="button button-small button-quiet-danger"
                      aria-label={`Remove ${label}`}
                      disabled={disabled}
                      onClick={() => {
                        remove(index)
                        // The next row (now at this number), else the one before, else "Add".
                        focusAfterRender([
                          `Remove ${labelOf(index)}`,
                          `Remove ${labelOf(index - 1)}`,
                        ])
                      }}
                    >
                      Remove
                    </button>
                  </div>
                </div>
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}

interface SetupRowFieldsProps {
  section: SectionInfo
  form: UseFormReturn<SetupFormValues>
  index: number
  roster: readonly PropertyContact[]
  disabled: boolean
}

function SetupRowFields({ section, form, index, roster, disabled }: SetupRowFieldsProps) {
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
            roster={roster}
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
