// Content codings: which one a client gets (negotiateEncoding), and the two settings
// they are made with: the best, once per build for the build's files
// (src/server/build-manifest.ts), and a faster one for pages rendered per request.
import { promisify } from 'node:util'
import { brotliCompress, constants as zlib, gzip } from 'node:zlib'

export type Coding = 'br' | 'gzip'

/** Ours, in order of preference when the client likes several equally. */
export const CODINGS: readonly Coding[] = ['br', 'gzip']

/** Where the build puts a file's compressed copy: beside it, `x.js` → `x.js.br`. */
export const CODING_SUFFIX: Readonly<Record<Coding, string>> = { br: '.br', gzip: '.gz' }

/**
 * The content coding to answer with for an Accept-Encoding header (RFC 9110 §12.5.3):
 * the acceptable one (q > 0, named or through `*`) with the highest q, br before gzip
 * on a tie; undefined for identity. No header means identity: clients that decode
 * anything say so.
 */
export function negotiateEncoding(header: string | string[] | undefined): Coding | undefined {
  if (header === undefined) return undefined
  const weights = new Map<string, number>()
  for (const item of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [rawName = '', ...params] = item.split(';')
    let name = rawName.trim().toLowerCase()
    if (name === '') continue
    if (name === 'x-gzip') name = 'gzip'
    let q = 1
    for (const param of params) {
      const [key = '', value = ''] = param.split('=').map((part) => part.trim())
      if (key.toLowerCase() !== 'q') continue
      q = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value) ? Number(value) : NaN
    }
    // A malformed weight makes the entry meaningless: ignore it rather than guess.
    if (Number.isNaN(q)) continue
    // The same coding named twice: the most cautious reading wins.
    weights.set(name, Math.min(q, weights.get(name) ?? 1))
  }
  let best: Coding | undefined
  let bestQ = 0
  for (const coding of CODINGS) {
    const q = weights.get(coding) ?? weights.get('*') ?? 0
    if (q > bestQ) {
      best = coding
      bestQ = q
    }
  }
  return best
}

const brotliAsync = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

function brotli(data: Buffer, quality: number): Promise<Buffer> {
  return brotliAsync(data, {
    params: {
      [zlib.BROTLI_PARAM_QUALITY]: quality,
      [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
      [zlib.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  })
}

/** The smallest we can make it (brotli 11 takes ~0.6 s on the main bundle): for the build. */
export function compressBest(data: Buffer, coding: Coding): Promise<Buffer> {
  return coding === 'br'
    ? brotli(data, zlib.BROTLI_MAX_QUALITY)
    : gzipAsync(data, { level: zlib.Z_BEST_COMPRESSION })
}

/** Fast enough to do per request: for pages rendered on the server, which differ each time. */
export function compressFast(data: Buffer, coding: Coding): Promise<Buffer> {
  return coding === 'br' ? brotli(data, 5) : gzipAsync(data, { level: 6 })
}
