import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { readFoldedRoles, writeFoldedRoles } from '../../../src/features/property-contacts/filters'
import { db } from '../../../src/mocks/db'
import { renderApp } from '../../test-utils'

// Seed facts: property 1 has 10 links in 7 roles; Tariq Weber and Patrick Garcia are
// its Buyers.

function toggle(name: RegExp) {
  return screen.getByRole('button', { name })
}

describe('collapsing role groups', () => {
  it('collapses a group from its heading, with the state in the URL', async () => {
    const { user } = renderApp('/properties/1')
    const buyers = await screen.findByRole('button', { name: 'Buyers (2)' })
    expect(buyers).toHaveAttribute('aria-expanded', 'true')
    expect(screen.getByRole('region', { name: 'Buyers (2)' })).toContainElement(
      screen.getByRole('button', { name: 'Edit Tariq Weber' }),
    )

    await user.click(buyers)
    expect(buyers).toHaveAttribute('aria-expanded', 'false')
    expect(window.location.search).toBe('?fold=buyer')
    await waitFor(() => {
      expect(screen.queryByRole('button', { name: 'Edit Tariq Weber' })).toBeNull()
    })
    // The others stay open.
    expect(toggle(/^Sellers/)).toHaveAttribute('aria-expanded', 'true')

    await user.click(buyers)
    expect(buyers).toHaveAttribute('aria-expanded', 'true')
    expect(window.location.search).toBe('')
    expect(await screen.findByRole('button', { name: 'Edit Tariq Weber' })).toBeVisible()
  })

  it('reads collapsed groups from the URL, ignoring what is not a role', async () => {
    renderApp('/properties/1?fold=Buyer&fold=seller&fold=')
    expect(await screen.findByRole('button', { name: 'Buyers (2)' })).toHaveAttribute(
      'aria-expanded',
      'false',
    )
    expect(toggle(/^Sellers/)).toHaveAttribute('aria-expanded', 'false')
    expect(toggle(/^Listing Agent/)).toHaveAttribute('aria-expanded', 'true')
    expect(screen.queryByRole('button', { name: 'Edit Tariq Weber' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Edit Eric Gonzalez' })).toBeNull()
  })

  it('validates the fold parameters and writes them in a stable order', () => {
    const read = readFoldedRoles(
      new URLSearchParams([
        ['fold', ' BUYER '],
        ['fold', '(none)'],
        ['fold', 'x'.repeat(500)],
        ['fold', '   '],
        ['q', 'kept'],
      ]),
    )
    expect([...read].sort()).toEqual(['', 'buyer'])
    const written = writeFoldedRoles(new URLSearchParams('q=kept&fold=old'), read)
    expect(written.toString()).toBe('q=kept&fold=%28none%29&fold=buyer')
  })
})

describe('a long role group', () => {
  /** Property 12 plus 60 Inspectors. */
  function addInspectors() {
    let added = 0
    for (const contact of db.contacts.list()) {
      if (added === 60) break
      if (db.links.find(12, contact.id)) continue
      db.links.create(12, contact.id, { role: 'Inspector' })
      added += 1
    }
  }
  const inspectorEntries = () => document.querySelectorAll('#role-inspector-entries > li.entry')

  it('shows its first 25 entries, then all of them on "Show all", focus on the 26th', async () => {
    addInspectors()
    const { user } = renderApp('/properties/12')
    const showAll = await screen.findByRole('button', { name: 'Show all 60' })
    await waitFor(() => {
      expect(inspectorEntries()).toHaveLength(25)
    })
    await user.click(showAll)
    await waitFor(() => {
      expect(inspectorEntries()).toHaveLength(60)
    })
    expect(screen.queryByRole('button', { name: 'Show all 60' })).toBeNull()
    const twentySixth = inspectorEntries()[25]
    if (!(twentySixth instanceof HTMLElement)) throw new Error('no 26th entry')
    await waitFor(() => {
      expect(twentySixth.contains(document.activeElement)).toBe(true)
    })
  })
})
