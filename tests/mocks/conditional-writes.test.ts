// The mock backend's conditional link writes (docs/contract.md, "Conditional link
// writes"): single-link answers carry the link's version as ETag, a write with a stale
// If-Match is a 412 with the link as it is now, and `updated` always moves on a change.
import { describe, expect, it } from 'vitest'
import { linkVersion } from '../../src/api/link-version'
import { PropertyContactSchema, type PropertyContact } from '../../src/api/schemas'
import { setNow } from '../../src/mocks/config'
import { API, api, type ErrorBody } from './api'

const PROPERTY = 1

interface WriteResult<T> {
  status: number
  etag: string | null
  body: T
}

/** What the client would send: If-Match and a JSON body. */
async function write<T = unknown>(
  method: 'PUT' | 'DELETE' | 'POST',
  path: string,
  options: { ifMatch?: string; ifNoneMatch?: string; body?: unknown; raw?: string } = {},
): Promise<WriteResult<T>> {
  const headers: Record<string, string> = {}
  if (options.ifMatch !== undefined) headers['if-match'] = options.ifMatch
  if (options.ifNoneMatch !== undefined) headers['if-none-match'] = options.ifNoneMatch
  let body: string | undefined
  if (options.raw !== undefined || options.body !== undefined) {
    headers['content-type'] = 'application/json'
    body = options.raw ?? JSON.stringify(options.body)
  }
  const response = await fetch(`${API}${path}`, { method, headers, body })
  const text = await response.text()
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    body: (text === '' ? undefined : JSON.parse(text)) as T,
  }
}

const linkPath = (contactId: number) => `/properties/${PROPERTY}/contacts/${contactId}`

async function roster(): Promise<PropertyContact[]> {
  const { status, body } = await api<PropertyContact[]>('GET', `/properties/${PROPERTY}/contacts`)
  expect(status).toBe(200)
  return body
}

async function firstLink(): Promise<PropertyContact> {
  const [link] = await roster()
  if (!link) throw new Error(`property ${PROPERTY} has no links`)
  return link
}

async function readLink(contactId: number) {
  return api<PropertyContact>('GET', linkPath(contactId))
}

/** The version a client computes for an answer: on the link as the typed client parses it. */
function versionOf(body: unknown): string {
  return linkVersion(PropertyContactSchema.parse(body))
}

describe('ETag', () => {
  it('is the version of the link in the answer, on GET, PUT and POST of a link', async () => {
    const link = await firstLink()
    const read = await readLink(link.contact_id)
    expect(read.headers.get('etag')).toBe(versionOf(read.body))
    expect(read.headers.get('etag')).toBe(linkVersion(link))

    const put = await write('PUT', linkPath(link.contact_id), { body: { notes: 'Moved on' } })
    expect(put.status).toBe(200)
    expect(put.etag).toBe(versionOf(put.body))
    expect(put.etag).not.toBe(read.headers.get('etag'))

    const linked = new Set((await roster()).map((l) => l.contact_id))
    const contactId = Array.from({ length: 400 }, (_, i) => i + 1).find((id) => !linked.has(id))
    const post = await write('POST', `/properties/${PROPERTY}/contacts`, {
      body: { contact_id: contactId, role: 'Inspector' },
    })
    expect(post.status).toBe(201)
    expect(post.etag).toBe(versionOf(post.body))
  })

  it('is not sent with a list, which has no one version', async () => {
    const { headers } = await api('GET', `/properties/${PROPERTY}/contacts`)
    expect(headers.get('etag')).toBeNull()
  })
})

describe('If-Match', () => {
  it('writes when it admits the current version: the tag, *, a list, a weak tag', async () => {
    const link = await firstLink()
    let tag = linkVersion(link)
    for (const [index, ifMatch] of [
      (t: string) => t,
      () => '*',
      (t: string) => `"v1-0000000000000000", ${t}`,
      (t: string) => `W/${t}`,
    ].entries()) {
      const result = await write<PropertyContact>('PUT', linkPath(link.contact_id), {
        ifMatch: ifMatch(tag),
        body: { notes: `Edit ${index}` },
      })
      expect(result.status).toBe(200)
      expect(result.body.notes).toBe(`Edit ${index}`)
      tag = result.etag ?? ''
    }
  })

  it('answers a stale version with 412 and the current link, and changes nothing', async () => {
    const link = await firstLink()
    const stale = linkVersion(link)
    await write('PUT', linkPath(link.contact_id), { ifMatch: stale, body: { notes: 'By Ana' } })
    const before = await readLink(link.contact_id)

    const put = await write<ErrorBody & { current: unknown }>('PUT', linkPath(link.contact_id), {
      ifMatch: stale,
      body: { notes: 'By Ben', primary: !link.primary },
    })
    expect(put.status).toBe(412)
    expect(put.body.message).toBe(
      `Contact ${link.contact_id}'s link to property ${PROPERTY} changed since it was read; nothing was written.`,
    )
    expect(put.body.current).toEqual(before.body)

    const del = await write<ErrorBody & { current: unknown }>('DELETE', linkPath(link.contact_id), {
      ifMatch: stale,
    })
    expect(del.status).toBe(412)
    expect(del.body.current).toEqual(before.body)

    const after = await readLink(link.contact_id)
    expect(after.status).toBe(200)
    expect(after.body).toEqual(before.body)
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'))
  })

  it('deletes with the current version', async () => {
    const link = await firstLink()
    const del = await write('DELETE', linkPath(link.contact_id), { ifMatch: linkVersion(link) })
    expect(del.status).toBe(200)
    expect((await readLink(link.contact_id)).status).toBe(404)
  })

  it('answers 404, not 412, for a link or property that is not there', async () => {
    const link = await firstLink()
    await write('DELETE', linkPath(link.contact_id))
    for (const path of [linkPath(link.contact_id), `/properties/99999/contacts/1`]) {
      const put = await write('PUT', path, { ifMatch: '*', body: { notes: 'x' } })
      expect(put.status, path).toBe(404)
      const del = await write('DELETE', path, { ifMatch: linkVersion(link) })
      expect(del.status, path).toBe(404)
    }
  })

  it('checks a PUT body first: a bad one is a 400 naming the field, even when stale', async () => {
    const link = await firstLink()
    const stale = '"v1-0000000000000000"'
    const bad = await write<ErrorBody>('PUT', linkPath(link.contact_id), {
      ifMatch: stale,
      body: { start_date: '2026-02-30' },
    })
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.body.errors ?? {})).toEqual(['start_date'])
    const notJson = await write('PUT', linkPath(link.contact_id), { ifMatch: stale, raw: '{' })
    expect(notJson.status).toBe(400)
    expect((await readLink(link.contact_id)).body).toEqual(link)
  })

  it('is not needed: without it a write is unconditional, as upstream', async () => {
    const link = await firstLink()
    await write('PUT', linkPath(link.contact_id), { body: { notes: 'One' } })
    const second = await write<PropertyContact>('PUT', linkPath(link.contact_id), {
      body: { notes: 'Two' },
    })
    expect(second.status).toBe(200)
    expect(second.body.notes).toBe('Two')
  })
})

describe('If-None-Match: * on a link POST', () => {
  it('is a 409 naming the role when the contact is linked', async () => {
    const link = await firstLink()
    const post = await write<ErrorBody>('POST', `/properties/${PROPERTY}/contacts`, {
      ifNoneMatch: '*',
      body: { contact_id: link.contact_id },
    })
    expect(post.status).toBe(409)
    const role = link.role === null ? 'with no role' : `as ${link.role}`
    expect(post.body.message).toBe(
      `Contact ${link.contact_id} is already linked to property ${PROPERTY} ${role}.`,
    )
  })
})

describe('updated', () => {
  const NOW = '2026-11-02T10:00:00.000Z'

  it('moves forward on each change even when two land in the same millisecond', async () => {
    setNow(new Date(NOW))
    const link = await firstLink()
    const versions = [linkVersion(link)]
    const stamps = [Date.parse(link.updated)]
    for (const notes of ['A', 'B', link.notes]) {
      const result = await write('PUT', linkPath(link.contact_id), { body: { notes } })
      const parsed = PropertyContactSchema.parse(result.body)
      stamps.push(Date.parse(parsed.updated))
      versions.push(linkVersion(parsed))
    }
    // The last write puts the notes back: same values as at first, a new version.
    expect(new Set(versions).size).toBe(4)
    for (let i = 1; i < stamps.length; i++) {
      expect(stamps[i]).toBeGreaterThan(stamps[i - 1] ?? Infinity)
    }
    expect(stamps[3]).toBe((stamps[1] ?? Number.NaN) + 2)
  })

  it('moves forward when the clock is behind the link', async () => {
    const link = await firstLink()
    setNow(new Date(Date.parse(link.updated) - 60_000))
    const result = await write<PropertyContact>('PUT', linkPath(link.contact_id), {
      body: { notes: 'Clock skew' },
    })
    expect(Date.parse(result.body.updated)).toBe(Date.parse(link.updated) + 1)
  })

  it('moves for a link demoted in the same millisecond, so its old version fails', async () => {
    setNow(new Date(NOW))
    const links = await roster()
    const primary = links.find(
      (l) => l.primary && l.role !== null && links.some((o) => o.role === l.role && !o.primary),
    )
    const other = links.find((l) => l.role === primary?.role && !l.primary)
    if (!primary || !other) throw new Error(`property ${PROPERTY} has no role with two links`)
    // Make the primary's `updated` NOW, then promote the other within the same ms.
    const touched = await write<PropertyContact>('PUT', linkPath(primary.contact_id), {
      body: { notes: 'Touched' },
    })
    const promoted = await write('PUT', linkPath(other.contact_id), { body: { primary: true } })
    expect(promoted.status).toBe(200)
    const demoted = await readLink(primary.contact_id)
    expect(demoted.body.primary).toBe(false)
    expect(Date.parse(demoted.body.updated)).toBeGreaterThan(Date.parse(touched.body.updated))
    const stale = await write('DELETE', linkPath(primary.contact_id), {
      ifMatch: versionOf(touched.body),
    })
    expect(stale.status).toBe(412)
  })

  it('stays put for a write that changes nothing, so versions held elsewhere stay good', async () => {
    const link = await firstLink()
    const same = await write('PUT', linkPath(link.contact_id), {
      ifMatch: linkVersion(link),
      body: { notes: link.notes, role: link.role },
    })
    expect(same.status).toBe(200)
    expect(same.etag).toBe(linkVersion(link))
  })
})
