import { useId, useRef, useState, type KeyboardEvent } from 'react'
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
  const hintId = useId()
  // What the last keyboard move did, for screen readers ("Seller 2 is now Seller 1").
  const [moved, setMoved] = useState('')
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

  /**
   * Alt+↑ / Alt+↓ anywhere in a row moves it (the buttons are out of the tab order):
   * in capture, so the row's combobox or select does not open on it. Focus stays on
   * the control it was on, which moves with its row.
   */
  const moveByKey = (event: KeyboardEvent<HTMLElement>, index: number) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || disabled) return
    const to = event.key === 'ArrowUp' ? index - 1 : event.key === 'ArrowDown' ? index + 1 : null
    if (to === null) return
    event.preventDefault()
    event.stopPropagation()
    if (to < 0 || to >= fields.length) {
      setMoved(`${labelOf(index)} is already ${to < 0 ? 'first' : 'last'}.`)
      return
    }
    const focused = document.activeElement
    move(index, to)
    setMoved(`${labelOf(index)} is now ${labelOf(to)}.`)
    requestAnimationFrame(() => {
      if (
        focused instanceof HTMLElement &&
        focused.isConnected &&
        document.activeElement !== focused
      ) {
        focused.focus()
      }
    })
  }

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
        <p id={hintId} className="setup-reorder-hint">
          To reorder, press <kbd>Alt</kbd>+<kbd>↑</kbd> or <kbd>Alt</kbd>+<kbd>↓</kbd> in a row.
        </p>
      )}
      <p className="visually-hidden" role="status">
        {moved}
      </p>
      {fields.length > 0 && (
        <ol className="setup-rows">
          {fields.map((field, index) => {
            const label = `${section.rowLabel} ${index + 1}`
            return (
              <li key={field.id} className="setup-row-item">
                <div
                  className="setup-row"
                  role="group"
                  aria-label={label}
                  aria-describedby={hintId}
                  onKeyDownCapture={(event) => {
                    moveByKey(event, index)
                  }}
                >
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
                      // Out of the tab order: Alt+↑ in the row does the same.
                      tabIndex={-1}
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
                      tabIndex={-1}
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
