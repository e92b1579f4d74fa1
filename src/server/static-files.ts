// Serves the production build the way it is deployed: hashed assets cached forever,
// and for client-side routes the app's page, never cached: index.html with its
// stylesheet inline, rendered on the server when it can be (src/server/prerender.tsx).
// Shared by the production server (src/server/production.ts) and the mock standalone
// server. The build did the static work (src/server/build-manifest.ts: compressed
// copies, the page with its stylesheet inline and its CSP hash, the preload list); this
// only picks files by its manifest, read at start and again when a new build replaces
// it. A root without a manifest (a hand-made one, an older build) is still served: its
// page is made from index.html here, and its files go out as they are.
import { readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import {
  BUILD_DIR,
  copiesIn,
  MANIFEST_PATH,
  pageTemplateOf,
  readBuildManifest,
  type BuildManifest,
} from './build-manifest.ts'
import { CODING_SUFFIX, type Coding } from './encoding.ts'
import { sendPage, sendPageToRender, type AppPage } from './page-sending.ts'
import type { Prerenderer } from './prerender.tsx'
import { isSameOriginRequest } from './request-guards.ts'
import { contentSecurityPolicyWithStyles } from './security-headers.ts'
import { failRequest, fileStats, sendFile, sendText } from './send-file.ts'

/** What the server knows of the build it serves. */
interface Build {
  page: AppPage
  /** Files (absolute paths) with compressed copies: in which codings. */
  compressed: ReadonlyMap<string, readonly Coding[]>
  /** Files never sent under their own name: the compressed copies. */
  copies: ReadonlySet<string>
}

function policyFor(styleHashes: readonly string[]): string | undefined {
  return styleHashes.length === 0 ? undefined : contentSecurityPolicyWithStyles(styleHashes)
}

/**
 * The page with `addition` (data elements such as a team's checklist) at the end of its
 * head, and its compressed copies made again, once, when the build is read.
 */
function withAddition(
  page: string,
  addition: string,
): { template: string; bodies: AppPage['bodies'] } {
  const template = page.replace('</head>', () => `${addition}</head>`)
  const identity = Buffer.from(template)
  return {
    template,
    bodies: { identity, br: brotliCompressSync(identity), gzip: gzipSync(identity) },
  }
}

function fromManifest(root: string, manifest: BuildManifest, addition: string): Build {
  const pageFile = join(root, manifest.page.file)
  const identity = readFileBytes(pageFile)
  let bodies: AppPage['bodies'] = { identity }
  let template = identity.toString('utf8')
  if (addition === '') {
    for (const coding of manifest.compressed[manifest.page.file] ?? []) {
      bodies[coding] = readFileBytes(pageFile + CODING_SUFFIX[coding])
    }
  } else {
    ;({ template, bodies } = withAddition(template, addition))
  }
  return {
    page: {
      template,
      bodies,
      entryLinks: manifest.page.entryLinks,
      policy: policyFor(manifest.page.styleHashes),
    },
    compressed: new Map(
      Object.entries(manifest.compressed).map(([path, codings]) => [join(root, path), codings]),
    ),
    copies: new Set(copiesIn(manifest).map((path) => join(root, path))),
  }
}

/** No manifest: the page made here from index.html, no compressed copies. */
function fromIndex(root: string, addition: string): Build {
  const { text, entryLinks, styleHashes } = pageTemplateOf(root)
  const template = text.replace('</head>', () => `${addition}</head>`)
  return {
    page: {
      template,
      bodies: { identity: Buffer.from(template) },
      entryLinks,
      policy: policyFor(styleHashes),
    },
    compressed: new Map(),
    copies: new Set(),
  }
}

function readFileBytes(path: string): Buffer {
  try {
    return readFileSync(path)
  } catch {
    throw new Error(`${path}, which the build manifest lists, cannot be read: run npm run build`)
  }
}

/**
 * The build in `root` as of now: read again only when its manifest (or, without one,
 * its index.html) is replaced. Undefined when there is no page to serve.
 */
function buildIn(root: string, addition: string): () => Build | undefined {
  let version = ''
  let build: Build | undefined
  return () => {
    const manifest = fileStats(join(root, MANIFEST_PATH))
    const source = manifest ?? fileStats(join(root, 'index.html'))
    const current =
      source === undefined
        ? ''
        : `${manifest ? 'manifest' : 'index'}:${source.ino}:${source.size}:${source.mtimeMs}`
    if (current !== version) {
      const read = manifest === undefined ? undefined : readBuildManifest(root)
      build =
        source === undefined
          ? undefined
          : read
            ? fromManifest(root, read, addition)
            : fromIndex(root, addition)
      version = current
    }
    return build
  }
}

export interface ServeStaticOptions {
  /**
   * No longer used: the build compresses the files (src/server/build-manifest.ts). Kept
   * so that callers passing it (production-app.ts's warmCompression) still compile.
   */
  warm?: boolean
  /** Renders pages on the server (src/server/prerender.tsx); without it the browser does. */
  prerender?: Prerenderer
  /**
   * HTML added to the end of the page's head, such as the element carrying a team's
   * checklist (src/server/checklist-config.ts); data only, never a script to run.
   */
  pageAddition?: string
}

export function serveStatic(
  root: string,
  { prerender, pageAddition = '' }: ServeStaticOptions = {},
) {
  const current = buildIn(root, pageAddition)
  // At start: a manifest this version cannot read stops the server here, not on a request.
  current()
  const ownFolder = join(root, BUILD_DIR) + sep

  function serve(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD')
      sendText(res, 405, 'Method Not Allowed')
      return
    }
    let url: URL
    let pathname: string
    try {
      url = new URL(req.url ?? '/', 'http://localhost')
      pathname = decodeURIComponent(url.pathname)
    } catch {
      sendText(res, 400, 'Bad Request')
      return
    }
    const file = normalize(join(root, pathname))
    if (!file.startsWith(root + sep)) {
      sendText(res, 404, 'Not Found')
      return
    }
    const build = current()
    // The build's own files are answered as if they were not there, as before it wrote them.
    const own = file.startsWith(ownFolder) || build?.copies.has(file) === true
    const stats = own ? undefined : fileStats(file)
    if (stats !== undefined) {
      const immutable = pathname.startsWith('/assets/')
      const cacheControl = immutable ? 'public, max-age=31536000, immutable' : 'no-cache'
      sendFile(req, res, file, stats, cacheControl, build?.compressed.get(file) ?? [])
      return
    }
    if (build === undefined || extname(pathname) !== '') {
      sendText(res, 404, 'Not Found')
      return
    }
    // A client-side route such as /properties/12: the SPA decides what to show, and
    // the browser can start the page's files and API reads while the HTML arrives.
    // Another site's <img src> or link must not make us spend the account's API
    // reads (its rate limit): cross-site loads get the plain page.
    if (prerender?.renders(url) && isSameOriginRequest(req)) {
      const render =
        req.method === 'HEAD' ? Promise.resolve(null) : prerender(url, build.page.template)
      sendPageToRender(req, res, build.page, pathname, render)
      return
    }
    sendPage(req, res, build.page, pathname)
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    try {
      serve(req, res)
    } catch (error) {
      failRequest(res, error)
    }
  }
}
