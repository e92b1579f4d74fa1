import type { PropertyContact } from '../../../api'
import { fullName } from '../../../lib/format'
import { useReachAction } from './reach-toolbar'

/** "Copy" on one roster entry: the contact's name, role, company, email and phone. */
export function CopyContactButton({ link }: { link: PropertyContact }) {
  const run = useReachAction()
  return (
    <button
      type="button"
      className="button button-small"
      aria-label={`Copy the details of ${fullName(link.contact)}`}
      onClick={() => {
        run((actions) => actions.copyContact(link))
      }}
    >
      Copy
    </button>
  )
}
