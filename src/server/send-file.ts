// Sending one file of the build: its headers, and its compressed copy instead of it when
// the client takes that coding and the build made one (src/server/build-manifest.ts).
// Also the one way a request that failed is answered.
import { createReadStream, statSync, type Stats } from 'node:fs'
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { contentTypeOf, isCompressible } from './content-types.ts'
import { CODING_SUFFIX, negotiateEncoding, type Coding } from './encoding.ts'

export function fileStats(path: string): Stats | undefined {
  try {
    const stats = statSync(path)
    return stats.isFile() ? stats : undefined
  } catch {
    return undefined
  }
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text)
}

/** A request that failed: 500 if nothing went out yet, else the response is cut short. */
export function failRequest(res: ServerResponse, error: unknown): void {
  if (res.headersSent) res.destroy(error instanceof Error ? error : undefined)
  else sendText(res, 500, 'Internal Server Error')
}

function stream(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  size: number,
  headers: OutgoingHttpHeaders,
): void {
  res.writeHead(200, { ...headers, 'content-length': size })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  createReadStream(file)
    // Deleted since the stat: the headers are out, so all we can do is cut it short.
    .on('error', (error) => {
      failRequest(res, error)
    })
    .pipe(res)
}

/** `file` as it is, or its copy in the coding the client prefers among `codings`. */
export function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  stats: Stats,
  cacheControl: string,
  codings: readonly Coding[],
): void {
  const headers: OutgoingHttpHeaders = {
    'content-type': contentTypeOf(file),
    'cache-control': cacheControl,
    'x-content-type-options': 'nosniff',
  }
  if (isCompressible(file)) {
    // Caches must not hand a brotli body to a client that asked for none, even for a
    // file too small to compress: the next build may make it bigger.
    headers.vary = 'Accept-Encoding'
    const coding = negotiateEncoding(req.headers['accept-encoding'])
    if (coding !== undefined && codings.includes(coding)) {
      const copy = file + CODING_SUFFIX[coding]
      const copyStats = fileStats(copy)
      if (copyStats !== undefined) {
        stream(req, res, copy, copyStats.size, { ...headers, 'content-encoding': coding })
        return
      }
    }
  }
  stream(req, res, file, stats.size, headers)
}
