import { renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useLeaveWarning } from '../../src/lib/use-leave-warning'

// jsdom has no Navigation API: this is the popstate path other browsers take.
describe('useLeaveWarning on Back (popstate)', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('asks; staying puts the URL back and the router never hears of it; leaving goes', async () => {
    window.history.pushState(null, '', '/properties/12')
    window.history.pushState(null, '', '/properties/12/setup')
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false)
    const routerHeard = vi.fn()
    window.addEventListener('popstate', routerHeard)
    const { unmount } = renderHook(() => {
      useLeaveWarning('Discard this setup?')
    })

    window.history.back()
    await waitFor(() => {
      expect(confirm).toHaveBeenCalledWith('Discard this setup?')
    })
    expect(window.location.pathname).toBe('/properties/12/setup')
    expect(routerHeard).not.toHaveBeenCalled()

    confirm.mockReturnValue(true)
    window.history.back()
    await waitFor(() => {
      expect(window.location.pathname).toBe('/properties/12')
    })
    expect(confirm).toHaveBeenCalledTimes(2)
    expect(routerHeard).toHaveBeenCalledTimes(1)
    window.removeEventListener('popstate', routerHeard)
    unmount()
  })

  it('asks nothing once the warning is off', async () => {
    window.history.pushState(null, '', '/a')
    window.history.pushState(null, '', '/b')
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false)
    renderHook(() => {
      useLeaveWarning(null)
    })
    window.history.back()
    await waitFor(() => {
      expect(window.location.pathname).toBe('/a')
    })
    expect(confirm).not.toHaveBeenCalled()
  })
})
