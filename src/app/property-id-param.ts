import * as z from 'zod/mini'

// A URL segment is external input: only a positive whole number is a property id.
const PropertyIdParamSchema = z.pipe(
  z.string().check(z.regex(/^[1-9]\d{0,14}$/)),
  z.transform(Number),
)

export function parsePropertyIdParam(value: string | undefined): number | null {
  const parsed = PropertyIdParamSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}
