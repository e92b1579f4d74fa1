import { afterEach, describe, expect, it } from 'vitest'
import { warmFiles, warmModules } from '../../src/app/warm-modules'

function meta(content: string) {
  const element = document.createElement('meta')
  element.name = 'roster-warm-modules'
  element.content = content
  document.head.append(element)
}

const prefetched = () =>
  [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="prefetch"]')].map((link) =>
    link.getAttribute('href'),
  )

afterEach(() => {
  document.head.replaceChildren()
})

describe('warmModules', () => {
  it('prefetches each file the build named, once, as module scripts are fetched', () => {
    meta('/assets/edit-link-dialog-abc.js  /assets/modal-def.js')
    warmModules(document)
    warmModules(document)
    expect(prefetched()).toEqual(['/assets/edit-link-dialog-abc.js', '/assets/modal-def.js'])
    const link = document.head.querySelector<HTMLLinkElement>('link[rel="prefetch"]')
    expect(link?.as).toBe('script')
    expect(link?.crossOrigin).toBe('')
  })

  it('does nothing without the meta element', () => {
    warmModules(document)
    expect(prefetched()).toEqual([])
  })

  it.each([
    'https://elsewhere.example/assets/x.js',
    '/assets/../secret.js',
    '/api/v1/properties',
    '/assets/x.css',
    '//elsewhere.example/assets/x.js',
  ])('takes nothing from a list holding %s', (bad) => {
    meta(`/assets/ok.js ${bad}`)
    expect(warmFiles(document)).toEqual([])
    warmModules(document)
    expect(prefetched()).toEqual([])
  })
})

describe('warm-now (imported first by main.tsx)', () => {
  it('asks for the files as soon as it is evaluated, before anything else of the app runs', async () => {
    meta('/assets/roster-dialogs-abc.js')
    await import('../../src/app/warm-now')
    expect(prefetched()).toEqual(['/assets/roster-dialogs-abc.js'])
  })

  it('is the first import of the entry, so the bundle evaluates it first', async () => {
    const { readFileSync } = await import('node:fs')
    const entry = readFileSync(`${process.cwd()}/src/main.tsx`, 'utf8')
    const imports = [...entry.matchAll(/^import\s[^\n]*?['"]([^'"]+)['"]/gm)].map((m) => m[1])
    expect(imports[0]).toBe('./app/warm-now')
  })
})
