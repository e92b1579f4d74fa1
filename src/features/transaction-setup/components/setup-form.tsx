import type { UseFormReturn } from 'react-hook-form'
import { Link } from 'wouter'
import type { PropertyContact } from '../../../api'
import { SECTIONS, type SetupFormValues } from '../setup-form-schema'
import { PartySection } from './party-section'
import { paths } from '../../../config/paths'

interface SetupFormProps {
  propertyId: number
  form: UseFormReturn<SetupFormValues>
  /** Undefined until it is read: the pickers mark who is linked once it is. */
  roster: readonly PropertyContact[] | undefined
  /** The plan is being made: the form is read-only meanwhile. */
  planning: boolean
  /** Why the last review did not happen (an empty form, the roster unreadable). */
  error: string | null
  /** Called with the values once they pass the form's rules. */
  onReview: (values: SetupFormValues) => Promise<void>
}

/** The edit step: one section per kind of party, then Cancel or Review plan. */
export function SetupForm({ propertyId, form, roster, planning, error, onReview }: SetupFormProps) {
  return (
    <form
      noValidate
      className="setup-form"
      aria-label="Transaction setup"
      onSubmit={(event) => void form.handleSubmit(onReview)(event)}
    >
      {error && (
        <div role="alert" className="callout callout-error">
          <p>{error}</p>
        </div>
      )}
      {SECTIONS.map((section) => (
        <PartySection
          key={section.name}
          section={section}
          form={form}
          roster={roster}
          disabled={planning}
        />
      ))}
      <div className="setup-actions">
        <Link href={paths.property.href(propertyId)} className="button">
          Cancel
        </Link>
        <button type="submit" className="button button-primary" disabled={planning}>
          {planning ? 'Reading the roster…' : 'Review plan'}
        </button>
      </div>
    </form>
  )
}
