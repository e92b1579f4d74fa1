import { act, render, screen } from '@testing-library/react'
import { createRef, useImperativeHandle, useState, type Ref } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { StatusProvider } from '../../src/components/ui/status-region'
import {
  useOpenWhenLoaded,
  type LoadableCode,
  type OpenOptions,
  type OpenWhenLoaded,
} from '../../src/lib/use-open-when-loaded'

/** Code whose load the test settles. */
function code(loaded = false) {
  let settle: { resolve: () => void; reject: (error: Error) => void } | undefined
  let isIn = loaded
  let loads = 0
  const part: LoadableCode = {
    isLoaded: () => isIn,
    preload: () => {
      loads++
      return new Promise<void>((resolve, reject) => {
        settle = {
          resolve: () => {
            isIn = true
            resolve()
          },
          reject,
        }
      })
    },
  }
  return {
    part,
    loads: () => loads,
    resolve: async () => {
      await act(async () => {
        settle?.resolve()
        await Promise.resolve()
      })
    },
    reject: async () => {
      await act(async () => {
        settle?.reject(new TypeError('Failed to fetch dynamically imported module'))
        await Promise.resolve()
      })
    },
  }
}

interface Handle {
  opener: OpenWhenLoaded
  setShown: (value: string) => void
}
/** Every call of `show`, in order. */
let shows: string[] = []

/** Shows what was shown; hands the test the hook and the state's setter. */
function Harness({ ref }: { ref: Ref<Handle> }) {
  const whenLoaded = useOpenWhenLoaded('the panel')
  const [shown, setShown] = useState<string | null>(null)
  useImperativeHandle(ref, () => ({ opener: whenLoaded, setShown }), [whenLoaded])
  return <p>shown: {shown ?? 'nothing'}</p>
}

function setup() {
  shows = []
  const handle = createRef<Handle>()
  render(
    <StatusProvider>
      <Harness ref={handle} />
    </StatusProvider>,
  )
  const open = (parts: LoadableCode[], value: string, options?: OpenOptions) => {
    act(() => {
      handle.current?.opener.open(
        parts,
        () => {
          shows.push(value)
          handle.current?.setShown(value)
        },
        options,
      )
    })
  }
  const cancel = () => {
    act(() => {
      handle.current?.opener.cancel()
    })
  }
  return { open, cancel }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('useOpenWhenLoaded', () => {
  it('shows at once what has its code in', () => {
    const { open } = setup()
    open([code(true).part], 'help')
    expect(screen.getByText('shown: help')).toBeInTheDocument()
  })

  it('shows once the last of the code is in, and not before', async () => {
    const { open } = setup()
    const first = code()
    const second = code()
    open([first.part, second.part], 'help')
    expect(screen.getByText('shown: nothing')).toBeInTheDocument()
    await first.resolve()
    expect(screen.getByText('shown: nothing')).toBeInTheDocument()
    await second.resolve()
    expect(screen.getByText('shown: help')).toBeInTheDocument()
  })

  it('shows the last thing asked for, and nothing once cancelled', async () => {
    const { open, cancel } = setup()
    const help = code()
    const email = code()
    open([help.part], 'help')
    open([email.part], 'email')
    await help.resolve()
    expect(screen.getByText('shown: nothing')).toBeInTheDocument()
    await email.resolve()
    expect(screen.getByText('shown: email')).toBeInTheDocument()

    const late = code()
    open([late.part], 'late')
    cancel()
    await late.resolve()
    expect(screen.getByText('shown: email')).toBeInTheDocument()
  })

  it('with waitAtMostMs, shows anyway when the code is slow, and only once', async () => {
    vi.useFakeTimers()
    const { open } = setup()
    const slow = code()
    open([slow.part], 'page', { waitAtMostMs: 250 })
    act(() => {
      vi.advanceTimersByTime(249)
    })
    expect(screen.getByText('shown: nothing')).toBeInTheDocument()
    act(() => {
      vi.advanceTimersByTime(1)
    })
    expect(screen.getByText('shown: page')).toBeInTheDocument()
    await slow.resolve()
    expect(shows).toEqual(['page'])
  })

  it('announces a failed load, shows nothing, and asks for the code again next time', async () => {
    const { open } = setup()
    const broken = code()
    open([broken.part], 'help')
    await broken.reject()
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Could not open the panel: part of Roster did not load. Check the connection, then try again.',
    )
    expect(screen.getByText('shown: nothing')).toBeInTheDocument()
    open([broken.part], 'help')
    expect(broken.loads()).toBe(2)
    await broken.resolve()
    expect(screen.getByText('shown: help')).toBeInTheDocument()
  })
})
