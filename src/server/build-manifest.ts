// What the build does once so that the server does not do it per request (house style:
// build-time over run-time). After `vite build` writes dist/, writeBuildManifest:
// - makes the app's page: index.html with the build's stylesheet inline, in a <style>
//   element the page's CSP allows by hash (a stylesheet holding "</style" stays a link);
// - lists the entry files to preload with it (src/server/preload-hints.ts);
// - writes a brotli and a gzip copy beside each text file of MIN_COMPRESS_BYTES or
//   more (x.js.br, x.js.gz; best quality), where the copy is smaller;
// - records all of it in .roster/manifest.json, written last.
// The server (src/server/static-files.ts) reads the manifest once per build and only
// picks files; it never sends .roster/ or the compressed copies under their own names.
// Registered for every `vite build` by src/server/build-manifest-plugin.ts.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { isCompressible, MIN_COMPRESS_BYTES } from './content-types.ts'
import { CODING_SUFFIX, CODINGS, compressBest, type Coding } from './encoding.ts'
import { entryLinksFor } from './preload-hints.ts'

/** The build's own folder in dist/: the server never sends what is in it. */
export const BUILD_DIR = '.roster'
export const MANIFEST_PATH = `${BUILD_DIR}/manifest.json`
/** The page, when inlining changed it; otherwise the page is index.html itself. */
const PAGE_PATH = `${BUILD_DIR}/page.html`
const VERSION = 1

export interface BuildManifest {
  version: typeof VERSION
  page: {
    /** The page as sent, relative to the root: index.html or PAGE_PATH. */
    file: string
    /** Link header values for the files it loads. */
    entryLinks: string[]
    /** CSP hashes of the styles inline in it. */
    styleHashes: string[]
  }
  /** Files (relative to the root, `/`-separated) that have compressed copies: which. */
  compressed: Record<string, Coding[]>
}

const STYLESHEET_LINK = /<link\b[^>]*\brel=["']?stylesheet["']?[^>]*>/gi
const HREF = /\bhref=["']?(\/assets\/[\w.-]+\.css)["']?/i

/**
 * index.html with each of the build's stylesheets put inline, in a <style> element the
 * page's CSP allows by hash: the page can paint as soon as its HTML is in, a round trip
 * sooner than with a stylesheet to fetch first (a server-rendered page is complete
 * then). A stylesheet that cannot be read, or that holds "</style", stays a link.
 */
export function inlineStylesheets(
  html: string,
  readAsset: (path: string) => string | undefined,
): { text: string; styleHashes: string[] } {
  const styleHashes: string[] = []
  const text = html.replace(STYLESHEET_LINK, (tag) => {
    const path = HREF.exec(tag)?.[1]
    const css = path === undefined ? undefined : readAsset(path)
    if (css === undefined || /<\/style/i.test(css)) return tag
    styleHashes.push(`sha256-${createHash('sha256').update(css).digest('base64')}`)
    // The disabled link is never fetched nor applied; it tells Vite's preload helper
    // that the page has this stylesheet, which a lazy chunk would otherwise fetch and
    // apply again (restyling the whole page) the first time a dialog opens.
    return `<style>${css}</style><link rel="stylesheet" href="${path}" disabled>`
  })
  return { text, styleHashes }
}

export interface PageTemplate {
  /** index.html as it is in the root. */
  html: string
  /** The page as sent: index.html with its stylesheets inline. */
  text: string
  entryLinks: string[]
  styleHashes: string[]
}

/** The app's page made from the root's index.html (throws when there is none). */
export function pageTemplateOf(root: string): PageTemplate {
  const html = readFileSync(join(root, 'index.html'), 'utf8')
  const { text, styleHashes } = inlineStylesheets(html, (path) => {
    try {
      return readFileSync(join(root, path), 'utf8')
    } catch {
      return undefined
    }
  })
  return { html, text, entryLinks: entryLinksFor(text), styleHashes }
}

/** The root's manifest; undefined when it has none (an older build, a hand-made root). */
export function readBuildManifest(root: string): BuildManifest | undefined {
  let json: string
  try {
    json = readFileSync(join(root, MANIFEST_PATH), 'utf8')
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined
    throw error
  }
  const value: unknown = JSON.parse(json)
  if (!isManifest(value)) {
    throw new Error(
      `${join(root, MANIFEST_PATH)} was not written by this version: run npm run build`,
    )
  }
  return value
}

/** The compressed copies a manifest lists, relative to the root. */
export function copiesIn(manifest: BuildManifest): string[] {
  return Object.entries(manifest.compressed).flatMap(([path, codings]) =>
    codings.map((coding) => path + CODING_SUFFIX[coding]),
  )
}

/** Does the build's work on the files in `root` (see the top of this file). */
export async function writeBuildManifest(root: string): Promise<BuildManifest> {
  // An earlier build's copies, left in a folder the build did not empty, are ours to remove.
  let previous: BuildManifest | undefined
  try {
    previous = readBuildManifest(root)
  } catch {
    previous = undefined
  }
  await rm(join(root, BUILD_DIR), { recursive: true, force: true })
  if (previous !== undefined) {
    await Promise.all(copiesIn(previous).map((path) => rm(join(root, path), { force: true })))
  }
  const page = pageTemplateOf(root)
  const pageFile = page.text === page.html ? 'index.html' : PAGE_PATH
  await mkdir(join(root, BUILD_DIR), { recursive: true })
  if (pageFile === PAGE_PATH) await writeFile(join(root, PAGE_PATH), page.text)

  const files = await filesUnder(root)
  // A file of the build's own (say public/notes.txt.gz) is never replaced by a copy.
  const taken = new Set(files)
  const texts = [...files, ...(pageFile === PAGE_PATH ? [PAGE_PATH] : [])].filter(isCompressible)
  const compressed = new Map<string, Coding[]>()
  await Promise.all(
    texts.map(async (path) => {
      const data = await readFile(join(root, path))
      if (data.length < MIN_COMPRESS_BYTES) return
      const codings: Coding[] = []
      for (const coding of CODINGS) {
        const copy = path + CODING_SUFFIX[coding]
        if (taken.has(copy)) continue
        const body = await compressBest(data, coding)
        if (body.length >= data.length) continue
        await writeFile(join(root, copy), body)
        codings.push(coding)
      }
      if (codings.length > 0) compressed.set(path, codings)
    }),
  )

  const manifest: BuildManifest = {
    version: VERSION,
    page: { file: pageFile, entryLinks: page.entryLinks, styleHashes: page.styleHashes },
    compressed: Object.fromEntries([...compressed].sort(([a], [b]) => (a < b ? -1 : 1))),
  }
  // Written whole, then renamed: a server never reads half a manifest.
  const partial = join(root, `${MANIFEST_PATH}.partial`)
  await writeFile(partial, `${JSON.stringify(manifest, null, 2)}\n`)
  await rename(partial, join(root, MANIFEST_PATH))
  return manifest
}

/** Every file under root, relative to it, `/`-separated; not the build's own folder. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !path.startsWith(`${BUILD_DIR}/`))
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

function isManifest(value: unknown): value is BuildManifest {
  if (typeof value !== 'object' || value === null) return false
  const { version, page, compressed } = value as Record<string, unknown>
  if (version !== VERSION || typeof page !== 'object' || page === null) return false
  const { file, entryLinks, styleHashes } = page as Record<string, unknown>
  if (typeof file !== 'string' || !isStrings(entryLinks) || !isStrings(styleHashes)) return false
  if (typeof compressed !== 'object' || compressed === null) return false
  return Object.values(compressed).every(
    (codings) => isStrings(codings) && codings.every((coding) => coding in CODING_SUFFIX),
  )
}
