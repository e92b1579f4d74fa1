// The live proxy's last line of defence: whatever the upstream echoes (an error body
// quoting the request URL, a Location header, a network error naming the URL) and
// whatever we log, the token is replaced before it leaves the server.

export const REDACTED = '[redacted]'

/**
 * The ways a token can be written out: as is, percent-encoded (either hex case, as a
 * path segment or a form value), and JSON-escaped (PHP escapes "/" as "\/"). Longest
 * first, so a longer form is replaced before a shorter one it contains.
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
  ])
  for (const form of [...forms]) {
    forms.add(form.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()))
  }
  return [...forms].sort((a, b) => b.length - a.length)
}

export interface Redactor {
  text(value: string): string
  /** Byte-exact for any body: non-UTF-8 bytes pass through untouched. */
  bytes(value: Buffer): Buffer
  /** True when `value` holds the secret in any of its forms. */
  leaks(value: string): boolean
}

export function createRedactor(secret: string): Redactor {
  const forms = secretForms(secret)
  const text = (value: string) =>
    forms.reduce((result, form) => result.split(form).join(REDACTED), value)
  // latin1 maps each byte to one char and back, so searching the UTF-8 bytes of each
  // form inside the latin1 view finds them without decoding the body.
  const byteForms = forms.map((form) => Buffer.from(form, 'utf8').toString('latin1'))
  return {
    text,
    bytes(value) {
      const view = value.toString('latin1')
      if (!byteForms.some((form) => view.includes(form))) return value
      const redacted = byteForms.reduce((result, form) => result.split(form).join(REDACTED), view)
      return Buffer.from(redacted, 'latin1')
    },
    leaks: (value) => forms.some((form) => value.includes(form)),
  }
}
