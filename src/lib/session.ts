// Who is signed in, as the production server wrote it in the readable `roster-who`
// cookie (src/server/auth/middleware.ts) on the page's load: no request at start, so
// a server-rendered page still hydrates without one. The session itself is in an
// HttpOnly cookie that script never sees. The mock servers have no sign-in and write
// no such cookie: nobody is shown.
import { useSyncExternalStore } from 'react'
import * as z from 'zod/mini'

const WHO_COOKIE = 'roster-who'

const SignedInSchema = z.lazy(() =>
  z.object({
    name: z.string(),
    /** `proxy`: an identity-aware proxy signed them in, and signs them out. */
    via: z.enum(['session', 'proxy']),
  }),
)

export type SignedIn = z.infer<typeof SignedInSchema>

let lastCookies: string | undefined
let lastValue: SignedIn | null = null

/** The cookie's value, parsed; the same object while document.cookie is unchanged. */
function readSignedIn(): SignedIn | null {
  const cookies = document.cookie
  if (cookies === lastCookies) return lastValue
  lastCookies = cookies
  const raw = cookies
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${WHO_COOKIE}=`))
    ?.slice(WHO_COOKIE.length + 1)
  lastValue = null
  if (raw !== undefined) {
    try {
      const parsed = SignedInSchema.safeParse(JSON.parse(decodeURIComponent(raw)))
      if (parsed.success) lastValue = parsed.data
    } catch {
      lastValue = null
    }
  }
  return lastValue
}

const noSubscription = () => () => undefined

/** Null on the server and while hydrating (the page was rendered without it). */
export function useSignedIn(): SignedIn | null {
  return useSyncExternalStore(noSubscription, readSignedIn, () => null)
}
