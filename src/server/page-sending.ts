// Sending the app's page (index.html with its stylesheet inline) for a client-side
// route: as the build made it, with its compressed copies; or, for a page the server
// may render (src/server/prerender.tsx), headers at once and the body once rendered,
// compressed on the fly (it differs per request).
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { HTML_TYPE } from './content-types.ts'
import { compressFast, negotiateEncoding, type Coding } from './encoding.ts'
import { preloadLinksFor, withPreloadTags } from './preload-hints.ts'
import { failRequest } from './send-file.ts'

/** The page of one build, as the server holds it (read once per build). */
export interface AppPage {
  /** index.html with its stylesheets inline: what the renderer fills in. */
  template: string
  /** Its bytes as sent, as they are and in each coding the build compressed it to. */
  bodies: { identity: Buffer } & Partial<Record<Coding, Buffer>>
  /** Link header values for the files it loads (src/server/preload-hints.ts). */
  entryLinks: readonly string[]
  /** The CSP that allows its inline styles by hash; undefined when none are inline. */
  policy: string | undefined
}

function pageHeaders(
  page: AppPage,
  links: readonly string[],
  cacheControl: string,
  coding: Coding | undefined,
): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {
    'content-type': HTML_TYPE,
    'cache-control': cacheControl,
    'x-content-type-options': 'nosniff',
    vary: 'Accept-Encoding',
  }
  if (links.length > 0) headers.link = [...links]
  if (page.policy !== undefined) headers['content-security-policy'] = page.policy
  if (coding !== undefined) headers['content-encoding'] = coding
  return headers
}

/** The page as it is: the browser renders it, starting its files and API reads at once. */
export function sendPage(
  req: IncomingMessage,
  res: ServerResponse,
  page: AppPage,
  pathname: string,
): void {
  const wanted = negotiateEncoding(req.headers['accept-encoding'])
  const compressed = wanted === undefined ? undefined : page.bodies[wanted]
  const coding = compressed === undefined ? undefined : wanted
  const body = compressed ?? page.bodies.identity
  const links = [...page.entryLinks, ...preloadLinksFor(pathname)]
  res.writeHead(200, {
    ...pageHeaders(page, links, 'no-cache', coding),
    'content-length': body.length,
  })
  res.end(req.method === 'HEAD' ? undefined : body)
}

/**
 * A page the server may render: its headers go out at once, so the browser fetches the
 * page's files while the server reads its data (the live API may take a while); the
 * body follows, rendered, or the page with <link> preloads for its API reads when it
 * could not be. Either way no cache keeps it: a rendered page holds deal data.
 */
export function sendPageToRender(
  req: IncomingMessage,
  res: ServerResponse,
  page: AppPage,
  pathname: string,
  render: Promise<string | null>,
): void {
  const coding = negotiateEncoding(req.headers['accept-encoding'])
  res.writeHead(200, pageHeaders(page, page.entryLinks, 'no-store', coding))
  res.flushHeaders()
  render
    .catch(() => null)
    .then((html) => {
      const data = Buffer.from(html ?? withPreloadTags(page.template, pathname))
      return coding === undefined ? data : compressFast(data, coding)
    })
    .then(
      (body) => {
        res.end(req.method === 'HEAD' ? undefined : body)
      },
      (error: unknown) => {
        failRequest(res, error)
      },
    )
}
