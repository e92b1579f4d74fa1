// Where focus goes when a status message that holds it goes away (issue 14, item 3).
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useRef, useState } from 'react'
import { describe, expect, it } from 'vitest'
import { StatusProvider, useAnnounce } from '../../src/components/ui/status-region'

/** A page with a heading and two controls that announce messages with an action. */
function Page() {
  const announce = useAnnounce()
  const headingRef = useRef<HTMLHeadingElement>(null)
  return (
    <main>
      <h1>Elm Circle Ranch</h1>
      <h2 ref={headingRef} tabIndex={-1}>
        Contacts on this deal
      </h2>
      <button
        type="button"
        onClick={() => {
          announce({ text: 'Saved.', action: { label: 'Undo', onAction: () => undefined } })
        }}
      >
        Save
      </button>
      <button
        type="button"
        onClick={(event) => {
          // As the roster does after an unlink: the row went, the heading holds focus,
          // and the message's action takes it.
          event.currentTarget.remove()
          headingRef.current?.focus()
          announce({
            text: 'Unlinked Eric Gonzalez (Seller).',
            action: { label: 'Undo', onAction: () => undefined },
            focusAction: true,
          })
        }}
      >
        Unlink
      </button>
    </main>
  )
}

function renderPage() {
  const user = userEvent.setup()
  render(
    <StatusProvider>
      <Page />
    </StatusProvider>,
  )
  return user
}

function message(text: string) {
  const found = screen.getAllByRole('status').find((region) => region.textContent.includes(text))
  if (!found) throw new Error(`No status says ${text}`)
  return within(found)
}

describe('dismissing a status message', () => {
  it('gives focus back to where it was before the message took it', async () => {
    const user = renderPage()
    await user.click(screen.getByRole('button', { name: 'Unlink' }))
    const undo = message('Unlinked').getByRole('button', { name: 'Undo' })
    await waitFor(() => {
      expect(undo).toHaveFocus()
    })

    await user.click(message('Unlinked').getByRole('button', { name: 'Dismiss message' }))
    expect(screen.queryByText(/Unlinked/)).not.toBeInTheDocument()
    await waitFor(() => {
      expect(screen.getByRole('heading', { level: 2, name: 'Contacts on this deal' })).toHaveFocus()
    })
  })

  it('gives focus back to the control the user tabbed from', async () => {
    const user = renderPage()
    const save = screen.getByRole('button', { name: 'Save' })
    await user.click(save)
    expect(message('Saved.').getByRole('button', { name: 'Undo' })).toBeVisible()
    // Save → Unlink → the message's Undo → its ×.
    await user.tab()
    await user.tab()
    await user.tab()
    const dismiss = message('Saved.').getByRole('button', { name: 'Dismiss message' })
    expect(dismiss).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(screen.queryByText('Saved.')).not.toBeInTheDocument()
    await waitFor(() => {
      expect(screen.getByRole('button', { name: 'Unlink' })).toHaveFocus()
    })
  })

  it('gives focus back when the action leaves it nowhere', async () => {
    const user = renderPage()
    await user.click(screen.getByRole('button', { name: 'Save' }))
    // Save → Unlink → the message's Undo.
    await user.tab()
    await user.tab()
    const undo = message('Saved.').getByRole('button', { name: 'Undo' })
    expect(undo).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(undo).not.toBeInTheDocument()
    await waitFor(() => {
      expect(screen.getByRole('button', { name: 'Unlink' })).toHaveFocus()
    })
  })

  it('falls back to the page heading when nothing held focus before', async () => {
    const user = userEvent.setup()
    render(
      <StatusProvider>
        <Archive />
      </StatusProvider>,
    )
    await user.click(screen.getByRole('button', { name: 'Archive' }))
    const undo = message('Archived.').getByRole('button', { name: 'Undo' })
    await waitFor(() => {
      expect(undo).toHaveFocus()
    })
    await user.click(message('Archived.').getByRole('button', { name: 'Dismiss message' }))
    await waitFor(() => {
      expect(screen.getByRole('heading', { level: 1, name: 'Deals' })).toHaveFocus()
    })
  })
})

/** A control that goes away when used, as a roster row does when unlinked. */
function Archive() {
  const announce = useAnnounce()
  const [archived, setArchived] = useState(false)
  return (
    <main>
      <h1>Deals</h1>
      {!archived && (
        <button
          type="button"
          onClick={() => {
            setArchived(true)
            announce({
              text: 'Archived.',
              action: { label: 'Undo', onAction: () => undefined },
              focusAction: true,
            })
          }}
        >
          Archive
        </button>
      )}
    </main>
  )
}
