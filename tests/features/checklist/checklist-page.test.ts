// @vitest-environment node
// A team's checklist travels with every page the production (and standalone) server
// sends: in the page as it is and in its compressed copies, made again for it.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checklistElement } from '../../../src/features/checklist/checklist-config'
import { writeBuildManifest } from '../../../src/server/build-manifest'
import { allowedHostsFrom, createProductionHandler } from '../../../src/server/production-app'
import { closeServers, letLocalRequestsThrough, listen } from '../../server/http-helpers'

const INDEX = `<!doctype html><html lang="en"><head><title>Roster</title>${'<meta name="x" content="padding for compression">'.repeat(40)}<script type="module" src="/assets/index-abc.js"></script></head><body><div id="root"></div></body></html>`
const CHECKLIST = { Buyer: [['Buyer']], Seller: [['Seller'], ['Co-listing Agent']], Dual: [] }

beforeEach(letLocalRequestsThrough)
afterEach(closeServers)

async function serve(withManifest: boolean) {
  const root = mkdtempSync(join(tmpdir(), 'roster-checklist-page-'))
  writeFileSync(join(root, 'index.html'), INDEX)
  if (withManifest) await writeBuildManifest(root)
  return listen(
    createProductionHandler({
      root,
      api: (_req, _res, next) => {
        next()
      },
      allowedHosts: allowedHostsFrom('127.0.0.1', undefined),
      checklist: CHECKLIST,
    }),
  )
}

describe('the page a team checklist is served with', () => {
  it.each([
    ['a build with its manifest', true],
    ['a folder without one', false],
  ])('carries it from %s, compressed or not', async (_what, withManifest) => {
    const origin = await serve(withManifest)
    const element = checklistElement(CHECKLIST)
    const plain = await fetch(`${origin}/properties`, {
      headers: { 'accept-encoding': 'identity' },
    })
    const html = await plain.text()
    expect(html).toContain(`${element}</head>`)
    if (!withManifest) return
    const raw = await new Promise<Buffer>((resolve, reject) => {
      void import('node:http').then(({ get }) =>
        get(`${origin}/properties`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          expect(res.headers['content-encoding']).toBe('gzip')
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => {
            resolve(Buffer.concat(chunks))
          })
        }).on('error', reject),
      )
    })
    expect(gunzipSync(raw).toString('utf8')).toContain(`${element}</head>`)
  })
})
