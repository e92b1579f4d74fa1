// @vitest-environment node
// The Link header that starts the page's scripts: rel=modulepreload, the fetch a module
// script makes, never rel=preload; as=script, which fetches a module as a classic
// script. Chromium then drops the compile it did while the script streamed in and
// compiles the entry again on the main thread (e2e/bench/preload-variants.ts measures
// it: 77 ms of Lighthouse's mobile main-thread time, against 3 to 4 ms).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeBuildManifest } from '../../src/server/build-manifest'
import { entryLinksFor } from '../../src/server/preload-hints'
import type { Prerenderer } from '../../src/server/prerender'
import { allowedHostsFrom, createProductionHandler } from '../../src/server/production-app'
import { closeServers, letLocalRequestsThrough, listen } from './http-helpers'

/** index.html as `vite build` writes it: the entry and its chunk in the head, crossorigin. */
const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Roster</title>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/format-abc.js">
    <link rel="stylesheet" crossorigin href="/assets/index-abc.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`

const SCRIPT_HINTS = [
  '</assets/index-abc.js>; rel=modulepreload; crossorigin',
  '</assets/format-abc.js>; rel=modulepreload; crossorigin',
]

describe('entryLinksFor', () => {
  it('hints the entry and the chunks it imports as module preloads, with their crossorigin', () => {
    expect(entryLinksFor(INDEX)).toEqual([
      ...SCRIPT_HINTS,
      '</assets/index-abc.css>; rel=preload; as=style; crossorigin',
    ])
  })

  it('never hints a script as rel=preload; as=script', () => {
    const links = entryLinksFor(INDEX.replaceAll(' crossorigin', ''))
    expect(links).toContain('</assets/index-abc.js>; rel=modulepreload')
    expect(links.filter((link) => link.includes('as=script'))).toEqual([])
  })
})

describe('the page as sent', () => {
  let root = ''

  beforeEach(async () => {
    letLocalRequestsThrough()
    root = mkdtempSync(join(tmpdir(), 'roster-preload-'))
    mkdirSync(join(root, 'assets'))
    writeFileSync(join(root, 'index.html'), INDEX)
    writeFileSync(join(root, 'assets', 'index-abc.js'), 'export const app = 1\n'.repeat(500))
    writeFileSync(join(root, 'assets', 'format-abc.js'), 'export const format = 1\n')
    writeFileSync(join(root, 'assets', 'index-abc.css'), 'body { margin: 0 }\n'.repeat(50))
    await writeBuildManifest(root)
  })

  afterEach(async () => {
    await closeServers()
    rmSync(root, { recursive: true, force: true })
  })

  function linksOf(at: string, path: string): Promise<string[]> {
    return new Promise((resolve, reject) => {
      const req = request(`${at}${path}`)
      req.on('error', reject)
      req.on('response', (res) => {
        res.resume()
        res.on('end', () => resolve(splitLinks(res.headers)))
      })
      req.end()
    })
  }

  /** Node joins the response's Link headers with ", ". */
  function splitLinks(headers: IncomingHttpHeaders): string[] {
    const link: unknown = headers.link
    return typeof link === 'string' ? link.split(', ') : []
  }

  async function serve(prerender?: Prerenderer): Promise<string> {
    return listen(
      createProductionHandler({
        root,
        api: (_req, _res, next) => next(),
        allowedHosts: allowedHostsFrom('127.0.0.1', undefined),
        prerender,
      }),
    )
  }

  it('starts the scripts of a rendered property page as module preloads', async () => {
    const prerender: Prerenderer = Object.assign(
      (_url: URL, template: string) =>
        Promise.resolve(
          template.replace('<div id="root"></div>', '<div id="root"><h1>12 Elm</h1></div>'),
        ),
      { renders: (url: URL) => /^\/properties\/\d+$/.test(url.pathname) },
    )
    const links = await linksOf(await serve(prerender), '/properties/12')
    expect(links.filter((link) => link.includes('.js>'))).toEqual(SCRIPT_HINTS)
    expect(links.some((link) => link.includes('as=script'))).toBe(false)
  })

  it('does the same for a page the browser renders, next to its API preloads', async () => {
    const links = await linksOf(await serve(), '/properties/12')
    expect(links.filter((link) => link.includes('.js>'))).toEqual(SCRIPT_HINTS)
    expect(links).toContain('</api/v1/properties/12>; rel=preload; as=fetch; crossorigin=anonymous')
    expect(links.some((link) => link.includes('as=script'))).toBe(false)
  })
})
