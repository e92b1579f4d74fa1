// How a setup sends its requests: a few at a time, retrying only a 429 (refused, so
// it did not happen), and stopping when asked between items, never midway.
import type { OpenToCloseAPI } from '../client'
import { RateLimitError } from '../errors'
import { retryDelayFor } from '../retry'
import type { TransactionItemResult } from './progress'

/** The part of the client a setup uses, so a caller may pass a stand-in. */
export type TransactionClient = Pick<OpenToCloseAPI, 'propertyContacts'>

export interface ApplyTransactionOptions {
  /** Requests in flight at most at once (default 4). */
  concurrency?: number
  /** Retries of a request answered 429, after waiting its Retry-After (default 3). */
  maxRetries?: number
  /** How to wait before a retry; resolves early when `signal` aborts. For tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /**
   * Called once per item as it finishes, in finishing order, before the next item
   * starts in its slot. Should not throw: a throw is rethrown once every item has
   * settled (writes in flight are not abandoned), and the results are lost then.
   */
  onProgress?: (result: TransactionItemResult) => void
  /** Stops starting items; requests already sent are let finish (see apply.ts). */
  signal?: AbortSignal
}

export interface Settings {
  concurrency: number
  maxRetries: number
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  signal: AbortSignal | undefined
}

/** Checked options with defaults; a bad one is the caller's bug, thrown before any request. */
export function settingsOf(options: ApplyTransactionOptions): Settings {
  const { concurrency = 4, maxRetries = 3 } = options
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new TypeError('Transaction setup: concurrency must be a whole number of at least 1.')
  }
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new TypeError('Transaction setup: maxRetries must be a whole number, 0 or more.')
  }
  return { concurrency, maxRetries, sleep: options.sleep ?? sleep, signal: options.signal }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}

export function stopped(): Error {
  return new DOMException('Not sent: the setup was stopped before this item.', 'AbortError')
}

/**
 * Runs `call`, retrying only a 429: the server refused it, so it did not happen and
 * resending cannot duplicate it. Anything else (a network error after a POST may
 * have landed, a 5xx) is the caller's to judge, so it is thrown as is. The wait
 * keeps its concurrency slot: a 429 asks us to slow down, not to send others instead.
 */
export async function withRateLimitRetry<T>(call: () => Promise<T>, settings: Settings) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call()
    } catch (error) {
      if (!(error instanceof RateLimitError) || attempt >= settings.maxRetries) throw error
      await settings.sleep(retryDelayFor(error, attempt), settings.signal)
      if (settings.signal?.aborted) throw stopped()
    }
  }
}

/** At most `max` tasks at once; a finishing task hands its slot to the next in line. */
export function limiter(max: number) {
  let active = 0
  const waiting: (() => void)[] = []
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active < max) active += 1
    else await new Promise<void>((resolve) => waiting.push(resolve))
    try {
      return await task()
    } finally {
      const next = waiting.shift()
      if (next) next()
      else active -= 1
    }
  }
}
