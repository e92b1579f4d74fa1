// Fetches the code a first tap is likely to need (named by the build in a meta element,
// src/server/warm-modules-plugin.ts) once the page's own script is in, into the HTTP
// cache only: <link rel="prefetch"> downloads at the lowest priority and neither
// compiles nor runs anything, so the page's start is not held up, and the first tap on
// Edit finds its dialog's code on this machine rather than a round trip away (the
// build's files are cached for good: their names change with their content).
import * as z from 'zod/mini'

const META_NAME = 'roster-warm-modules'

/** Only the build's own script files, on this origin. */
const WarmFilesSchema = z.lazy(() => z.array(z.string().check(z.regex(/^\/assets\/[\w.-]+\.js$/))))

export function warmFiles(document: Document): string[] {
  const content = document.querySelector<HTMLMetaElement>(`meta[name="${META_NAME}"]`)?.content
  if (!content) return []
  return WarmFilesSchema.safeParse(content.split(/\s+/).filter(Boolean)).data ?? []
}

/** Adds a prefetch link for each file not already asked for. */
export function warmModules(document: Document): void {
  const head = document.head
  for (const href of warmFiles(document)) {
    if (head.querySelector(`link[href="${href}"]`)) continue
    const link = document.createElement('link')
    link.rel = 'prefetch'
    link.as = 'script'
    // As a module script is fetched (CORS, same-origin credentials), so that the
    // import() that needs it takes it from the cache.
    link.crossOrigin = ''
    link.href = href
    head.append(link)
  }
}
