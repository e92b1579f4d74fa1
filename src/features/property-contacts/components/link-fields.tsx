import { useId } from 'react'
import { useWatch, type UseFormReturn } from 'react-hook-form'
import {
  NOTES_MAX,
  STANDARD_ROLES,
  characterCount,
  chosenRole,
  type PropertyContact,
} from '../../../api'
import { RolePicker } from '../../../components/role-picker'
import type { LinkFormValues } from '../link-form-schema'
import { primaryOf } from '../role-groups'
import { FieldError, describedBy } from '../../../components/ui/field-error'
import { formatCount, fullName } from '../../../lib/format'

interface LinkFieldsProps {
  form: UseFormReturn<LinkFormValues>
  roster: readonly PropertyContact[]
  /** "No role" is offered only when editing a link that has none. */
  allowNoRole: boolean
  /**
   * Offered when the link will demote a primary: the choice to take them off the deal
   * too, in the same action (the link form only).
   */
  removeDemoted?: { checked: boolean; onChange: (checked: boolean) => void }
}

/** Role, primary, start date and notes: the fields shared by the link and edit forms. */
export function LinkFields({ form, roster, allowNoRole, removeDemoted }: LinkFieldsProps) {
  const id = useId()
  const { register, control, formState } = form
  const { errors } = formState
  const [contactId, roleChoice, otherRole, primary, notes] = useWatch({
    control,
    name: ['contact_id', 'roleChoice', 'otherRole', 'primary', 'notes'],
  })
  const role = chosenRole(roleChoice, otherRole)
  // Counted as the notes limit counts (code points): an emoji is one character.
  const notesLength = characterCount(notes)
  const currentPrimary = primaryOf(roster, role, contactId ?? undefined)

  const ids = {
    primary: `${id}-primary`,
    startDate: `${id}-start`,
    notes: `${id}-notes`,
    remove: `${id}-remove`,
  }

  return (
    <>
      <div className="form-row">
        <RolePicker
          control={control}
          register={register}
          choiceName="roleChoice"
          otherName="otherRole"
          roles={STANDARD_ROLES}
          emptyLabel={allowNoRole ? 'No role' : 'Choose a role…'}
          offerOther
          choiceError={errors.roleChoice}
          otherError={errors.otherRole}
        />
      </div>

      <div className="field field-checkbox-block">
        <div className="field-checkbox">
          <input
            id={ids.primary}
            type="checkbox"
            aria-invalid={!!errors.primary}
            aria-describedby={describedBy(
              currentPrimary && `${ids.primary}-hint`,
              errors.primary && `${ids.primary}-error`,
            )}
            {...register('primary')}
          />
          <label htmlFor={ids.primary}>Primary contact for this role</label>
        </div>
        {currentPrimary && (
          <p
            id={`${ids.primary}-hint`}
            className={primary ? 'field-hint field-warning' : 'field-hint'}
          >
            {primary
              ? `${fullName(currentPrimary.contact)} is the primary ${role} now and will no longer be primary.`
              : `${fullName(currentPrimary.contact)} is the primary ${role} now.`}
          </p>
        )}
        <FieldError id={`${ids.primary}-error`} error={errors.primary} />
        {removeDemoted && currentPrimary && primary && (
          <div className="field-checkbox">
            <input
              id={ids.remove}
              type="checkbox"
              checked={removeDemoted.checked}
              onChange={(event) => {
                removeDemoted.onChange(event.target.checked)
              }}
            />
            <label htmlFor={ids.remove}>
              and remove {fullName(currentPrimary.contact)} from this deal
            </label>
          </div>
        )}
      </div>

      <div className="field">
        <label htmlFor={ids.startDate} className="field-label">
          Start date <span className="optional">(optional)</span>
        </label>
        <input
          id={ids.startDate}
          type="date"
          className="input input-date"
          aria-invalid={!!errors.start_date}
          aria-describedby={describedBy(errors.start_date && `${ids.startDate}-error`)}
          {...register('start_date')}
        />
        <FieldError id={`${ids.startDate}-error`} error={errors.start_date} />
      </div>

      <div className="field">
        <label htmlFor={ids.notes} className="field-label">
          Notes <span className="optional">(optional)</span>
        </label>
        <textarea
          id={ids.notes}
          className="input textarea"
          rows={3}
          aria-invalid={!!errors.notes}
          aria-describedby={describedBy(`${ids.notes}-count`, errors.notes && `${ids.notes}-error`)}
          {...register('notes')}
        />
        <p
          id={`${ids.notes}-count`}
          className={notesLength > NOTES_MAX ? 'field-hint field-over' : 'field-hint'}
        >
          {formatCount(notesLength)} / {formatCount(NOTES_MAX)} characters
        </p>
        <FieldError id={`${ids.notes}-error`} error={errors.notes} />
      </div>
    </>
  )
}
