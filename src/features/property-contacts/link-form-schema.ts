import * as z from 'zod/mini'
import {
  CalendarDateSchema,
  IdSchema,
  NotesSchema,
  OTHER_ROLE,
  STANDARD_ROLES,
  canonicalRole,
  chosenRole,
  roleChoiceProblem,
  roleKey,
  type PropertyContact,
  type PropertyContactCreate,
  type PropertyContactUpdate,
} from '../../api'

// The role picker's "Other…" value, from the role rules (re-exported for the form's callers).
export { OTHER_ROLE }

// The form's own shape (what the inputs hold), validated with the API's field
// schemas so the form refuses exactly what the server would.
const roleFields = {
  roleChoice: z.string(),
  otherRole: z.string(),
  primary: z.boolean(),
  start_date: z.union([z.literal(''), CalendarDateSchema], {
    error: 'Enter a real date as YYYY-MM-DD',
  }),
  notes: NotesSchema,
}

type RoleFieldValues = z.output<z.ZodMiniObject<typeof roleFields>>

function checkRole(roleRequired: boolean) {
  return z.superRefine((values: RoleFieldValues, ctx) => {
    if (values.roleChoice === '' && !roleRequired) {
      if (values.primary) {
        ctx.addIssue({
          code: 'custom',
          path: ['primary'],
          message: 'Choose a role to make this contact primary',
        })
      }
      return
    }
    const problem = roleChoiceProblem(values.roleChoice, values.otherRole)
    if (problem !== null) {
      ctx.addIssue({
        code: 'custom',
        path: [problem.field === 'choice' ? 'roleChoice' : 'otherRole'],
        message: problem.message,
      })
    }
  })
}

export const LinkFormSchema = z
  .object({
    contact_id: z.nullable(IdSchema),
    ...roleFields,
  })
  .check(
    z.refine((values) => values.contact_id !== null, {
      path: ['contact_id'],
      error: 'Choose a contact',
    }),
    checkRole(true),
  )
export type LinkFormValues = z.output<typeof LinkFormSchema>

/** The edit form holds the same values; the contact is fixed and the role may stay empty. */
export function editFormSchema(roleRequired: boolean) {
  return z
    .object({ contact_id: z.nullable(IdSchema), ...roleFields })
    .check(checkRole(roleRequired))
}
export type EditLinkValues = LinkFormValues

export const EMPTY_LINK_FORM: LinkFormValues = {
  contact_id: null,
  roleChoice: '',
  otherRole: '',
  primary: false,
  start_date: '',
  notes: '',
}

export function roleChoiceFor(
  role: string | null,
): Pick<RoleFieldValues, 'roleChoice' | 'otherRole'> {
  if (role === null || roleKey(role) === '') return { roleChoice: '', otherRole: '' }
  const canonical = canonicalRole(role)
  return (STANDARD_ROLES as readonly string[]).includes(canonical)
    ? { roleChoice: canonical, otherRole: '' }
    : { roleChoice: OTHER_ROLE, otherRole: role }
}

export function editValuesFor(link: PropertyContact): EditLinkValues {
  return {
    contact_id: link.contact_id,
    ...roleChoiceFor(link.role),
    primary: link.primary,
    start_date: link.start_date ?? '',
    notes: link.notes ?? '',
  }
}

export function toCreatePayload(values: LinkFormValues): PropertyContactCreate {
  const role = chosenRole(values.roleChoice, values.otherRole)
  return {
    contact_id: values.contact_id ?? 0,
    role: role === '' ? null : role,
    primary: values.primary,
    start_date: values.start_date === '' ? null : values.start_date,
    notes: values.notes.trim() === '' ? null : values.notes,
  }
}

/** Only what changed, so a save never overwrites a field the user did not touch. */
export function toUpdatePatch(
  link: PropertyContact,
  values: EditLinkValues,
): PropertyContactUpdate {
  const role = chosenRole(values.roleChoice, values.otherRole)
  const next = {
    role: role === '' ? null : role,
    primary: values.primary,
    start_date: values.start_date === '' ? null : values.start_date,
    notes: values.notes.trim() === '' ? null : values.notes,
  }
  const patch: PropertyContactUpdate = {}
  if (next.role !== link.role) patch.role = next.role
  if (next.primary !== link.primary) patch.primary = next.primary
  if (next.start_date !== (link.start_date ?? null)) patch.start_date = next.start_date
  if (next.notes !== (link.notes ?? null)) patch.notes = next.notes
  return patch
}
