// Long content on the roster (issue 14, item 11): a long note shows three lines with
// "Show more"; names and notes take their direction from their own text.
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { PropertyContact } from '../../../src/api'
import { StatusProvider } from '../../../src/components/ui/status-region'
import { RosterEntry } from '../../../src/features/property-contacts/components/roster-entry'

function linkWith(
  notes: string | null,
  firstName = 'Eric',
  lastName = 'Gonzalez',
): PropertyContact {
  return {
    id: 1,
    property_id: 1,
    contact_id: 343,
    role: 'Seller',
    primary: true,
    start_date: null,
    notes,
    created: '2026-01-01T00:00:00.000Z',
    updated: '2026-01-01T00:00:00.000Z',
    contact: {
      id: 343,
      first_name: firstName,
      last_name: lastName,
      email: null,
      phone: null,
      company: null,
      created: '2026-01-01T00:00:00.000Z',
    },
  }
}

function renderEntry(link: PropertyContact) {
  const user = userEvent.setup()
  render(
    <StatusProvider>
      <ul>
        <RosterEntry
          link={link}
          canEdit
          canUnlink
          onEdit={() => undefined}
          onUnlink={() => undefined}
          onEditContact={() => undefined}
          registerEditButton={() => () => undefined}
        />
      </ul>
    </StatusProvider>,
  )
  return user
}

const LONG_NOTE = Array.from(
  { length: 40 },
  (_, index) => `Line ${index + 1} of what the seller asked for at the walk-through.`,
)
  .join(' ')
  .slice(0, 2000)
  .trimEnd()

describe('a roster entry with long content', () => {
  it('clamps a long note to three lines, with a "Show more" button that says whether it is open', async () => {
    const user = renderEntry(linkWith(LONG_NOTE))
    const toggle = screen.getByRole('button', { name: 'Show more of the note on Eric Gonzalez' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    const note = document.getElementById(toggle.getAttribute('aria-controls') ?? '')
    expect(note).toHaveTextContent(LONG_NOTE)
    expect(note).toHaveAttribute('data-clamped')

    await user.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    expect(toggle).toHaveAccessibleName('Show less of the note on Eric Gonzalez')
    expect(note).not.toHaveAttribute('data-clamped')

    await user.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(note).toHaveAttribute('data-clamped')
  })

  it('shows a short note as it is, with no toggle', () => {
    renderEntry(linkWith('Prefers text messages after 5pm.'))
    expect(screen.getByText('Prefers text messages after 5pm.')).toBeVisible()
    expect(screen.queryByRole('button', { name: /^Show more/ })).toBeNull()
  })

  it('gives names and notes dir="auto", so right-to-left text reads correctly', () => {
    renderEntry(linkWith('يفضل الرسائل النصية بعد الخامسة. Prefers texts.', 'ليلى', 'Haddad'))
    expect(screen.getByText('ليلى Haddad')).toHaveAttribute('dir', 'auto')
    expect(screen.getByText('يفضل الرسائل النصية بعد الخامسة. Prefers texts.')).toHaveAttribute(
      'dir',
      'auto',
    )
  })
})
