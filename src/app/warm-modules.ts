// Fetches the code a first tap is likely to need (named by the build in a meta element,
// src/server/warm-modules-plugin.ts) once the page's own script is in: <link
// rel="modulepreload"> fetches and compiles a module without running it, so the first
// tap on Edit finds its dialog's code here rather than a round trip away, and nothing
// competes with the page's own script for the network while it loads.
import * as z from 'zod/mini'

const META_NAME = 'roster-warm-modules'

/** Only the build's own script files, on this origin. */
const WarmFilesSchema = z.array(z.string().check(z.regex(/^\/assets\/[\w.-]+\.js$/)))

export function warmFiles(document: Document): string[] {
  const content = document.querySelector<HTMLMetaElement>(`meta[name="${META_NAME}"]`)?.content
  if (!content) return []
  return WarmFilesSchema.safeParse(content.split(/\s+/).filter(Boolean)).data ?? []
}

/** Adds a modulepreload link for each file not already preloaded. */
export function warmModules(document: Document): void {
  const head = document.head
  for (const href of warmFiles(document)) {
    if (head.querySelector(`link[rel="modulepreload"][href="${href}"]`)) continue
    const link = document.createElement('link')
    link.rel = 'modulepreload'
    // As Vite's own preloads are made, so that the import() that needs it takes it.
    link.crossOrigin = ''
    link.href = href
    head.append(link)
  }
}
