import { describe, expect, it } from 'vitest'
import {
  AuthenticationError,
  ConflictError,
  DataFormatError,
  MethodNotAllowedError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ServerError,
  ValidationError,
  isTransientError,
  retryAfterSeconds,
  retryDelayFor,
} from '../../src/api'
import { createQueryClient } from '../../src/app/query-client'

const network = new NetworkError('offline', false)
const server = new ServerError('boom', { status: 503 })
const rateLimited = new RateLimitError('slow down', 7, { status: 429 })
const notFound = new NotFoundError('gone', { status: 404 })

describe('isTransientError', () => {
  it.each([network, new NetworkError('slow', true), server, rateLimited])('retries %s', (error) => {
    expect(isTransientError(error)).toBe(true)
  })

  it.each([
    notFound,
    new ValidationError('bad', {}),
    new AuthenticationError('who?'),
    new ConflictError('taken'),
    new MethodNotAllowedError('no'),
    new DataFormatError('odd'),
    new Error('plain'),
    'a string',
  ])('does not retry %s', (error) => {
    expect(isTransientError(error)).toBe(false)
  })
})

describe('retryDelayFor', () => {
  it('backs off 1s, 2s, 4s… capped at 30s', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((attempt) => retryDelayFor(server, attempt))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ])
  })

  it('waits what the rate limit asked for, in milliseconds', () => {
    expect(retryDelayFor(rateLimited, 0)).toBe(7000)
    expect(retryDelayFor(rateLimited, 2)).toBe(7000)
  })

  it('backs off as usual when a rate limit did not say how long', () => {
    expect(retryDelayFor(new RateLimitError('slow down', undefined), 1)).toBe(2000)
  })
})

describe('retryAfterSeconds', () => {
  const now = Date.parse('2025-06-04T12:00:00Z')

  it.each([
    [{ 'Retry-After': '120' }, 120],
    [{ 'Retry-After': 'Wed, 04 Jun 2025 12:00:45 GMT' }, 45],
    [{ 'Retry-After': 'Wed, 04 Jun 2025 11:59:00 GMT' }, 0],
    [{ 'X-RateLimit-Retry-After': '5' }, 5],
    [{ 'Retry-After': 'soon', 'X-RateLimit-Retry-After': '5' }, 5],
    [{ 'Retry-After': 'soon' }, undefined],
    [{}, undefined],
  ])('%o → %s', (headers, expected) => {
    expect(retryAfterSeconds(new Headers(headers), now)).toBe(expected)
  })
})

describe('createQueryClient', () => {
  const { queries, mutations } = createQueryClient().getDefaultOptions()

  function retry(failureCount: number, error: Error): boolean {
    const policy = queries?.retry
    if (typeof policy !== 'function') throw new Error('queries.retry should be a function')
    return policy(failureCount, error)
  }

  it('retries a transient read failure up to 3 times', () => {
    expect(retry(0, network)).toBe(true)
    expect(retry(2, server)).toBe(true)
    expect(retry(1, rateLimited)).toBe(true)
    expect(retry(3, network)).toBe(false)
  })

  it('never retries a 4xx', () => {
    expect(retry(0, notFound)).toBe(false)
    expect(retry(0, new ValidationError('bad', {}, { status: 400 }))).toBe(false)
  })

  it('waits per retryDelayFor', () => {
    const delay = queries?.retryDelay
    if (typeof delay !== 'function') throw new Error('queries.retryDelay should be a function')
    expect(delay(0, network)).toBe(1000)
    expect(delay(2, network)).toBe(4000)
    expect(delay(0, rateLimited)).toBe(7000)
  })

  it('keeps reads fresh for 30s and never retries writes', () => {
    expect(queries?.staleTime).toBe(30_000)
    expect(mutations?.retry).toBe(false)
  })
})
