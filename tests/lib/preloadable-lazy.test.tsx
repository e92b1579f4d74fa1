import { act, render, screen } from '@testing-library/react'
import { Suspense } from 'react'
import { describe, expect, it } from 'vitest'
import { preloadableLazy } from '../../src/lib/preloadable-lazy'

function Hello({ name }: { name: string }) {
  return <p>Hello {name}</p>
}

describe('preloadableLazy', () => {
  it('renders in the first pass, without a fallback, once preloaded', async () => {
    const loads: string[] = []
    const { Component, preload } = preloadableLazy(() => {
      loads.push('load')
      return Promise.resolve(Hello)
    })
    await preload()
    await preload()
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <Component name="Dana" />
      </Suspense>,
    )
    // Synchronously: no fallback, no waiting.
    expect(screen.getByText('Hello Dana')).toBeInTheDocument()
    expect(screen.queryByText('Loading…')).toBeNull()
    expect(loads).toEqual(['load'])
  })

  it('suspends as React.lazy does when not preloaded, and loads once', async () => {
    let resolve: (component: typeof Hello) => void = () => undefined
    const loads: string[] = []
    const { Component, preload } = preloadableLazy(
      () =>
        new Promise<typeof Hello>((done) => {
          loads.push('load')
          resolve = done
        }),
    )
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <Component name="Sam" />
      </Suspense>,
    )
    expect(screen.getByText('Loading…')).toBeInTheDocument()
    void preload()
    await act(async () => {
      resolve(Hello)
      await Promise.resolve()
    })
    expect(await screen.findByText('Hello Sam')).toBeInTheDocument()
    expect(loads).toEqual(['load'])
  })

  it('tries again after a failed load', async () => {
    let attempt = 0
    const { preload } = preloadableLazy(() =>
      ++attempt === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(Hello),
    )
    await expect(preload()).rejects.toThrow('offline')
    await expect(preload()).resolves.toBe(Hello)
  })
})
