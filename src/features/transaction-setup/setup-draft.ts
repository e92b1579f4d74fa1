import { useEffect, useState } from 'react'
import type { UseFormReturn } from 'react-hook-form'
import * as z from 'zod/mini'
import { ContactSchema } from '../../api'
import type { SetupFormValues } from './setup-form-schema'

/**
 * The setup form's unsent draft, per property, in session storage (this tab only):
 * a reload or a slip off the page does not lose it. Read back through a schema, so a
 * draft from an older build or edited by hand is ignored rather than trusted.
 */
const StoredRowSchema = z.object({
  contact: z.nullable(ContactSchema),
  roleChoice: z.string(),
  otherRole: z.string(),
  primary: z.boolean(),
})
const rows = z.array(StoredRowSchema)
const StoredDraftSchema = z.object({
  version: z.literal(1),
  savedAt: z.number().check(z.nonnegative()),
  values: z.object({ sellers: rows, buyers: rows, agents: rows, others: rows }),
})

export interface SetupDraft {
  savedAt: number
  values: SetupFormValues
}

const keyOf = (propertyId: number) => `roster.setup-draft.${propertyId}`

/** The stored draft, or null when there is none or it does not pass the schema. */
export function readDraft(propertyId: number): SetupDraft | null {
  let text: string | null
  try {
    text = window.sessionStorage.getItem(keyOf(propertyId))
  } catch {
    return null // Storage blocked: there is no draft to offer.
  }
  if (text === null) return null
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return null
  }
  const parsed = StoredDraftSchema.safeParse(json)
  if (!parsed.success) return null
  return { savedAt: parsed.data.savedAt, values: parsed.data.values }
}

export function writeDraft(propertyId: number, values: SetupFormValues, now = Date.now()) {
  try {
    window.sessionStorage.setItem(
      keyOf(propertyId),
      JSON.stringify({ version: 1, savedAt: now, values }),
    )
  } catch {
    // Storage full or blocked: the leave warning still guards the draft.
  }
}

export function clearDraft(propertyId: number) {
  try {
    window.sessionStorage.removeItem(keyOf(propertyId))
  } catch {
    // Nothing stored that could be read back either.
  }
}

const sameValues = (a: SetupFormValues, b: SetupFormValues) =>
  JSON.stringify(a) === JSON.stringify(b)

/** "10:42": when a draft was saved, as the offer to restore it says. */
export function draftTime(savedAt: number): string {
  return new Intl.DateTimeFormat(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(savedAt)
}

/**
 * Keeps the form's draft stored while `saving`, and offers the one found on arrival.
 * While the offer is open nothing is saved, so starting to type does not overwrite
 * the draft before the user chose; Restore puts it in the form (as unsent changes),
 * Discard deletes it. `initial` is what the form started with: a draft that is just
 * that is no draft. A restored draft wins over it.
 */
export function useSetupDraft(
  propertyId: number,
  form: UseFormReturn<SetupFormValues>,
  saving: boolean,
  initial: SetupFormValues,
) {
  const [offer, setOffer] = useState<SetupDraft | null>(() => {
    const draft = readDraft(propertyId)
    return draft && !sameValues(draft.values, initial) ? draft : null
  })
  const active = saving && offer === null

  useEffect(() => {
    if (!active) return
    const save = (values: SetupFormValues) => {
      if (sameValues(values, initial)) clearDraft(propertyId)
      else writeDraft(propertyId, values)
    }
    save(form.getValues())
    return form.subscribe({
      formState: { values: true },
      callback: () => {
        save(form.getValues())
      },
    })
  }, [active, form, propertyId, initial])

  return {
    offer,
    restore: () => {
      if (!offer) return
      // Kept as changes from the empty form, so leaving still asks first.
      form.reset(offer.values, { keepDefaultValues: true })
      setOffer(null)
    },
    discard: () => {
      clearDraft(propertyId)
      setOffer(null)
    },
  }
}
