// Transaction setup never overwrites a change made since its review: each write is
// conditional on the link the plan was made against, and an item whose link changed
// is reported as "changed" and not written. Against the mock backend, read back from
// its db. Property 1's seed: Seller Eric Gonzalez (343, primary), Seller Nancy
// Thompson (242); Buyer Tariq Weber (110, primary), Buyer Patrick Garcia (2). Jordan
// Smith (7) is not on it.
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { OpenToCloseAPI, WrongLinkError, type FetchLike, type PropertyContact } from '../../src/api'
import {
  applyTransactionPlan,
  failedItems,
  itemState,
  setupPropertyTransaction,
  unconfirmedItems,
  type TransactionItemResult,
  type TransactionSetupInput,
} from '../../src/api/transaction-setup'
import type { VersionCheck } from '../../src/api/resources/property-contacts'
import { db } from '../../src/mocks/db'
import { server } from '../../src/mocks/node'

const BASE = 'http://localhost:3000/api/v1'
const LINK = '*/api/v1/properties/:propertyId/contacts/:contactId'

/** A client over the mock backend that records every request as "METHOD contactId". */
function recordingApi(versionCheck: VersionCheck = 'conditional') {
  const sent: string[] = []
  const fetch: FetchLike = (input, init) => {
    const method = init.method ?? 'GET'
    const fromPath = /\/contacts\/(\d+)$/.exec(new URL(input).pathname)?.[1]
    const fromBody =
      typeof init.body === 'string'
        ? String((JSON.parse(init.body) as { contact_id?: unknown }).contact_id)
        : undefined
    sent.push(`${method} ${fromPath ?? fromBody ?? 'roster'}`)
    return globalThis.fetch(input, init)
  }
  const client = new OpenToCloseAPI({ baseUrl: BASE, fetch, versionCheck })
  const writes = () => sent.filter((request) => !request.startsWith('GET'))
  return { client, sent, writes }
}

/** The plan a review shows: read and planned now, applied later. */
function review(input: Partial<TransactionSetupInput>) {
  const api = new OpenToCloseAPI({ baseUrl: BASE, versionCheck: 'conditional' })
  return setupPropertyTransaction(
    api,
    1,
    { sellers: [], buyers: [], agents: [], ...input },
    { dryRun: true },
  )
}

function linkOf(contactId: number) {
  const link = db.links.find(1, contactId)
  return link && { role: link.role, primary: link.primary, notes: link.notes }
}

function resultFor(results: readonly TransactionItemResult[], contactId: number) {
  const found = results.find((result) => result.item.contactId === contactId)
  if (!found) throw new Error(`no result for contact ${contactId}`)
  return found
}

function linkAnswer(link: PropertyContact | undefined) {
  if (!link) throw new Error('no such link in the seed')
  return HttpResponse.json(link)
}

// The browser's client lets the server check (If-Match, If-None-Match: *); a script's
// default client reads first and refuses before sending. Both must report the same.
describe.each(['conditional', 'read-first'] as const)('with %s version checks', (mode) => {
  it('reports an update whose link a colleague changed as changed, and writes nothing', async () => {
    const plan = await review({ others: [{ id: 242, role: 'Lender' }] })
    expect(plan.items[0]).toMatchObject({ action: 'update', current: { role: 'Seller' } })
    const notes = db.links.find(1, 242)?.notes ?? null
    db.links.update(1, 242, { role: 'Attorney', primary: true }) // the colleague
    const { client, writes } = recordingApi(mode)

    const applied = await applyTransactionPlan(client, 1, plan.items)

    expect(applied.results[0]).toMatchObject({
      status: 'changed',
      link: { contact_id: 242, role: 'Attorney', primary: true },
      sinceReview: {
        kind: 'edited',
        now: { role: 'Attorney', primary: true },
        changes: [
          { field: 'role', from: 'Seller', to: 'Attorney' },
          { field: 'primary', from: false, to: true },
        ],
      },
    })
    expect(applied.summary).toEqual({ done: 0, skipped: 0, changed: 1, failed: 0 })
    expect(linkOf(242)).toEqual({ role: 'Attorney', primary: true, notes })
    // Conditional: the PUT went and was refused (412); read-first: it never went.
    expect(writes()).toEqual(mode === 'conditional' ? ['PUT 242'] : [])
    // Not among the items to resend: its plan is out of date.
    expect(failedItems(applied.results)).toEqual([])
  })

  it('reports an update whose contact was unlinked meanwhile as changed, and links no one', async () => {
    const plan = await review({ others: [{ id: 242, role: 'Lender' }] })
    db.links.remove(1, 242)
    const { client } = recordingApi(mode)

    const applied = await applyTransactionPlan(client, 1, plan.items)

    expect(applied.results[0]).toMatchObject({
      status: 'changed',
      sinceReview: { kind: 'unlinked' },
    })
    expect(applied.results[0]?.link).toBeUndefined()
    expect(linkOf(242)).toBeUndefined()
  })

  it('reports a create whose contact a colleague linked meanwhile as changed, their link untouched', async () => {
    const plan = await review({ buyers: [7] })
    expect(plan.items[0]).toMatchObject({ action: 'create', role: 'Buyer', primary: true })
    db.links.create(1, 7, { role: 'Seller', primary: false, notes: 'Added by Sam' })
    const { client, writes } = recordingApi(mode)

    const applied = await applyTransactionPlan(client, 1, plan.items)

    expect(applied.results[0]).toMatchObject({
      status: 'changed',
      sinceReview: { kind: 'linked', now: { contact_id: 7, role: 'Seller', primary: false } },
    })
    expect(linkOf(7)).toEqual({ role: 'Seller', primary: false, notes: 'Added by Sam' })
    // Nothing updated, and Tariq Weber is still the primary Buyer.
    expect(writes()).toEqual(mode === 'conditional' ? ['POST 7'] : [])
    expect(linkOf(110)).toMatchObject({ role: 'Buyer', primary: true })
  })

  it('skips a create whose contact was linked meanwhile exactly as wanted', async () => {
    const plan = await review({ buyers: [7] })
    db.links.create(1, 7, { role: 'BUYER', primary: true })
    const { client } = recordingApi(mode)

    const applied = await applyTransactionPlan(client, 1, plan.items)

    expect(applied.results[0]).toMatchObject({ status: 'skipped', link: { role: 'BUYER' } })
    expect(applied.results[0]?.sinceReview).toBeUndefined()
    expect(applied.summary).toEqual({ done: 0, skipped: 1, changed: 0, failed: 0 })
  })

  it('takes an update whose link was changed meanwhile exactly as wanted as done', async () => {
    const plan = await review({ others: [{ id: 242, role: 'Lender' }] })
    db.links.update(1, 242, { role: 'Lender', notes: 'Moved by Sam' })
    const { client, writes } = recordingApi(mode)

    const applied = await applyTransactionPlan(client, 1, plan.items)

    expect(applied.results[0]).toMatchObject({ status: 'done', link: { role: 'Lender' } })
    expect(linkOf(242)).toEqual({ role: 'Lender', primary: false, notes: 'Moved by Sam' })
    expect(writes()).toEqual(mode === 'conditional' ? ['PUT 242'] : [])
  })

  it('writes an update whose link only had its timestamp moved: no value changed', async () => {
    const plan = await review({ others: [{ id: 242, role: 'Lender' }] })
    const notes = db.links.find(1, 242)?.notes ?? null
    db.links.update(1, 242, { notes: 'Call first' })
    db.links.update(1, 242, { notes }) // edited and put back: same values, newer version
    const { client } = recordingApi(mode)

    const applied = await applyTransactionPlan(client, 1, plan.items)

    expect(applied.results[0]).toMatchObject({ status: 'done', link: { role: 'Lender' } })
    expect(linkOf(242)).toEqual({ role: 'Lender', primary: false, notes })
  })
})

describe('changed since review: the rest', () => {
  it('takes its own earlier attempt whose answer was lost as done, not changed', async () => {
    const plan = await review({ others: [{ id: 242, role: 'Lender' }] })
    server.use(
      http.put(
        LINK,
        () => {
          db.links.update(1, 242, { role: 'Lender', primary: false }) // it landed…
          return HttpResponse.error() // …but the answer was lost
        },
        { once: true },
      ),
      // …and reading it back failed too.
      http.get(LINK, () => HttpResponse.json({ message: 'Unavailable' }, { status: 503 }), {
        once: true,
      }),
    )
    const { client, writes } = recordingApi()
    const first = await applyTransactionPlan(client, 1, plan.items)
    expect(first.results[0]).toMatchObject({ status: 'failed', unconfirmed: true })

    // Sent again (a script's rerun): its If-Match is now stale, because of itself.
    const again = await applyTransactionPlan(client, 1, unconfirmedItems(first.results))
    expect(again.results[0]).toMatchObject({ status: 'done', link: { role: 'Lender' } })
    expect(again.results[0]?.sinceReview).toBeUndefined()
    expect(writes()).toEqual(['PUT 242', 'PUT 242'])
    expect(linkOf(242)).toMatchObject({ role: 'Lender', primary: false })
  })

  it('takes a create whose earlier answer was lost as skipped on the resend, not changed', async () => {
    const plan = await review({ buyers: [7] })
    server.use(
      http.post(
        '*/api/v1/properties/:propertyId/contacts',
        () => {
          db.links.create(1, 7, { role: 'Buyer', primary: true })
          return HttpResponse.error()
        },
        { once: true },
      ),
      http.get(LINK, () => HttpResponse.json({ message: 'Unavailable' }, { status: 503 }), {
        once: true,
      }),
    )
    const { client } = recordingApi()
    const first = await applyTransactionPlan(client, 1, plan.items)
    expect(first.results[0]).toMatchObject({ status: 'failed', unconfirmed: true })
    const again = await applyTransactionPlan(client, 1, unconfirmedItems(first.results))
    expect(again.results[0]).toMatchObject({ status: 'skipped', link: { role: 'Buyer' } })
    expect(db.links.list(1).filter((link) => link.contact_id === 7)).toHaveLength(1)
  })

  it('fails an update the server answers for another link, and does not send it again', async () => {
    const plan = await review({ others: [{ id: 242, role: 'Lender' }] })
    server.use(
      http.put(LINK, () =>
        HttpResponse.json(
          { message: 'That is the link of another contact.', wrong_link: true },
          { status: 412 },
        ),
      ),
    )
    const { client, writes } = recordingApi()

    const applied = await applyTransactionPlan(client, 1, plan.items)

    expect(applied.results[0]?.status).toBe('failed')
    expect(applied.results[0]?.error).toBeInstanceOf(WrongLinkError)
    expect(applied.results[0]?.error?.message).toBe('That is the link of another contact.')
    expect(writes()).toEqual(['PUT 242'])
    expect(linkOf(242)).toMatchObject({ role: 'Seller', primary: false })
  })

  it('fails an update whose check reads another contact’s link, sending nothing', async () => {
    const plan = await review({ others: [{ id: 242, role: 'Lender' }] })
    const other = db.links.find(1, 343)
    server.use(http.get(LINK, () => linkAnswer(other && db.links.withContact(other))))
    const { client, writes } = recordingApi('read-first')

    const applied = await applyTransactionPlan(client, 1, plan.items)

    expect(applied.results[0]?.status).toBe('failed')
    expect(applied.results[0]?.error).toBeInstanceOf(WrongLinkError)
    expect(applied.results[0]?.error?.message).toMatch(/link of another contact \(343\)/)
    expect(writes()).toEqual([])
    expect(linkOf(242)).toMatchObject({ role: 'Seller', primary: false })
  })

  it('goes on when the only change is the demotion its own promotion made', async () => {
    // Nancy Thompson becomes the primary Seller; Eric Gonzalez, primary Seller now,
    // moves to Attorney. Nancy's promotion demotes Eric: hold Eric's write until it has.
    const plan = await review({ sellers: [242], others: [{ id: 343, role: 'Attorney' }] })
    expect(plan.items[1]).toMatchObject({ action: 'update', losesPrimaryTo: 242 })
    server.use(
      http.put(
        LINK,
        async ({ params }) => {
          if (params.contactId !== '343') return undefined
          while (db.links.find(1, 242)?.primary !== true) {
            await new Promise((resolve) => setTimeout(resolve, 5))
          }
          return undefined // on to the mock backend: its If-Match is now stale
        },
        { once: true },
      ),
    )
    const { client, sent } = recordingApi()

    const applied = await applyTransactionPlan(client, 1, plan.items)

    expect(applied.summary).toEqual({ done: 2, skipped: 0, changed: 0, failed: 0 })
    expect(linkOf(242)).toMatchObject({ role: 'Seller', primary: true })
    expect(linkOf(343)).toMatchObject({ role: 'Attorney', primary: false })
    // Refused once, Nancy read to see the demotion is hers, then sent again.
    expect(sent.filter((request) => request.endsWith(' 343'))).toEqual(['PUT 343', 'PUT 343'])
    expect(sent).toContain('GET 242')
  })

  it('reports a colleague’s demotion as changed when no promotion of its own explains it', async () => {
    const plan = await review({ others: [{ id: 343, role: 'Attorney' }] })
    expect(plan.items[0]?.losesPrimaryTo).toBeUndefined()
    db.links.update(1, 343, { primary: false })
    const { client } = recordingApi()

    const applied = await applyTransactionPlan(client, 1, plan.items)

    expect(applied.results[0]).toMatchObject({
      status: 'changed',
      sinceReview: { kind: 'edited', changes: [{ field: 'primary', from: true, to: false }] },
    })
    expect(linkOf(343)).toMatchObject({ role: 'Seller', primary: false })
  })

  it('does not count a demotion as done when its promotion changed since review', async () => {
    // Nancy Thompson to become the primary Seller, demoting Eric Gonzalez; a colleague
    // makes Nancy a Tenant meanwhile.
    const plan = await review({ sellers: [242, 343] })
    expect(plan.items[1]).toMatchObject({ action: 'skip', demotedBy: 242 })
    db.links.update(1, 242, { role: 'Tenant' })
    const { client } = recordingApi()

    const applied = await applyTransactionPlan(client, 1, plan.items)

    expect(resultFor(applied.results, 242).status).toBe('changed')
    // No write of its own, and the promotion that would have demoted it did not happen.
    expect(resultFor(applied.results, 343)).toMatchObject({
      status: 'skipped',
      link: { primary: true },
    })
    const byItem = new Map(applied.results.map((result) => [result.item, result]))
    expect(plan.items.map((item) => itemState(item, plan.items, byItem))).toEqual([
      'changed',
      'blocked',
    ])
    expect(linkOf(343)).toMatchObject({ role: 'Seller', primary: true })
    expect(linkOf(242)).toMatchObject({ role: 'Tenant', primary: false })
  })
})
