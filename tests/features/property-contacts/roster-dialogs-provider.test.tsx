import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Suspense, type ComponentType } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { PropertyContact } from '../../../src/api'
import { StatusProvider } from '../../../src/components/ui/status-region'
import { preloadableLazy } from '../../../src/lib/preloadable-lazy'

// The dialogs' code, loaded when a test says so: each load is a promise the test settles.
const code = vi.hoisted(() => {
  interface Load {
    name: string
    resolve: () => void
    reject: (error: Error) => void
  }
  const loads: Load[] = []
  return { loads }
})

function loader(name: string) {
  return () =>
    new Promise<ComponentType<object>>((resolve, reject) => {
      code.loads.push({
        name,
        resolve: () => {
          resolve(function Loaded() {
            return <p>{name} code</p>
          })
        },
        reject,
      })
    })
}

type Code = ReturnType<typeof preloadableLazy<object>>
const fresh = () => ({
  writes: preloadableLazy(loader('writes')),
  link: preloadableLazy(loader('link')),
  edit: preloadableLazy(loader('edit')),
  unlink: preloadableLazy(loader('unlink')),
  contact: preloadableLazy(loader('contact')),
})
// Fresh code (none of it in) for every test, behind the module's stable exports.
let current = fresh()
const delegate = (take: () => Code): Code => ({
  get Component() {
    return take().Component
  },
  preload: () => take().preload(),
  isLoaded: () => take().isLoaded(),
})

vi.mock('../../../src/features/property-contacts/components/roster-dialog-code', () => ({
  writesCode: delegate(() => current.writes),
  dialogCode: {
    link: delegate(() => current.link),
    edit: delegate(() => current.edit),
    unlink: delegate(() => current.unlink),
    contact: delegate(() => current.contact),
  },
}))

const { RosterDialogsProvider, useOpenRosterDialog, useRosterDialogs } =
  await import('../../../src/features/property-contacts/components/roster-dialogs-provider')
const { writesCode } =
  await import('../../../src/features/property-contacts/components/roster-dialog-code')

const link = (id: number, first: string) =>
  ({ id, contact: { id: id * 10, first_name: first, last_name: 'Test' } }) as PropertyContact

/** Says which dialog is open; renders the writes' code as the roster does. */
function Hub() {
  const dialog = useOpenRosterDialog()
  // The mocked writes' code takes no props (the real one takes the roster's).
  const WritesCode = writesCode.Component as unknown as ComponentType<object>
  return (
    <>
      <p>
        open: {dialog ? `${dialog.kind}${'link' in dialog ? ` ${dialog.link.id}` : ''}` : 'none'}
      </p>
      <Suspense fallback={<p>Loading the dialog</p>}>{dialog && <WritesCode />}</Suspense>
    </>
  )
}

function Buttons() {
  const { openEdit, openUnlink, close } = useRosterDialogs()
  return (
    <>
      <button
        type="button"
        onClick={() => {
          openEdit(link(1, 'Ada'))
        }}
      >
        Edit Ada
      </button>
      <button
        type="button"
        onClick={() => {
          openUnlink(link(2, 'Bo'))
        }}
      >
        Unlink Bo
      </button>
      <button type="button" onClick={close}>
        Close
      </button>
    </>
  )
}

function renderProvider() {
  const seenFallback = { value: false }
  const observer = new MutationObserver(() => {
    if (screen.queryByText('Loading the dialog')) seenFallback.value = true
  })
  observer.observe(document.body, { childList: true, subtree: true })
  render(
    <StatusProvider>
      <RosterDialogsProvider>
        <Buttons />
        <Hub />
      </RosterDialogsProvider>
    </StatusProvider>,
  )
  return { user: userEvent.setup(), seenFallback }
}

async function settle(name: string, outcome: 'resolve' | 'reject' = 'resolve') {
  const load = code.loads.find((entry) => entry.name === name)
  if (!load) throw new Error(`no load of ${name} asked for`)
  await act(async () => {
    if (outcome === 'resolve') load.resolve()
    else load.reject(new TypeError('Failed to fetch dynamically imported module'))
    await Promise.resolve()
  })
}

beforeEach(() => {
  code.loads.length = 0
  current = fresh()
})

describe('RosterDialogsProvider', () => {
  it('opens a dialog once its code is in, in one render, without a fallback', async () => {
    const { user, seenFallback } = renderProvider()
    await user.click(screen.getByRole('button', { name: 'Edit Ada' }))
    // Asked for, not yet shown: the page stays as it was while the code loads.
    expect(code.loads.map((load) => load.name).sort()).toEqual(['edit', 'writes'])
    expect(screen.getByText('open: none')).toBeInTheDocument()
    expect(performance.getEntriesByName('roster:open-edit', 'mark').length).toBeGreaterThan(0)

    await settle('writes')
    expect(screen.getByText('open: none')).toBeInTheDocument()
    await settle('edit')
    expect(screen.getByText('open: edit 1')).toBeInTheDocument()
    expect(screen.getByText('writes code')).toBeInTheDocument()
    expect(seenFallback.value).toBe(false)

    // Once the code is in, a dialog opens in the click's own render.
    await user.click(screen.getByRole('button', { name: 'Close' }))
    expect(screen.getByText('open: none')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Edit Ada' }))
    expect(screen.getByText('open: edit 1')).toBeInTheDocument()
  })
})

describe('RosterDialogsProvider while the code loads', () => {
  it('opens the last dialog asked for, and not one closed meanwhile', async () => {
    const { user } = renderProvider()
    await user.click(screen.getByRole('button', { name: 'Edit Ada' }))
    await user.click(screen.getByRole('button', { name: 'Unlink Bo' }))
    await settle('writes')
    await settle('edit')
    // Edit Ada was replaced by Unlink Bo before its code came.
    expect(screen.getByText('open: none')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Close' }))
    await settle('unlink')
    // Closed before the unlink dialog's code came: nothing opens.
    expect(screen.getByText('open: none')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Unlink Bo' }))
    expect(screen.getByText('open: unlink 2')).toBeInTheDocument()
  })

  it('says so when the code cannot load, keeps the page, and tries again on the next tap', async () => {
    const { user } = renderProvider()
    await user.click(screen.getByRole('button', { name: 'Edit Ada' }))
    await settle('writes')
    await settle('edit', 'reject')
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Could not open the dialog: part of Roster did not load. Check the connection, then try again.',
    )
    expect(screen.getByText('open: none')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Edit Ada' })).toBeInTheDocument()

    // The next tap asks for the code again (a failed load is not kept), and opens.
    code.loads.length = 0
    await user.click(screen.getByRole('button', { name: 'Edit Ada' }))
    expect(code.loads.map((load) => load.name)).toEqual(['edit'])
    await settle('edit')
    expect(screen.getByText('open: edit 1')).toBeInTheDocument()
    // Opening clears the old error.
    expect(screen.getByRole('alert')).toBeEmptyDOMElement()
  })
})
