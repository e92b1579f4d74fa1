// `Link` headers on the HTML of the app's pages, so the browser starts the downloads
// a page needs as soon as the response's headers arrive, before it has even parsed
// the HTML, let alone run the script:
// - the build's entry files (its module script, the modules that script imports and
//   its stylesheet), read from index.html itself, so they follow every build;
// - the API reads a page starts with. The app's own fetch of the same URL (same mode
//   and credentials: crossorigin=anonymous is fetch()'s default) takes the preloaded
//   response. Pages and API paths come from src/config/paths.ts, as the router's and
//   the client's do. Not for a page rendered on the server: its data is in it.
// The entry script comes first: over HTTP/1.1 the first request after the HTML may
// reuse its connection, and the script is the largest file the page needs.

import { matchPropertyPage, propertyPageReads } from '../config/paths.ts'

function apiReadsOf(pathname: string): string[] {
  const page = matchPropertyPage(pathname)
  return page === null ? [] : propertyPageReads(page.propertyId)
}

/** Link header values for the API reads of the page at `pathname`; none for other pages. */
export function preloadLinksFor(pathname: string): string[] {
  return apiReadsOf(pathname).map((url) => `<${url}>; rel=preload; as=fetch; crossorigin=anonymous`)
}

/**
 * The same hints as `<link>` elements in the page's head, for when the headers went out
 * before the server knew it would send the page without its data.
 */
export function withPreloadTags(html: string, pathname: string): string {
  const tags = apiReadsOf(pathname)
    .map((url) => `<link rel="preload" href="${url}" as="fetch" crossorigin="anonymous">`)
    .join('')
  return tags === '' ? html : html.replace('</head>', () => `${tags}</head>`)
}

const TAG = /<(script|link)\b[^>]*>/gi
const ATTRIBUTE = /([a-z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/gi

/** The attributes of one start tag, names lower-cased (the bench reads index.html with it too). */
export function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>()
  const body = tag.replace(/^<[a-z]+/i, '').replace(/\/?>$/, '')
  for (const match of body.matchAll(ATTRIBUTE)) {
    const name = match[1]?.toLowerCase()
    if (name) attributes.set(name, match[2] ?? match[3] ?? match[4] ?? '')
  }
  return attributes
}

/** Only our own files: a path on this origin, nothing a header could be broken by. */
const SAME_ORIGIN_PATH = /^\/(?!\/)[^\s<>;,"]*$/

/**
 * Link header values for the files index.html loads before anything shows: its module
 * scripts first (the entry is the largest), then the modules it preloads, then its
 * stylesheets. Scripts go as rel=modulepreload (with the tag's crossorigin, so mode and
 * credentials match), never as rel=preload; as=script: that fetches a module as a
 * classic script, and Chromium then throws away the compile it did while the script
 * streamed in ("wrong script type" in its trace) and compiles the entry again on the
 * main thread, 77 ms of Lighthouse's mobile main-thread time. A modulepreload is the
 * fetch the <script type=module> and <link rel=modulepreload> of the page make: they
 * take it (fetched once) and it is compiled off the main thread as it streams in
 * (e2e/bench/preload-variants.ts measures the hints side by side).
 */
export function entryLinksFor(html: string): string[] {
  const entries: string[] = []
  const modules: string[] = []
  const styles: string[] = []
  for (const [tag, name = ''] of html.matchAll(TAG)) {
    const attributes = attributesOf(tag)
    const crossorigin = attributes.has('crossorigin') ? '; crossorigin' : ''
    if (name.toLowerCase() === 'script') {
      const src = attributes.get('src')
      if (attributes.get('type') === 'module' && src && SAME_ORIGIN_PATH.test(src)) {
        entries.push(`<${src}>; rel=modulepreload${crossorigin}`)
      }
      continue
    }
    const rel = attributes.get('rel')?.toLowerCase()
    const href = attributes.get('href')
    // A disabled stylesheet is not loaded (build-manifest.ts marks an inline one so).
    if (!href || !SAME_ORIGIN_PATH.test(href) || attributes.has('disabled')) continue
    if (rel === 'modulepreload') modules.push(`<${href}>; rel=modulepreload${crossorigin}`)
    else if (rel === 'stylesheet') styles.push(`<${href}>; rel=preload; as=style${crossorigin}`)
  }
  return [...new Set([...entries, ...modules, ...styles])]
}
