import { useId, useRef } from 'react'
import { useFieldArray, type UseFormReturn } from 'react-hook-form'
import type { PropertyContact } from '../../../api'
import {
  emptyRow,
  isOnlyRowOfRole,
  type SectionInfo,
  type SetupFormValues,
} from '../setup-form-schema'
import { SetupRowFields } from './setup-row-fields'

interface PartySectionProps {
  section: SectionInfo
  form: UseFormReturn<SetupFormValues>
  /** Undefined until it is read. */
  roster: readonly PropertyContact[] | undefined
  disabled: boolean
}

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
            const roleChoice = section.name === 'agents' ? 'Listing Agent' : ''
            const newRow = emptyRow(roleChoice)
            // A role's only row is its primary (a party without a role yet: once chosen).
            newRow.primary = isOnlyRowOfRole(form.getValues(), section, newRow)
            // To the new row's Contact field, where filling it starts (React Hook Form
            // would otherwise focus whichever of its fields registered first).
            append(newRow, { focusName: `${section.name}.${fields.length}.contact` })
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
