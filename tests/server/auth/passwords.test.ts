// @vitest-environment node
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SCRYPT,
  hashPassword,
  passwordProblem,
  verifyPassword,
} from '../../../src/server/auth/passwords'

// Cheap parameters for the round trips; the defaults are checked once, below.
const FAST = { N: 2 ** 10, r: 8, p: 1 }

describe('password hashing', () => {
  it('encodes scrypt, its parameters, a salt and the key', async () => {
    const hash = await hashPassword('correct horse battery', DEFAULT_SCRYPT)
    const [scheme, N, r, p, salt, key, ...rest] = hash.split('$')
    expect([scheme, N, r, p]).toEqual(['scrypt', '32768', '8', '1'])
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16)
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32)
    expect(rest).toEqual([])
    expect(hash).not.toContain('correct horse battery')
    expect(await verifyPassword('correct horse battery', hash)).toBe(true)
  })

  it('accepts the password and nothing else', async () => {
    const hash = await hashPassword('correct horse battery', FAST)
    expect(await verifyPassword('correct horse battery', hash)).toBe(true)
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false)
    expect(await verifyPassword('', hash)).toBe(false)
  })

  it('salts each hash on its own', async () => {
    const [a, b] = await Promise.all([
      hashPassword('same password here', FAST),
      hashPassword('same password here', FAST),
    ])
    expect(a).not.toBe(b)
  })

  it('says no for an unknown account (after the same work) and for a damaged hash', async () => {
    expect(await verifyPassword('anything at all', undefined)).toBe(false)
    const hash = await hashPassword('correct horse battery', FAST)
    const parts = hash.split('$')
    parts[5] = Buffer.alloc(32).toString('base64')
    expect(await verifyPassword('correct horse battery', parts.join('$'))).toBe(false)
    expect(await verifyPassword('correct horse battery', 'md5$abc')).toBe(false)
  })

  it('treats the same text in either Unicode form as one password', async () => {
    const hash = await hashPassword('caf\u00e9 au lait, please', FAST)
    expect(await verifyPassword('cafe\u0301 au lait, please', hash)).toBe(true)
  })

  it('asks for at least 12 characters', () => {
    expect(passwordProblem('short')).toMatch(/at least 12 characters/)
    expect(passwordProblem('twelve chars')).toBeUndefined()
    expect(passwordProblem('x'.repeat(1025))).toMatch(/at most 1024/)
  })
})
