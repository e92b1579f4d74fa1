import { useSignedIn } from '../lib/session'

/**
 * "Signed in as Dana Lee · Sign out", when the server signed this browser in. Signing
 * out is a form post, so it works without script too (and needs a same-origin Origin,
 * which the browser sends).
 */
export function SignedInAs() {
  const session = useSignedIn()
  if (!session) return null
  return (
    <div className="signed-in">
      <span>Signed in as {session.name}</span>
      {session.via === 'session' && (
        <form method="post" action="/sign-out">
          <button type="submit" className="button-link">
            Sign out
          </button>
        </form>
      )}
    </div>
  )
}
