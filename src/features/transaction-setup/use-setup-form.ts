import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect } from 'react'
import { useForm } from 'react-hook-form'
import {
  fieldsToRecheck,
  SECTIONS,
  SetupFormSchema,
  type SetupFormValues,
} from './setup-form-schema'

/**
 * The setup form. `focusFirstField` is true when the form shows again after the
 * review: focus then goes to its first field, where editing starts. `initial`: the
 * rows it starts with (setup-prefill.ts).
 */
export function useSetupForm(focusFirstField: boolean, initial: SetupFormValues) {
  const form = useForm<SetupFormValues>({
    resolver: zodResolver(SetupFormSchema),
    defaultValues: initial,
  })

  useEffect(() => {
    if (!focusFirstField) return
    const first = SECTIONS.find((section) => form.getValues(section.name).length > 0)
    if (first) form.setFocus(`${first.name}.0.contact`)
  }, [focusFirstField, form])

  // Once the form was submitted, every change re-checks the messages it may have
  // made stale on other rows ("Seller is primary at Seller 1 and Seller 2").
  const { isSubmitted } = form.formState
  useEffect(() => {
    if (!isSubmitted) return
    return form.subscribe({
      formState: { values: true },
      callback: () => {
        const paths = fieldsToRecheck(form.getValues(), (path) => form.getFieldState(path).invalid)
        if (paths.length > 0) void form.trigger(paths)
      },
    })
  }, [form, isSubmitted])

  return form
}
