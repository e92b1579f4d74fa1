// Password hashing with scrypt, the memory-hard KDF in Node's crypto. Each hash
// carries its parameters and its own random salt: `scrypt$N$r$p$salt$hash` (base64),
// so the parameters can be raised later without invalidating the hashes already stored.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

export interface ScryptParameters {
  /** CPU/memory cost, a power of two. */
  N: number
  r: number
  p: number
}

/**
 * 2^15 × 8 × 128 bytes = 32 MiB and about a tenth of a second per hash here: the
 * OWASP-recommended floor for scrypt (see docs/decisions/007-sign-in-and-sessions.md).
 */
export const DEFAULT_SCRYPT: ScryptParameters = { N: 2 ** 15, r: 8, p: 1 }
const KEY_BYTES = 32
const SALT_BYTES = 16

export const MIN_PASSWORD_LENGTH = 12
/** Longer is refused before hashing: scrypt's cost does not grow with it, but the request does. */
export const MAX_PASSWORD_LENGTH = 1024

function derive(password: string, salt: Buffer, params: ScryptParameters): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    // Node's default cap (32 MiB) is exactly what N = 2^15 needs, and the cap must exceed it.
    maxmem: 128 * params.N * params.r * params.p * 2,
  }
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => {
      if (error) reject(error)
      else resolve(key)
    })
  })
}

export async function hashPassword(
  password: string,
  params: ScryptParameters = DEFAULT_SCRYPT,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(password, salt, params)
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')]
    .map(String)
    .join('$')
}

interface Decoded {
  params: ScryptParameters
  salt: Buffer
  key: Buffer
}

function decode(encoded: string): Decoded | undefined {
  const [scheme, N, r, p, salt, key, ...rest] = encoded.split('$')
  if (scheme !== 'scrypt' || rest.length > 0 || salt === undefined || key === undefined) {
    return undefined
  }
  const params = { N: Number(N), r: Number(r), p: Number(p) }
  if (![params.N, params.r, params.p].every((n) => Number.isInteger(n) && n > 0)) return undefined
  return { params, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') }
}

let dummy: Promise<string> | undefined

/**
 * True when `password` matches `encoded`. With no stored hash (no such account) it
 * still derives a key, against a dummy hash, so the time taken does not tell whether
 * the account exists.
 */
export async function verifyPassword(
  password: string,
  encoded: string | undefined,
): Promise<boolean> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'))
  const stored = decode(encoded ?? (await dummy)) ?? decode(await dummy)
  if (!stored) return false
  const key = await derive(password.slice(0, MAX_PASSWORD_LENGTH), stored.salt, stored.params)
  const same = key.length === stored.key.length && timingSafeEqual(key, stored.key)
  return same && encoded !== undefined
}

/** Why a new password is not acceptable, or undefined. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `The password must be at most ${MAX_PASSWORD_LENGTH} characters long.`
  }
  return undefined
}
