// Transaction setup against the mock backend: what it plans, the order it writes in,
// how it copes with refusals and failures, and that a second run changes nothing.
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import {
  ConflictError,
  NetworkError,
  OpenToCloseAPI,
  RateLimitError,
  ServerError,
  ValidationError,
  type FetchLike,
  type PropertyContact,
} from '../../src/api'
import {
  TransactionSetupInputSchema,
  applyTransactionPlan,
  failedItems,
  planTransactionSetup,
  setupPropertyTransaction,
  unconfirmedItems,
  type TransactionItemResult,
  type TransactionPlanItem,
  type TransactionSetupInput,
} from '../../src/api/transaction-setup'
import { setMockConfig } from '../../src/mocks/config'
import { db } from '../../src/mocks/db'
import { server } from '../../src/mocks/node'
import { rejectionOf } from './fetch-stub'

const BASE = 'http://localhost:3000/api/v1'
const LINKS = '*/api/v1/properties/:propertyId/contacts'

interface Sent {
  method: string
  /** NaN for a request about no one contact (the roster read). */
  contactId: number
  body: Record<string, unknown> | undefined
  /** Logical clock ticks (not time): when the request left and when its answer came. */
  start: number
  end: number
}

/** A client over the mock backend that records every request and checks the db after each. */
function recordingApi(propertyId = 1) {
  let clock = 0
  let inFlight = 0
  const state = { maxInFlight: 0, sent: [] as Sent[], violations: [] as string[] }
  const fetch: FetchLike = async (input, init) => {
    const body =
      typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined
    const method = init.method ?? 'GET'
    const fromPath = /\/contacts\/(\d+)$/.exec(new URL(input).pathname)?.[1]
    const contactId = method === 'POST' ? Number(body?.contact_id) : Number(fromPath ?? NaN)
    const entry: Sent = { method, contactId, body, start: clock++, end: Infinity }
    state.sent.push(entry)
    inFlight += 1
    state.maxInFlight = Math.max(state.maxInFlight, inFlight)
    try {
      return await globalThis.fetch(input, init)
    } finally {
      inFlight -= 1
      entry.end = clock++
      const counts = new Map<string, number>()
      for (const link of db.links.list(propertyId).filter((l) => l.primary)) {
        const key = String(link.role).trim().toLowerCase()
        counts.set(key, (counts.get(key) ?? 0) + 1)
      }
      for (const [role, count] of counts) {
        if (count > 1) state.violations.push(`${count} primaries for ${role}`)
      }
    }
  }
  const writes = () => state.sent.filter((s) => s.method !== 'GET')
  const client = new OpenToCloseAPI({ baseUrl: BASE, fetch, versionCheck: 'conditional' })
  return { client, state, writes }
}

// As the browser's client: the mock backend checks If-Match itself.
const api = () => new OpenToCloseAPI({ baseUrl: BASE, versionCheck: 'conditional' })

async function rosterOf(propertyId: number): Promise<PropertyContact[]> {
  return api().propertyContacts.listPropertyContacts(propertyId)
}

function linkOf(propertyId: number, contactId: number) {
  const link = db.links.find(propertyId, contactId)
  return link && { role: link.role, primary: link.primary }
}

function primaryOf(propertyId: number, role: string): number[] {
  return db.links
    .list(propertyId)
    .filter((link) => link.primary && link.role === role)
    .map((link) => link.contact_id)
}

/** Contacts not yet on the property, lowest ids first. */
function freeContacts(propertyId: number, count: number): number[] {
  const taken = new Set(db.links.list(propertyId).map((link) => link.contact_id))
  const ids: number[] = []
  for (let id = 1; ids.length < count; id++) if (!taken.has(id)) ids.push(id)
  return ids
}

function byContact<T extends { contactId: number }>(items: readonly T[], contactId: number): T {
  const found = items.find((item) => item.contactId === contactId)
  if (!found) throw new Error(`no item for contact ${contactId}`)
  return found
}

function resultFor(results: readonly TransactionItemResult[], contactId: number) {
  const found = results.find((result) => result.item.contactId === contactId)
  if (!found) throw new Error(`no result for contact ${contactId}`)
  return found
}

/** A sleep that only records how long it was asked to wait. */
function recordSleep(waits: number[]) {
  return (ms: number) => {
    waits.push(ms)
    return Promise.resolve()
  }
}

async function validationErrorOf(input: unknown): Promise<ValidationError> {
  const { client, state } = recordingApi()
  const error = await rejectionOf(
    setupPropertyTransaction(client, 1, input as TransactionSetupInput),
  )
  expect(state.sent).toHaveLength(0) // refused before any request, the roster read included
  expect(error).toBeInstanceOf(ValidationError)
  return error as ValidationError
}

describe('planTransactionSetup', () => {
  it('creates what is missing, skips what is linked the same way, updates the rest', async () => {
    const roster = await rosterOf(1)
    const plan = planTransactionSetup(roster, {
      sellers: [343, 242],
      buyers: [2, 110],
      agents: [{ id: 252, role: '  listing AGENT ' }],
      others: [
        { id: 1, role: 'Lender' },
        { id: 168, role: 'Buyer Agent' },
      ],
    })

    const action = (id: number) => byContact(plan.items, id).action
    expect(action(343)).toBe('skip') // Seller, primary: as is
    expect(action(242)).toBe('skip')
    expect(action(252)).toBe('skip') // role compared trimmed and case-insensitively
    expect(action(1)).toBe('create')
    expect(byContact(plan.items, 1)).toMatchObject({ role: 'Lender', primary: false })
    expect(byContact(plan.items, 168)).toMatchObject({
      action: 'update',
      role: 'Buyer Agent',
      current: { role: 'Listing Agent', primary: false },
    })
    // Buyer 2 becomes primary; 110 loses it through that same request.
    expect(byContact(plan.items, 2)).toMatchObject({ action: 'update', primary: true })
    expect(byContact(plan.items, 110)).toMatchObject({ action: 'skip', demotedBy: 2 })
    expect(plan.counts).toEqual({ create: 1, update: 2, skip: 4 })
    // Contacts on the roster but not in the input are not in the plan: never unlinked.
    expect(plan.items.map((item) => item.contactId)).not.toContain(197)
  })

  it('applies the documented defaults, and writes a demotion when nobody takes over', async () => {
    const roster = await rosterOf(1)
    const plan = planTransactionSetup(roster, {
      sellers: [{ id: 343, primary: false }],
      buyers: [1, { id: 3, primary: true }],
      agents: [{ id: 4, role: 'Buyer Agent' }],
      others: [{ id: 5, role: 'Inspector' }],
    })
    expect(plan.items).toEqual([
      expect.objectContaining({
        at: 'sellers.0',
        contactId: 343,
        primary: false,
        action: 'update',
      }),
      expect.objectContaining({ at: 'buyers.0', contactId: 1, primary: false, action: 'create' }),
      expect.objectContaining({ at: 'buyers.1', contactId: 3, primary: true, action: 'create' }),
      expect.objectContaining({ at: 'agents.0', contactId: 4, primary: true, action: 'create' }),
      expect.objectContaining({ at: 'others.0', contactId: 5, primary: false, action: 'create' }),
    ])
  })
})

describe('input validation', () => {
  it('names a duplicate contact on both rows', async () => {
    const error = await validationErrorOf({ sellers: [1, 3], buyers: [4, 3], agents: [] })
    expect(error.status).toBe(0)
    for (const row of ['sellers.1', 'buyers.1']) {
      expect(error.errors[row]).toEqual([
        expect.stringMatching(/Contact 3 .*sellers\.1.*buyers\.1/),
      ])
    }
  })

  it('refuses two primaries in one role, across lists and by the agent default', async () => {
    const error = await validationErrorOf({
      sellers: [1],
      buyers: [],
      agents: [
        { id: 4, role: 'Listing Agent' },
        { id: 5, role: 'listing agent ' },
      ],
      others: [{ id: 6, role: 'Seller', primary: true }],
    })
    expect(Object.keys(error.errors).sort()).toEqual([
      'agents.0',
      'agents.1',
      'others.0',
      'sellers.0',
    ])
    expect(error.errors['agents.1']?.[0]).toMatch(/one primary per role.*agents\.0 and agents\.1/i)
    expect(error.errors['others.0']?.[0]).toMatch(/sellers\.0 and others\.0/)
  })

  it('keys a row with no contact by the row and an empty role by its field', async () => {
    const error = await validationErrorOf({
      sellers: [1, { primary: false }],
      buyers: [null],
      agents: [
        { id: 4, role: '   ' },
        { id: 0, role: 'Buyer Agent' },
      ],
    })
    expect(error.errors).toEqual({
      'sellers.1': ['This row has no contact: pick one or remove the row'],
      'buyers.0': ['This row has no contact: pick one or remove the row'],
      'agents.0.role': ['Role cannot be empty'],
      'agents.1': ['Contact id must be a positive whole number'],
    })
    expect(error.message).toMatch(/^Not sent: sellers\.1: /)
  })

  it('refuses look-alike roles and counts invisible differences as the same role', async () => {
    const error = await validationErrorOf({
      sellers: [1],
      buyers: [2],
      agents: [
        { id: 4, role: '\u200b' },
        { id: 5, role: 'Bu\u0443er Agent' },
      ],
      others: [
        { id: 6, role: 'Buyer\u200b', primary: true },
        { id: 7, role: 'İnspector', primary: true },
        { id: 8, role: 'INSPECTOR', primary: true },
      ],
    })
    expect(error.errors).toEqual({
      'agents.0.role': ['Role cannot be empty'],
      'agents.1.role': [
        'Role mixes letters from different alphabets (Latin and Cyrillic); retype it',
      ],
      'buyers.0': [expect.stringMatching(/one primary per role.*buyers\.0 and others\.0/i)],
      'others.0': [expect.stringMatching(/one primary per role.*buyers\.0 and others\.0/i)],
      'others.1': [expect.stringMatching(/one primary per role.*others\.1 and others\.2/i)],
      'others.2': [expect.stringMatching(/one primary per role.*others\.1 and others\.2/i)],
    })
  })

  it('plans a role as it is stored: format characters at the ends gone', () => {
    const result = z.safeParse(TransactionSetupInputSchema, {
      sellers: [],
      buyers: [],
      agents: [{ id: 4, role: '\ufeff Buyer Agent\u200b ' }],
    })
    expect(result.data).toEqual([
      { at: 'agents.0', contactId: 4, role: 'Buyer Agent', primary: true },
    ])
  })

  it('exports the schema, so a form can validate with it', () => {
    const result = z.safeParse(TransactionSetupInputSchema, {
      sellers: [7],
      buyers: [],
      agents: [],
    })
    expect(result.data).toEqual([{ at: 'sellers.0', contactId: 7, role: 'Seller', primary: true }])
  })
})

describe('setupPropertyTransaction', () => {
  it('makes no write in a dry run', async () => {
    const { client, writes, state } = recordingApi()
    const plan = await setupPropertyTransaction(
      client,
      1,
      { sellers: [1], buyers: [3], agents: [{ id: 4, role: 'Buyer Agent' }] },
      { dryRun: true },
    )
    expect(plan.counts).toEqual({ create: 3, update: 0, skip: 0 })
    expect(state.sent).toHaveLength(1)
    expect(writes()).toEqual([])
    expect(linkOf(1, 1)).toBeUndefined()
  })

  it('keeps one primary per role at every moment, promoting last in each role', async () => {
    const { client, state, writes } = recordingApi()
    const input: TransactionSetupInput = {
      sellers: [1, 3, 343],
      buyers: [4, 110, 2],
      agents: [{ id: 5, role: 'Listing Agent' }],
      others: [
        { id: 6, role: 'Buyer Agent', primary: true },
        { id: 7, role: 'Seller', primary: false },
        { id: 168, role: 'Buyer Agent' },
      ],
    }
    const roleOf = new Map<number, string>([
      [1, 'seller'],
      [3, 'seller'],
      [7, 'seller'],
      [4, 'buyer'],
      [5, 'listing agent'],
      [6, 'buyer agent'],
      [168, 'buyer agent'],
    ])
    const setup = await setupPropertyTransaction(client, 1, input, { concurrency: 8 })

    expect(setup.summary).toEqual({ done: 7, skipped: 3, changed: 0, failed: 0 })
    expect(state.violations).toEqual([])
    for (const role of new Set(roleOf.values())) {
      const forRole = writes().filter((w) => w.contactId && roleOf.get(w.contactId) === role)
      const promotions = forRole.filter((w) => w.body?.primary === true)
      expect(promotions).toHaveLength(1)
      for (const other of forRole.filter((w) => w.body?.primary !== true)) {
        expect(other.end).toBeLessThan(promotions[0]?.start ?? -1)
      }
    }
    // Non-primary writes of different roles ran side by side (Seller 3, Buyer Agent 168).
    const [seller, buyerAgent] = [3, 168].map((id) => byContact(writes(), id))
    expect(buyerAgent?.start).toBeLessThan(seller?.end ?? -1)
    expect(seller?.start).toBeLessThan(buyerAgent?.end ?? -1)
    expect(primaryOf(1, 'Seller')).toEqual([1])
    expect(primaryOf(1, 'Buyer')).toEqual([4])
    expect(primaryOf(1, 'Listing Agent')).toEqual([5])
    expect(primaryOf(1, 'Buyer Agent')).toEqual([6])
    expect(linkOf(1, 343)).toEqual({ role: 'Seller', primary: false })
    expect(resultFor(setup.results, 343)).toMatchObject({
      status: 'skipped',
      link: { contact_id: 343, primary: false },
    })
    // Not in the input, so untouched (apart from the server's demotion of 252).
    expect(linkOf(1, 242)).toEqual({ role: 'Seller', primary: false })
    expect(linkOf(1, 103)).toEqual({ role: 'Inspector', primary: true })
  })

  it('never sends two promotions for one role at once, even from a hand-made list', async () => {
    const { client, state, writes } = recordingApi()
    const item = (contactId: number, primary: boolean): TransactionPlanItem => ({
      at: `others.${contactId}`,
      contactId,
      role: 'Inspector',
      primary,
      action: 'create',
    })
    const applied = await applyTransactionPlan(client, 1, [
      item(1, true),
      item(3, true),
      item(4, false),
    ])
    expect(applied.summary).toEqual({ done: 3, skipped: 0, changed: 0, failed: 0 })
    const [a, b] = writes().filter((w) => w.body?.primary === true)
    expect(a?.end).toBeLessThan(b?.start ?? -1)
    expect(state.violations).toEqual([])
    expect(primaryOf(1, 'Inspector')).toEqual([3]) // the last one listed wins
  })

  it('bounds the requests in flight', async () => {
    setMockConfig({ latencyMs: 5 }) // so that requests overlap
    const others = freeContacts(1, 12).map((id) => ({ id, role: 'Lender' }))
    const limited = recordingApi()
    const first = await setupPropertyTransaction(
      limited.client,
      1,
      { sellers: [], buyers: [], agents: [], others: others.slice(0, 6) },
      { concurrency: 3 },
    )
    expect(first.summary.done).toBe(6)
    expect(limited.state.maxInFlight).toBe(3)

    const byDefault = recordingApi()
    await setupPropertyTransaction(byDefault.client, 1, {
      sellers: [],
      buyers: [],
      agents: [],
      others: others.slice(6),
    })
    expect(byDefault.writes()).toHaveLength(6)
    expect(byDefault.state.maxInFlight).toBe(4)
  })

  it('waits as a 429 asks, then retries', async () => {
    server.use(
      http.post(
        LINKS,
        () =>
          HttpResponse.json(
            { message: 'Slow down' },
            { status: 429, headers: { 'Retry-After': '1' } },
          ),
        { once: true },
      ),
    )
    const waits: number[] = []
    const { client, writes } = recordingApi()
    const setup = await setupPropertyTransaction(
      client,
      1,
      { sellers: [], buyers: [], agents: [{ id: 1, role: 'Buyer Agent' }] },
      { sleep: recordSleep(waits) },
    )
    expect(waits).toEqual([1000])
    expect(writes()).toHaveLength(2)
    expect(setup.results[0]).toMatchObject({
      status: 'done',
      link: { contact_id: 1, primary: true },
    })
  })

  it('gives up after maxRetries, backing off when the 429 names no wait', async () => {
    server.use(http.post(LINKS, () => HttpResponse.json({ message: 'Busy' }, { status: 429 })))
    const waits: number[] = []
    const { client, writes } = recordingApi()
    const setup = await setupPropertyTransaction(
      client,
      1,
      { sellers: [1], buyers: [], agents: [] },
      { maxRetries: 2, sleep: recordSleep(waits) },
    )
    expect(waits).toEqual([1000, 2000])
    expect(writes()).toHaveLength(3)
    expect(setup.results[0]?.status).toBe('failed')
    expect(setup.results[0]?.error).toBeInstanceOf(RateLimitError)
  })

  it('reports failures per item; resending only those completes the setup', async () => {
    const failing = new Set([3, 5])
    server.use(
      http.post(LINKS, async ({ request }) => {
        const { contact_id: id } = (await request.clone().json()) as { contact_id: number }
        if (!failing.delete(id)) return undefined // to the mock backend
        return HttpResponse.json({ message: 'Boom' }, { status: 500 })
      }),
    )
    const input: TransactionSetupInput = {
      sellers: [1, 3],
      buyers: [4],
      agents: [{ id: 5, role: 'Buyer Agent' }],
      others: [{ id: 6, role: 'Lender' }],
    }
    const progress: TransactionItemResult[] = []
    const first = await setupPropertyTransaction(api(), 1, input, {
      onProgress: (result) => progress.push(result),
    })
    expect(first.summary).toEqual({ done: 3, skipped: 0, changed: 0, failed: 2 })
    expect(progress).toHaveLength(5)
    expect(resultFor(first.results, 3).error).toBeInstanceOf(ServerError)
    expect(resultFor(first.results, 5).status).toBe('failed')
    expect(first.results.map((r) => r.item.contactId)).toEqual([1, 3, 4, 5, 6]) // input order

    const retry = await applyTransactionPlan(api(), 1, failedItems(first.results))
    expect(retry.summary).toEqual({ done: 2, skipped: 0, changed: 0, failed: 0 })
    expect(linkOf(1, 3)).toEqual({ role: 'Seller', primary: false })
    expect(linkOf(1, 5)).toEqual({ role: 'Buyer Agent', primary: true })

    // A second full run plans only skips and writes nothing.
    const { client, writes } = recordingApi()
    const again = await setupPropertyTransaction(client, 1, input)
    expect(again.plan.counts).toEqual({ create: 0, update: 0, skip: 5 })
    expect(again.summary).toEqual({ done: 0, skipped: 5, changed: 0, failed: 0 })
    expect(writes()).toEqual([])
  })

  it('does not resend a POST lost to the network: it reads the link back and finds it done', async () => {
    server.use(
      http.post(
        LINKS,
        () => {
          db.links.create(1, 1, { role: 'Seller', primary: true }) // it landed…
          return HttpResponse.error() // …but the answer was lost
        },
        { once: true },
      ),
    )
    const { client, state, writes } = recordingApi()
    const first = await setupPropertyTransaction(client, 1, {
      sellers: [1],
      buyers: [],
      agents: [],
    })
    // Before, the NetworkError was reported as a failure and a resend relied on the
    // server's 409 rule; now the link is read back at once and found as wanted.
    expect(first.results[0]).toMatchObject({ status: 'done', link: { contact_id: 1 } })
    expect(state.sent.map((s) => s.method)).toEqual(['GET', 'POST', 'GET'])
    expect(writes()).toHaveLength(1)
    expect(failedItems(first.results)).toEqual([])
    expect(primaryOf(1, 'Seller')).toEqual([1])
  })

  it('takes a POST acknowledged without the link (204) as done', async () => {
    const [free = 0] = freeContacts(1, 1)
    server.use(
      http.post(LINKS, async ({ request }) => {
        const body = (await request.clone().json()) as { contact_id: number; role: string }
        db.links.create(1, body.contact_id, { role: body.role, primary: false })
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const { client, writes } = recordingApi()
    const setup = await setupPropertyTransaction(client, 1, {
      sellers: [],
      buyers: [],
      agents: [],
      others: [{ id: free, role: 'Lender' }],
    })
    expect(setup.summary).toEqual({ done: 1, skipped: 0, changed: 0, failed: 0 })
    expect(setup.results[0]?.link).toBeUndefined()
    expect(writes()).toHaveLength(1)
    expect(linkOf(1, free)).toEqual({ role: 'Lender', primary: false })
  })

  it('takes a PUT answered with an empty 200 as done', async () => {
    server.use(
      http.put(`${LINKS}/:contactId`, async ({ request, params }) => {
        const body = (await request.clone().json()) as { role: string; primary: boolean }
        db.links.update(1, Number(params.contactId), body)
        return new HttpResponse('', { status: 200 })
      }),
    )
    const setup = await setupPropertyTransaction(api(), 1, {
      sellers: [],
      buyers: [],
      agents: [],
      others: [{ id: 242, role: 'Lender' }],
    })
    expect(setup.results[0]).toMatchObject({ status: 'done' })
    expect(linkOf(1, 242)).toEqual({ role: 'Lender', primary: false })
  })

  it('reads back a PUT answered 504 after it landed, and reports it done', async () => {
    server.use(
      http.put(
        `${LINKS}/:contactId`,
        async ({ request, params }) => {
          const body = (await request.clone().json()) as { role: string; primary: boolean }
          db.links.update(1, Number(params.contactId), body) // it landed…
          return HttpResponse.json({ message: 'Gateway Timeout' }, { status: 504 }) // …late
        },
        { once: true },
      ),
    )
    const { client, state, writes } = recordingApi()
    const setup = await setupPropertyTransaction(client, 1, {
      sellers: [],
      buyers: [],
      agents: [],
      others: [{ id: 242, role: 'Lender' }],
    })
    expect(setup.results[0]).toMatchObject({ status: 'done', link: { role: 'Lender' } })
    expect(state.sent.map((s) => s.method)).toEqual(['GET', 'PUT', 'GET'])
    expect(writes()).toHaveLength(1)
  })

  it('fails a POST answered 502 that is not on the server; a resend creates it', async () => {
    const [free = 0] = freeContacts(1, 1)
    server.use(
      http.post(LINKS, () => HttpResponse.json({ message: 'Bad Gateway' }, { status: 502 }), {
        once: true,
      }),
    )
    const { client, state } = recordingApi()
    const input = { sellers: [], buyers: [], agents: [], others: [{ id: free, role: 'Lender' }] }
    const first = await setupPropertyTransaction(client, 1, input)
    expect(first.results[0]?.status).toBe('failed')
    expect(first.results[0]?.error).toBeInstanceOf(ServerError)
    expect(first.results[0]?.unconfirmed).toBeUndefined()
    // Read back before calling it failed: not linked, so resending cannot duplicate it.
    expect(state.sent.map((s) => s.method)).toEqual(['GET', 'POST', 'GET'])

    const retry = await applyTransactionPlan(client, 1, failedItems(first.results))
    expect(retry.summary).toEqual({ done: 1, skipped: 0, changed: 0, failed: 0 })
    expect(linkOf(1, free)).toEqual({ role: 'Lender', primary: false })
  })

  it('reports a link that a POST with no answer found there another way as changed, writing nothing more', async () => {
    const [free = 0] = freeContacts(1, 1)
    server.use(
      http.post(
        LINKS,
        () => {
          db.links.create(1, free, { role: 'Tenant', primary: false }) // someone else's
          return HttpResponse.error()
        },
        { once: true },
      ),
    )
    const { client, writes } = recordingApi()
    const setup = await setupPropertyTransaction(client, 1, {
      sellers: [],
      buyers: [],
      agents: [],
      others: [{ id: free, role: 'Lender' }],
    })
    // Someone linked the contact as Tenant: their decision, not overwritten.
    expect(setup.results[0]).toMatchObject({
      status: 'changed',
      link: { role: 'Tenant' },
      sinceReview: { kind: 'linked', now: { role: 'Tenant', primary: false } },
    })
    expect(writes().map((w) => w.method)).toEqual(['POST'])
    expect(linkOf(1, free)).toEqual({ role: 'Tenant', primary: false })
    expect(db.links.list(1).filter((link) => link.contact_id === free)).toHaveLength(1)
  })

  it('marks a write unconfirmed when it got no answer and cannot be read back either', async () => {
    const [free = 0] = freeContacts(1, 1)
    server.use(
      http.post(LINKS, () => HttpResponse.error(), { once: true }),
      http.get(
        `${LINKS}/:contactId`,
        () => HttpResponse.json({ message: 'Unavailable' }, { status: 503 }),
        { once: true },
      ),
    )
    const { client, writes } = recordingApi()
    const setup = await setupPropertyTransaction(client, 1, {
      sellers: [],
      buyers: [],
      agents: [],
      others: [{ id: free, role: 'Lender' }],
    })
    expect(setup.results[0]).toMatchObject({ status: 'failed', unconfirmed: true })
    expect(setup.results[0]?.error).toBeInstanceOf(NetworkError)
    // It may have landed: not among the items to resend, but among those to check.
    expect(failedItems(setup.results)).toEqual([])
    expect(unconfirmedItems(setup.results)).toEqual([setup.results[0]?.item])
    expect(writes()).toHaveLength(1)
  })

  it('on a 409, reports a link made meanwhile with another role as changed and leaves it', async () => {
    const plan = await setupPropertyTransaction(
      api(),
      1,
      { sellers: [], buyers: [3], agents: [] },
      { dryRun: true },
    )
    db.links.create(1, 3, { role: 'Tenant', primary: false })
    const { client, state } = recordingApi()
    const applied = await applyTransactionPlan(client, 1, plan.items)
    // Read to say how it was linked; never updated.
    expect(state.sent.map((s) => s.method)).toEqual(['POST', 'GET'])
    expect(applied.results[0]).toMatchObject({
      status: 'changed',
      sinceReview: { kind: 'linked', now: { role: 'Tenant', primary: false } },
    })
    expect(applied.summary).toEqual({ done: 0, skipped: 0, changed: 1, failed: 0 })
    expect(linkOf(1, 3)).toEqual({ role: 'Tenant', primary: false })
    expect(primaryOf(1, 'Buyer')).toEqual([110])
  })

  it('fails other errors without retrying, 409 on an update included', async () => {
    server.use(
      http.put(`${LINKS}/:contactId`, () => HttpResponse.json({ message: 'No' }, { status: 409 })),
    )
    const { client, writes } = recordingApi()
    const setup = await setupPropertyTransaction(client, 1, {
      sellers: [242],
      buyers: [],
      agents: [],
    })
    expect(setup.results[0]?.error).toBeInstanceOf(ConflictError)
    expect(writes()).toHaveLength(1)
  })

  it('stops starting items once the signal aborts; the rest can be resent', async () => {
    const controller = new AbortController()
    const input: TransactionSetupInput = {
      sellers: [],
      buyers: [],
      agents: [],
      others: freeContacts(1, 4).map((id) => ({ id, role: 'Lender' })),
    }
    const { client, writes } = recordingApi()
    const setup = await setupPropertyTransaction(client, 1, input, {
      concurrency: 1,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    })
    expect(writes()).toHaveLength(1)
    expect(setup.summary).toEqual({ done: 1, skipped: 0, changed: 0, failed: 3 })
    expect(setup.results[1]?.error?.name).toBe('AbortError')

    const rest = await applyTransactionPlan(client, 1, failedItems(setup.results))
    expect(rest.summary).toEqual({ done: 3, skipped: 0, changed: 0, failed: 0 })
  })

  it('refuses bad options before any request', async () => {
    const { client, state } = recordingApi()
    const input = { sellers: [1], buyers: [], agents: [] }
    await expect(setupPropertyTransaction(client, 1, input, { concurrency: 0 })).rejects.toThrow(
      /concurrency/,
    )
    expect(state.sent).toHaveLength(0)
  })
})
