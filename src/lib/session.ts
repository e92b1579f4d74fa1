// Who is signed in, as the production server says (GET /auth/session,
// src/server/auth/middleware.ts). The mock servers have no sign-in: there the answer
// is not this JSON, and nobody is shown.
import { queryOptions } from '@tanstack/react-query'
import * as z from 'zod/mini'

const SessionSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** `proxy`: an identity-aware proxy signed them in, and signs them out. */
  via: z.enum(['session', 'proxy']),
})

export type Session = z.infer<typeof SessionSchema>

async function fetchSession(): Promise<Session | null> {
  try {
    const response = await fetch('/auth/session', {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    })
    if (!response.ok) return null
    const parsed = SessionSchema.safeParse(await response.json())
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export const sessionQuery = queryOptions({
  queryKey: ['auth', 'session'],
  queryFn: fetchSession,
  staleTime: Infinity,
  retry: false,
})
