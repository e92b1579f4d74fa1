// Conditional link writes in the typed client (docs/contract.md, "Conditional link
// writes"): a write that starts from a version is refused when the link moved on, and a
// write is never made to a link it did not mean. Both ways of checking, against the
// mock backend (MSW) and against a fetch stub for what the mock never does.
import { afterEach, describe, expect, it } from 'vitest'
import {
  ConflictError,
  NotFoundError,
  OpenToCloseAPI,
  PreconditionFailedError,
  WrongLinkError,
  linkChanges,
  linkVersion,
  versionMatches,
  wrongLinkProblem,
  PropertyContactSchema,
  type PropertyContact,
} from '../../src/api'
import type { VersionCheck } from '../../src/api/resources/property-contacts'
import { setNow } from '../../src/mocks/config'
import {
  contactJson,
  errorResponse,
  jsonResponse,
  linkJson,
  rejectionOf,
  stubApi,
} from './fetch-stub'

const BASE = 'http://localhost:3000/api/v1'
const PROPERTY = 1

afterEach(() => {
  setNow(null)
})

interface Sent {
  method: string
  path: string
  headers: Headers
}

/** A client of the mock backend whose requests are recorded as they leave. */
function mockClient(versionCheck: VersionCheck) {
  const sent: Sent[] = []
  const client = new OpenToCloseAPI({
    baseUrl: BASE,
    versionCheck,
    fetch: (input, init) => {
      sent.push({
        method: init.method ?? 'GET',
        path: new URL(input).pathname.replace('/api/v1', ''),
        headers: new Headers(init.headers),
      })
      return globalThis.fetch(input, init)
    },
  })
  return { client, sent, methods: () => sent.map((request) => request.method) }
}

/** A seeded link of property 1, read fresh. */
async function seededLink(): Promise<PropertyContact> {
  const { client } = mockClient('conditional')
  const [first] = await client.propertyContacts.listPropertyContacts(PROPERTY)
  if (!first) throw new Error(`property ${PROPERTY} has no links`)
  return first
}

async function unlinkedContact(): Promise<number> {
  const { client } = mockClient('conditional')
  const linked = new Set(
    (await client.propertyContacts.listPropertyContacts(PROPERTY)).map((l) => l.contact_id),
  )
  for (let id = 1; id < 400; id++) if (!linked.has(id)) return id
  throw new Error('every contact is linked')
}

/** Another person's change, made behind the client's back. */
async function changedByAnother(link: PropertyContact, notes: string): Promise<void> {
  const { client } = mockClient('conditional')
  await client.propertyContacts.updatePropertyContact(PROPERTY, link.contact_id, { notes })
}

async function readBack(contactId: number): Promise<PropertyContact> {
  const { client } = mockClient('conditional')
  return client.propertyContacts.retrievePropertyContact(PROPERTY, contactId)
}

// ---------------------------------------------------------------------------

describe('linkVersion', () => {
  const link = (): PropertyContact => PropertyContactSchema.parse(linkJson())

  it('is a quoted entity tag, the same for the same values', () => {
    expect(linkVersion(link())).toMatch(/^"v1-[0-9a-f]{16}"$/)
    expect(linkVersion(link())).toBe(linkVersion(link()))
  })

  it.each([
    ['property_id', 124],
    ['contact_id', 457],
    ['role', 'Seller'],
    ['role', null],
    ['primary', false],
    ['start_date', null],
    ['start_date', '2024-01-16'],
    ['notes', null],
    ['notes', 'Decision maker '],
    ['updated', '2025-06-04T01:18:08.001Z'],
  ])('moves when %s becomes %j', (field, value) => {
    expect(linkVersion({ ...link(), [field]: value })).not.toBe(linkVersion(link()))
  })

  it('ignores what is not the link’s state: its id, created, the contact’s details', () => {
    const other: PropertyContact = {
      ...link(),
      id: 1,
      created: '2020-01-01T00:00:00.000Z',
      contact: { ...link().contact, first_name: 'Grace' },
    }
    expect(linkVersion(other)).toBe(linkVersion(link()))
  })

  it('tells apart values that would run together as text', () => {
    expect(linkVersion({ ...link(), role: 'a,b', notes: 'c' })).not.toBe(
      linkVersion({ ...link(), role: 'a', notes: 'b,c' }),
    )
    expect(linkVersion({ ...link(), notes: 'null' })).not.toBe(
      linkVersion({ ...link(), notes: null }),
    )
  })
})

describe('versionMatches', () => {
  const link = linkJson()
  const tag = linkVersion(link)

  it.each([
    ['the tag', tag],
    ['* (any version)', '*'],
    ['* with spaces', '  *  '],
    ['a list holding it', `"v1-0000000000000000", ${tag}`],
    ['a list without spaces', `"v1-0000000000000000",${tag}`],
    ['its weak form', `W/${tag}`],
    ['its weak form in a list', `"x", W/${tag} `],
  ])('admits %s', (_, ifMatch) => {
    expect(versionMatches(ifMatch, link)).toBe(true)
  })

  it.each([
    ['another tag', '"v1-0000000000000000"'],
    ['the tag without quotes', tag.slice(1, -1)],
    ['nothing', ''],
    ['a list of others', '"a", "b"'],
    ['* inside a list', `"a", *`],
  ])('refuses %s', (_, ifMatch) => {
    expect(versionMatches(ifMatch, link)).toBe(false)
  })
})

describe('linkChanges', () => {
  it('lists what differs, in form order, from and to', () => {
    const before = linkJson()
    const after = { ...before, notes: null, role: 'Seller', primary: true }
    expect(linkChanges(before, after)).toEqual([
      { field: 'role', from: 'Buyer', to: 'Seller' },
      { field: 'notes', from: 'Decision maker', to: null },
    ])
    const touched: PropertyContact = { ...PropertyContactSchema.parse(before), updated: 'later' }
    expect(linkChanges(before, touched)).toEqual([])
  })
})

describe('wrongLinkProblem', () => {
  const link = { ...linkJson(), contact: contactJson() }

  it('is null for the link addressed', () => {
    expect(wrongLinkProblem(link, 123, 456)).toBeNull()
  })

  it('names another contact, by the link or by its embedded contact', () => {
    expect(wrongLinkProblem(link, 123, 457)).toBe(
      'The server answered with the link of another contact (456) instead of contact 457.',
    )
    const mixed = { ...link, contact: contactJson({ id: 999 }) }
    expect(wrongLinkProblem(mixed, 123, 456)).toContain('another contact (999)')
  })

  it('names another property', () => {
    expect(wrongLinkProblem(link, 124, 456)).toBe(
      'The server answered with a link of property 123 instead of property 124.',
    )
  })
})

// ---------------------------------------------------------------------------

describe("versionCheck 'conditional' against the mock backend", () => {
  it('sends If-Match and writes when the version is current', async () => {
    const link = await seededLink()
    const { client, sent } = mockClient('conditional')
    const saved = await client.propertyContacts.updatePropertyContact(
      PROPERTY,
      link.contact_id,
      { notes: 'Mine' },
      { ifMatch: linkVersion(link) },
    )
    expect(saved?.notes).toBe('Mine')
    expect(sent.map((r) => `${r.method} ${r.headers.get('If-Match') ?? '-'}`)).toEqual([
      `PUT ${linkVersion(link)}`,
    ])
  })

  it('gets PreconditionFailedError with the current link after another client changed it', async () => {
    const link = await seededLink()
    await changedByAnother(link, 'Ana’s note')
    const { client, methods } = mockClient('conditional')
    const error = await rejectionOf(
      client.propertyContacts.updatePropertyContact(
        PROPERTY,
        link.contact_id,
        { notes: 'Mine' },
        { ifMatch: linkVersion(link) },
      ),
    )
    expect(error).toBeInstanceOf(PreconditionFailedError)
    const failed = error as PreconditionFailedError
    expect(failed.status).toBe(412)
    expect(failed.current).toEqual(await readBack(link.contact_id))
    expect(failed.current?.notes).toBe('Ana’s note')
    expect(methods()).toEqual(['PUT'])
    expect((await readBack(link.contact_id)).notes).toBe('Ana’s note')

    const unlink = await rejectionOf(
      client.propertyContacts.deletePropertyContact(PROPERTY, link.contact_id, {
        ifMatch: linkVersion(link),
      }),
    )
    expect(unlink).toBeInstanceOf(PreconditionFailedError)
    expect((await readBack(link.contact_id)).contact_id).toBe(link.contact_id)
  })

  it('gets NotFoundError for a link that is gone', async () => {
    const link = await seededLink()
    const { client } = mockClient('conditional')
    await client.propertyContacts.deletePropertyContact(PROPERTY, link.contact_id)
    await expect(
      client.propertyContacts.updatePropertyContact(
        PROPERTY,
        link.contact_id,
        { notes: 'x' },
        { ifMatch: linkVersion(link) },
      ),
    ).rejects.toBeInstanceOf(NotFoundError)
  })

  it('onlyIfUnlinked sends If-None-Match: * and gets ConflictError when linked', async () => {
    const link = await seededLink()
    const { client, sent } = mockClient('conditional')
    const error = await rejectionOf(
      client.propertyContacts.createPropertyContact(
        PROPERTY,
        { contact_id: link.contact_id },
        { onlyIfUnlinked: true },
      ),
    )
    expect(error).toBeInstanceOf(ConflictError)
    expect((error as ConflictError).message).toContain('already linked')
    const contactId = await unlinkedContact()
    const created = await client.propertyContacts.createPropertyContact(
      PROPERTY,
      { contact_id: contactId, role: 'Inspector' },
      { onlyIfUnlinked: true },
    )
    expect(created).toMatchObject({ contact_id: contactId, role: 'Inspector' })
    expect(sent.map((r) => `${r.method} ${r.headers.get('If-None-Match') ?? '-'}`)).toEqual([
      'POST *',
      'POST *',
    ])
  })

  it('sees a new version after a change and its undo in the same millisecond', async () => {
    setNow(new Date('2026-11-02T10:00:00.000Z'))
    const seeded = await seededLink()
    const { client } = mockClient('conditional')
    const edit = async (notes: string, from: PropertyContact) => {
      const saved = await client.propertyContacts.updatePropertyContact(
        PROPERTY,
        seeded.contact_id,
        { notes },
        { ifMatch: linkVersion(from) },
      )
      if (!saved) throw new Error('the mock sends the link')
      return saved
    }
    // All three writes in one millisecond of the mock's clock.
    const start = await edit('Start', seeded)
    const back = await edit('Start', await edit('Temporary', start))
    expect(linkChanges(start, back)).toEqual([])
    expect(back.updated).not.toBe(start.updated)
    expect(linkVersion(back)).not.toBe(linkVersion(start))
    // So a client still holding the version before the round trip cannot overwrite it.
    await expect(
      client.propertyContacts.deletePropertyContact(PROPERTY, seeded.contact_id, {
        ifMatch: linkVersion(start),
      }),
    ).rejects.toBeInstanceOf(PreconditionFailedError)
  })
})

describe("versionCheck 'read-first' against the mock backend", () => {
  it('reads, then writes without If-Match, when the version is current', async () => {
    const link = await seededLink()
    const { client, sent } = mockClient('read-first')
    await client.propertyContacts.updatePropertyContact(
      PROPERTY,
      link.contact_id,
      { primary: !link.primary },
      { ifMatch: linkVersion(link) },
    )
    expect(sent.map((r) => r.method)).toEqual(['GET', 'PUT'])
    expect(sent.every((r) => !r.headers.has('If-Match'))).toBe(true)
  })

  it('refuses a stale version before sending anything: no PUT or DELETE reaches the server', async () => {
    const link = await seededLink()
    await changedByAnother(link, 'Ana’s note')
    const { client, methods } = mockClient('read-first')
    const error = await rejectionOf(
      client.propertyContacts.updatePropertyContact(
        PROPERTY,
        link.contact_id,
        { notes: 'Mine' },
        { ifMatch: linkVersion(link) },
      ),
    )
    expect(error).toBeInstanceOf(PreconditionFailedError)
    expect((error as PreconditionFailedError).status).toBe(0)
    expect((error as PreconditionFailedError).current?.notes).toBe('Ana’s note')
    await expect(
      client.propertyContacts.deletePropertyContact(PROPERTY, link.contact_id, {
        ifMatch: linkVersion(link),
      }),
    ).rejects.toBeInstanceOf(PreconditionFailedError)
    expect(methods()).toEqual(['GET', 'GET'])
    expect((await readBack(link.contact_id)).notes).toBe('Ana’s note')
  })

  it('refuses a link that is gone with NotFoundError, sending nothing else', async () => {
    const contactId = await unlinkedContact()
    const { client, methods } = mockClient('read-first')
    await expect(
      client.propertyContacts.deletePropertyContact(PROPERTY, contactId, { ifMatch: '*' }),
    ).rejects.toBeInstanceOf(NotFoundError)
    expect(methods()).toEqual(['GET'])
  })

  it('onlyIfUnlinked reads first: ConflictError without a POST, or a POST without the header', async () => {
    const link = await seededLink()
    const { client, sent } = mockClient('read-first')
    const error = await rejectionOf(
      client.propertyContacts.createPropertyContact(
        PROPERTY,
        { contact_id: link.contact_id },
        { onlyIfUnlinked: true },
      ),
    )
    expect(error).toBeInstanceOf(ConflictError)
    expect((error as ConflictError).message).toBe(
      `Contact ${link.contact_id} is already linked to property ${PROPERTY} as ${link.role ?? ''}.`,
    )
    expect(sent.map((r) => r.method)).toEqual(['GET'])

    const contactId = await unlinkedContact()
    await client.propertyContacts.createPropertyContact(
      PROPERTY,
      { contact_id: contactId },
      { onlyIfUnlinked: true },
    )
    expect(sent.map((r) => `${r.method} ${r.path}`).slice(1)).toEqual([
      `GET /properties/${PROPERTY}/contacts/${contactId}`,
      `POST /properties/${PROPERTY}/contacts`,
    ])
    expect(sent.some((r) => r.headers.has('If-None-Match'))).toBe(false)
  })
})

// ---------------------------------------------------------------------------

describe('the wrong-link guard', () => {
  const another = { contact_id: 999, contact: contactJson({ id: 999 }) }

  it.each([
    ['another contact', linkJson(another)],
    ['another property', linkJson({ property_id: 124 })],
    ['a live link of another contact', { id: 1, created: 0, contact: contactJson({ id: 999 }) }],
  ])(
    'read-first: a read answered with %s is a WrongLinkError, and nothing is written',
    async (_, answer) => {
      const { client, requests } = stubApi(() => jsonResponse(answer), {
        versionCheck: 'read-first',
      })
      const calls = [
        client.propertyContacts.updatePropertyContact(123, 456, { notes: 'x' }, { ifMatch: '*' }),
        client.propertyContacts.deletePropertyContact(123, 456, { ifMatch: '*' }),
        client.propertyContacts.createPropertyContact(
          123,
          { contact_id: 456 },
          { onlyIfUnlinked: true },
        ),
      ]
      for (const call of calls) {
        const error = await rejectionOf(call)
        expect(error).toBeInstanceOf(WrongLinkError)
        expect((error as WrongLinkError).message).toContain('Nothing was written.')
      }
      expect(requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET'])
    },
  )

  it('conditional: a 412 with wrong_link is a WrongLinkError', async () => {
    const { client, requests } = stubApi(
      () =>
        errorResponse(412, {
          message: 'The server answered with the link of another contact (999).',
          wrong_link: true,
        }),
      { versionCheck: 'conditional' },
    )
    for (const call of [
      client.propertyContacts.updatePropertyContact(123, 456, { notes: 'x' }, { ifMatch: '*' }),
      client.propertyContacts.deletePropertyContact(123, 456, { ifMatch: '*' }),
      client.propertyContacts.createPropertyContact(
        123,
        { contact_id: 456 },
        { onlyIfUnlinked: true },
      ),
    ]) {
      const error = await rejectionOf(call)
      expect(error).toBeInstanceOf(WrongLinkError)
      expect((error as WrongLinkError).status).toBe(412)
      expect((error as WrongLinkError).message).toContain('999')
    }
    expect(
      requests
        .map(
          (r) =>
            `${r.method} ${r.headers.get('If-Match') ?? r.headers.get('If-None-Match') ?? '-'}`,
        )
        .sort(),
    ).toEqual(['DELETE *', 'POST *', 'PUT *'])
  })

  it('conditional: a 412 whose current is another link gives no current to start from', async () => {
    const { client } = stubApi(
      () => errorResponse(412, { message: 'Changed.', current: linkJson(another) }),
      { versionCheck: 'conditional' },
    )
    const error = await rejectionOf(
      client.propertyContacts.deletePropertyContact(123, 456, { ifMatch: '"v1-x"' }),
    )
    expect(error).toBeInstanceOf(PreconditionFailedError)
    expect((error as PreconditionFailedError).current).toBeNull()
  })

  it('conditional: a 412 current without a property id is the addressed property’s', async () => {
    const live = { id: 1, created: 0, contact: contactJson() }
    const { client } = stubApi(() => errorResponse(412, { message: 'Changed.', current: live }), {
      versionCheck: 'conditional',
    })
    const error = await rejectionOf(
      client.propertyContacts.updatePropertyContact(123, 456, { notes: 'x' }, { ifMatch: '"a"' }),
    )
    expect((error as PreconditionFailedError).current).toMatchObject({
      property_id: 123,
      contact_id: 456,
    })
  })
})

describe('the mock backend under concurrent writes', () => {
  it('lets only one of two PUTs from the same version through', async () => {
    const { client } = mockClient('conditional')
    const link = await client.propertyContacts.retrievePropertyContact(PROPERTY, 2)
    const ifMatch = linkVersion(link)
    const results = await Promise.allSettled([
      client.propertyContacts.updatePropertyContact(PROPERTY, 2, { notes: 'first' }, { ifMatch }),
      client.propertyContacts.updatePropertyContact(PROPERTY, 2, { notes: 'second' }, { ifMatch }),
    ])
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected'])
    const refused = results.find((result) => result.status === 'rejected')
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(PreconditionFailedError)
  })
})

describe('timestamps without a zone', () => {
  it('are read as UTC, so every machine computes the same version', () => {
    const link = PropertyContactSchema.parse({
      ...linkJson({ id: 5, property_id: 1, contact_id: 2 }),
      updated: '2025-06-04 01:18:08.767548',
    })
    expect(link.updated).toBe('2025-06-04T01:18:08.767Z')
  })
})
