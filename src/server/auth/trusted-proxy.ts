// Which peers are our own reverse proxies (TRUST_PROXY: addresses or CIDR ranges,
// comma-separated). Only their X-Forwarded-* headers (and the identity header, when
// TRUSTED_IDENTITY_HEADER is set) are believed; anyone else could write them.
import type { IncomingMessage } from 'node:http'
import { BlockList, isIP } from 'node:net'
import { TLSSocket } from 'node:tls'

export interface TrustedProxies {
  /** True when the address is one of the listed proxies. */
  has(address: string | undefined): boolean
  readonly empty: boolean
}

/** `::ffff:10.0.0.1` is the IPv4 address 10.0.0.1 arriving on a dual-stack socket. */
function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address
}

export function parseTrustProxy(
  value: string | undefined,
): { ok: true; proxies: TrustedProxies } | { ok: false; problem: string } {
  const list = new BlockList()
  let count = 0
  for (const raw of (value ?? '').split(',')) {
    const entry = raw.trim()
    if (entry === '') continue
    const [address = '', bits, ...rest] = entry.split('/')
    const family = isIP(address)
    const prefix = bits === undefined ? undefined : Number(bits)
    const maxBits = family === 6 ? 128 : 32
    if (
      family === 0 ||
      rest.length > 0 ||
      (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= maxBits))
    ) {
      return {
        ok: false,
        problem: `TRUST_PROXY lists "${entry}", which is not an IP address or range (like 10.0.0.5 or 10.0.0.0/8)`,
      }
    }
    const type = family === 6 ? 'ipv6' : 'ipv4'
    if (prefix === undefined) list.addAddress(address, type)
    else list.addSubnet(address, prefix, type)
    count += 1
  }
  return {
    ok: true,
    proxies: {
      empty: count === 0,
      has(address) {
        if (address === undefined || count === 0) return false
        const plain = plainAddress(address)
        const family = isIP(plain)
        return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4')
      },
    },
  }
}

export const NO_PROXIES: TrustedProxies = { empty: true, has: () => false }

function forwarded(req: IncomingMessage, name: string): string[] {
  const value = req.headers[name]
  const text = Array.isArray(value) ? value.join(',') : (value ?? '')
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
}

/**
 * The address the request came from: the peer, or, when the peer is a trusted proxy,
 * the nearest address in X-Forwarded-For that is not one of ours (a client can put
 * anything on the left of that list).
 */
export function clientAddress(req: IncomingMessage, proxies: TrustedProxies): string {
  const peer = req.socket.remoteAddress ?? 'unknown'
  if (!proxies.has(peer)) return plainAddress(peer)
  const chain = forwarded(req, 'x-forwarded-for')
  for (let i = chain.length - 1; i >= 0; i -= 1) {
    const hop = chain[i]
    if (hop !== undefined && !proxies.has(hop)) return plainAddress(hop)
  }
  return plainAddress(peer)
}

/** Over TLS here, or a trusted proxy says the browser's connection to it was https. */
export function isSecureRequest(req: IncomingMessage, proxies: TrustedProxies): boolean {
  if (req.socket instanceof TLSSocket) return true
  return proxies.has(req.socket.remoteAddress) && forwarded(req, 'x-forwarded-proto')[0] === 'https'
}
