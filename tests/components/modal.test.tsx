// The modal dialog (src/components/ui/modal.tsx), on its own: a native <dialog> opened
// as a modal, named and described by its title and text, starting on its first field,
// closing on Escape and on a click outside its box (when its owner agrees), keeping Tab
// inside, and giving focus back to what opened it.
import { fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { Modal } from '../../src/components/ui/modal'

function Harness({ onClose, canClose = true }: { onClose?: () => void; canClose?: boolean }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      <Modal
        open={open}
        onClose={() => {
          onClose?.()
          if (canClose) setOpen(false)
        }}
        title="Edit Eric Gonzalez"
        description="Change this contact's part in the deal."
      >
        <label>
          Role <input defaultValue="Buyer" />
        </label>
        <input type="hidden" name="version" value="3" />
        <button type="button" disabled>
          Not now
        </button>
        <button type="button">Save changes</button>
      </Modal>
    </>
  )
}

async function openDialog(props: Parameters<typeof Harness>[0] = {}) {
  const user = userEvent.setup()
  render(<Harness {...props} />)
  const opener = screen.getByRole('button', { name: 'Open' })
  await user.click(opener)
  const dialog = screen.getByRole('dialog', { name: 'Edit Eric Gonzalez' })
  return { user, opener, dialog }
}

describe('Modal', () => {
  it('opens as a modal <dialog>, named and described, on its first field', async () => {
    const { dialog } = await openDialog()
    expect(dialog.tagName).toBe('DIALOG')
    expect(dialog).toHaveAttribute('open')
    expect(dialog).toHaveAttribute('aria-modal', 'true')
    expect(dialog).toHaveAccessibleDescription("Change this contact's part in the deal.")
    expect(screen.getByRole('heading', { level: 2, name: 'Edit Eric Gonzalez' })).toBeVisible()
    expect(screen.getByRole('textbox', { name: 'Role' })).toHaveFocus()
  })

  it('renders nothing while closed', () => {
    render(<Harness />)
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('closes on Escape and gives focus back to the control that opened it', async () => {
    const { user, opener } = await openDialog()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    await vi.waitFor(() => expect(opener).toHaveFocus())
  })

  it('leaves Escape to a control inside that handles it first', async () => {
    const onClose = vi.fn()
    const { dialog } = await openDialog({ onClose })
    const field = screen.getByRole('textbox', { name: 'Role' })
    field.addEventListener('keydown', (event) => event.preventDefault())
    fireEvent.keyDown(field, { key: 'Escape' })
    expect(onClose).not.toHaveBeenCalled()
    expect(dialog).toBeInTheDocument()
  })

  it("stays open when its owner says no (a dialog that is saving), and on the browser's close request asks the owner", async () => {
    const onClose = vi.fn()
    const { user, dialog } = await openDialog({ onClose, canClose: false })
    await user.keyboard('{Escape}')
    expect(onClose).toHaveBeenCalledTimes(1)
    const cancel = new Event('cancel', { cancelable: true })
    dialog.dispatchEvent(cancel)
    expect(cancel.defaultPrevented).toBe(true)
    expect(onClose).toHaveBeenCalledTimes(2)
    expect(dialog).toHaveAttribute('open')
  })

  it('closes on a click outside its box, not on one inside it', async () => {
    const onClose = vi.fn()
    const { user, dialog } = await openDialog({ onClose, canClose: false })
    vi.spyOn(dialog, 'getBoundingClientRect').mockReturnValue(new DOMRect(50, 60, 300, 200))
    // On the dialog's own padding, inside its box.
    fireEvent.click(dialog, { clientX: 100, clientY: 100, detail: 1 })
    await user.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(onClose).not.toHaveBeenCalled()
    // On the dimmed page: the click lands on the dialog element, outside its box.
    fireEvent.click(dialog, { clientX: 10, clientY: 400, detail: 1 })
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it('keeps Tab inside: past the last control back to the first, and Shift+Tab the other way', async () => {
    const { user } = await openDialog()
    const role = screen.getByRole('textbox', { name: 'Role' })
    const save = screen.getByRole('button', { name: 'Save changes' })
    await user.tab()
    expect(save).toHaveFocus()
    await user.tab()
    expect(role).toHaveFocus()
    await user.tab({ shift: true })
    expect(save).toHaveFocus()
  })
})
