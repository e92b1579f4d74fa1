import { useId, useMemo, useState } from 'react'
import type { PropertyContact } from '../../../api'
import { contactRow } from '../contact-row'
import { describeUnreachable, MAILTO_LIMIT, planMailto, type RecipientField } from '../mailto'

interface EmailPanelProps {
  id: string
  links: readonly PropertyContact[]
  /** Copies the addresses, comma-separated, for a To or Bcc field. */
  onCopy: () => void
}

const FIELD_LABEL: Record<RecipientField, string> = { to: 'To', bcc: 'Bcc' }

/** Opens the mail app addressed to the contacts shown, in To or Bcc; or says why it cannot. */
export function EmailPanel({ id, links, onCopy }: EmailPanelProps) {
  const name = useId()
  const [field, setField] = useState<RecipientField>('to')
  const rows = useMemo(() => links.map(contactRow), [links])
  const plan = useMemo(() => planMailto(rows, field), [rows, field])
  const missing = describeUnreachable(plan.unreachable)
  const count = plan.addresses.length
  const addresses = `${count} ${count === 1 ? 'address' : 'addresses'}`
  return (
    <div id={id} className="reach-panel" role="region" aria-label="Email the contacts">
      <fieldset className="reach-fields">
        <legend className="field-label">Put the addresses in</legend>
        {(['to', 'bcc'] as const).map((value) => (
          <label key={value} className="field-checkbox">
            <input
              type="radio"
              name={name}
              value={value}
              checked={field === value}
              onChange={() => {
                setField(value)
              }}
            />
            {value === 'to' ? 'To (everyone sees everyone)' : 'Bcc (no one sees the others)'}
          </label>
        ))}
      </fieldset>
      {count === 0 ? (
        <p>No one shown has an email address.</p>
      ) : plan.href ? (
        <p className="reach-panel-actions">
          <a className="button button-primary button-small" href={plan.href}>
            Open email to {addresses}
          </a>
          <button type="button" className="button button-small" onClick={onCopy}>
            Copy for a {FIELD_LABEL[field]} field
          </button>
        </p>
      ) : (
        <div className="callout callout-warning">
          <p>
            {addresses} make a link longer than a mail app takes (
            {plan.length.toLocaleString('en-US')} characters, the limit is about{' '}
            {MAILTO_LIMIT.toLocaleString('en-US')}). Copy them, and paste them into the{' '}
            {FIELD_LABEL[field]} field.
          </p>
          <button type="button" className="button button-small" onClick={onCopy}>
            Copy {addresses}
          </button>
        </div>
      )}
      {missing && <p className="field-hint">{missing}</p>}
    </div>
  )
}
