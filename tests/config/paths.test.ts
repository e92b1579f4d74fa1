// @vitest-environment node
// One paths module for the router, the links, the servers and the client: these check
// that its parts agree with each other and with the proxy's list of API routes.
import { describe, expect, it } from 'vitest'
import {
  API_BASE,
  apiPaths,
  matchPropertyPage,
  parseIdSegment,
  paths,
  propertyPageReads,
} from '../../src/config/paths'
import { matchApiRoute } from '../../src/server/api-routes'
import { preloadLinksFor } from '../../src/server/preload-hints'

describe('parseIdSegment', () => {
  it.each([
    ['1', 1],
    ['42', 42],
    ['999999999999999', 999_999_999_999_999],
  ])('reads %s as %d', (segment, id) => {
    expect(parseIdSegment(segment)).toBe(id)
  })

  it.each(['0', '007', '-1', '1.5', '1e3', 'abc', '', ' 1', '1000000000000000', undefined])(
    'refuses %s',
    (segment) => {
      expect(parseIdSegment(segment)).toBeNull()
    },
  )
})

describe('the pages', () => {
  it('builds links that its own patterns match', () => {
    for (const page of [paths.property, paths.propertySetup]) {
      const pattern = new RegExp(`^${page.pattern.replace(':propertyId', '([^/]+)')}$`)
      expect(pattern.exec(page.href(12))?.[1]).toBe('12')
    }
    expect(paths.properties.href()).toBe(paths.properties.pattern)
  })

  it('knows which page of which property an address is', () => {
    expect(matchPropertyPage(paths.property.href(12))).toEqual({ page: 'property', propertyId: 12 })
    expect(matchPropertyPage(paths.propertySetup.href(12))).toEqual({
      page: 'setup',
      propertyId: 12,
    })
    expect(matchPropertyPage('/properties/12/')).toEqual({ page: 'property', propertyId: 12 })
    for (const other of ['/', '/properties', '/properties/0', '/properties/12/x', '/x/12']) {
      expect(matchPropertyPage(other)).toBeNull()
    }
  })

  it('preloads the reads both property pages start with, and nothing for other pages', () => {
    expect(propertyPageReads(12)).toEqual([
      `${API_BASE}/properties/12`,
      `${API_BASE}/properties/12/contacts`,
    ])
    expect(preloadLinksFor(paths.propertySetup.href(12))).toHaveLength(2)
    expect(preloadLinksFor(paths.properties.href())).toEqual([])
  })
})

describe('the API paths', () => {
  it('are all routes the proxy forwards', () => {
    const samples: [string, string][] = [
      ['GET', apiPaths.properties()],
      ['GET', apiPaths.property(1)],
      ['GET', apiPaths.contacts()],
      ['POST', apiPaths.contacts()],
      ['GET', apiPaths.contact(2)],
      ['GET', apiPaths.propertyContacts(1)],
      ['POST', apiPaths.propertyContacts(1)],
      ['GET', apiPaths.propertyContact(1, 2)],
      ['PUT', apiPaths.propertyContact(1, 2)],
      ['DELETE', apiPaths.propertyContact(1, 2)],
    ]
    for (const [method, path] of samples) {
      expect(matchApiRoute(method, path), `${method} ${path}`).toEqual({
        kind: 'allowed',
        method,
      })
    }
  })

  it('are refused by the proxy for ids the pages would not accept', () => {
    for (const path of ['/properties/0', '/properties/007', '/properties/1000000000000000']) {
      expect(matchApiRoute('GET', path).kind).toBe('not-found')
    }
  })
})
