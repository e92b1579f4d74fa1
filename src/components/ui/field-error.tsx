import type { FieldError as RhfFieldError } from 'react-hook-form'

/** Joins the ids of the descriptions that apply, for aria-describedby. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const present = ids.filter((value): value is string => !!value)
  return present.length > 0 ? present.join(' ') : undefined
}

/** A field's error, tied to the field through its id (see describedBy). */
export function FieldError({ id, error }: { id: string; error: RhfFieldError | undefined }) {
  if (!error?.message) return null
  return (
    <p id={id} className="field-error">
      {error.message}
    </p>
  )
}
