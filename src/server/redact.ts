// The token's last line of defence: whatever the upstream echoes (an error body
// quoting the request URL, a Location header, a field holding it), whatever a page
// rendered on the server would show, and whatever we log, the token is found in
// every spelling a JSON or URL encoder could give it and replaced before it leaves.

export const REDACTED = '[redacted]'

/**
 * A few common ways a token is written out: as is, percent-encoded (either hex case,
 * as a path segment or a form value), every character percent-encoded, JSON-escaped
 * (PHP escapes "/" as "\/") and every character \u-escaped. Longest first. The
 * redactor itself matches far more (any mix of these per character); tests and the
 * build check use this list to look for a leak.
 */
export function secretForms(secret: string): string[] {
  if (secret === '') return []
  const json = JSON.stringify(secret).slice(1, -1)
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    json,
    json.replaceAll('/', '\\/'),
    [...Buffer.from(secret, 'utf8')].map((byte) => `%${hex(byte, 2)}`).join(''),
    Array.from(secret)
      .map((char) => unicodeEscapes(char).join(''))
      .join(''),
  ])
  for (const form of [...forms]) {
    forms.add(form.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()))
    forms.add(form.replace(/\\u[0-9A-F]{4}/g, (escape) => escape.toLowerCase()))
  }
  return [...forms].sort((a, b) => b.length - a.length)
}

function hex(value: number, width: number): string {
  return value.toString(16).toUpperCase().padStart(width, '0')
}

/** `\uXXXX` for each UTF-16 unit of one code point. */
function unicodeEscapes(char: string): string[] {
  const units: string[] = []
  for (let i = 0; i < char.length; i++) units.push(`\\u${hex(char.charCodeAt(i), 4)}`)
  return units
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')
}

/** A hex digit in either case: `b` → `[bB]`. */
function anyCaseHex(digits: string): string {
  return Array.from(digits)
    .map((digit) => (/[A-F]/i.test(digit) ? `[${digit.toLowerCase()}${digit}]` : digit))
    .join('')
}

/** How a percent sign itself may be written: plainly, percent-encoded again, or \u-escaped. */
const PERCENT = '(?:%|%25|\\\\u0025)'

/**
 * One character of the secret in each spelling an encoder may give it: itself, its
 * UTF-8 bytes percent-encoded (any hex case, also double-encoded), its UTF-16 units
 * \u-escaped (any hex case), and JSON's short escapes. `latin1` builds the pattern
 * for the latin1 view of UTF-8 bytes (see `bytes` below).
 */
function characterPattern(char: string, latin1: boolean): string {
  const literal = latin1 ? Buffer.from(char, 'utf8').toString('latin1') : char
  const options = [escapeRegExp(literal)]
  options.push(
    [...Buffer.from(char, 'utf8')].map((byte) => `${PERCENT}${anyCaseHex(hex(byte, 2))}`).join(''),
  )
  options.push(
    unicodeEscapes(char)
      .map((escape) => `\\\\u${anyCaseHex(escape.slice(2))}`)
      .join(''),
  )
  if (char === '/') options.push('\\\\/')
  if (char === '"') options.push('\\\\"')
  if (char === '\\') options.push('\\\\\\\\')
  if (char === ' ') options.push('\\+')
  return `(?:${options.join('|')})`
}

function secretPattern(secret: string, latin1: boolean): RegExp {
  return new RegExp(
    Array.from(secret)
      .map((char) => characterPattern(char, latin1))
      .join(''),
    'g',
  )
}

/** The few entities an HTML serializer writes, decoded, so a page is checked as text. */
function decodeHtmlEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (entity, name: string) => {
    const lower = name.toLowerCase()
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16))
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)))
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? entity
  })
}

export interface Redactor {
  text: (value: string) => string
  /**
   * Byte-exact for any body: non-UTF-8 bytes pass through untouched, and a body that
   * holds no form of the secret comes back as the same Buffer (no copy).
   */
  bytes: (value: Buffer) => Buffer
  /** True when `value` holds the secret in any of its forms. */
  leaks: (value: string) => boolean
  /** True when an HTML page holds the secret in any form, entities decoded too. */
  leaksInHtml: (html: string) => boolean
}

export function createRedactor(secret: string): Redactor {
  if (secret === '') {
    return {
      text: (value) => value,
      bytes: (value) => value,
      leaks: () => false,
      leaksInHtml: () => false,
    }
  }
  const textPattern = secretPattern(secret, false)
  // latin1 maps each byte to one char and back, so the UTF-8 bytes of each form can be
  // searched for in the latin1 view without decoding the body.
  const bytesPattern = secretPattern(secret, true)
  const found = (pattern: RegExp, value: string) => {
    pattern.lastIndex = 0
    return pattern.test(value)
  }
  const leaks = (value: string) => found(textPattern, value)
  return {
    text: (value) => value.replace(textPattern, REDACTED),
    bytes(value) {
      const view = value.toString('latin1')
      if (!found(bytesPattern, view)) return value
      return Buffer.from(view.replace(bytesPattern, REDACTED), 'latin1')
    },
    leaks,
    leaksInHtml: (html) => leaks(html) || leaks(decodeHtmlEntities(html)),
  }
}
