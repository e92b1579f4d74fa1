// Bulk setup: 20 links through setupPropertyTransaction (the typed client, as a Node
// script would use it) against a server that takes MOCK_LATENCY_MS per request. The
// setup runs requests side by side, so it must take far less than one after another.
import { OpenToCloseAPI } from '../../src/api'
import {
  setupPropertyTransaction,
  type TransactionSetupInput,
} from '../../src/api/transaction-setup'
import { medianFigure, type Figure } from './figure'
import type { MockServer } from './mock-server'

const PROPERTY = 5
const RUNS = 3
const BUDGET_MS = 1500
const OTHER_ROLES = [
  'Inspector',
  'Lender',
  'Title Officer',
  'Escrow Officer',
  'Appraiser',
  'Attorney',
  'Transaction Coordinator',
]

/** 2 sellers, 2 buyers, 2 agents and 14 others, none of them on the property yet. */
async function inputFor(client: OpenToCloseAPI): Promise<TransactionSetupInput> {
  const [roster, contacts] = await Promise.all([
    client.propertyContacts.listPropertyContacts(PROPERTY),
    client.contacts.listContacts(),
  ])
  const linked = new Set(roster.map((link) => link.contact_id))
  const ids = contacts.map((contact) => contact.id).filter((id) => !linked.has(id))
  if (ids.length < 20)
    throw new Error(`Only ${ids.length} contacts are not on property ${PROPERTY}`)
  const id = (i: number) => ids[i] ?? 0
  return {
    // The first of each party is primary; agents are primary, each in their own role.
    sellers: [id(0), id(1)],
    buyers: [id(2), id(3)],
    agents: [
      { id: id(4), role: 'Listing Agent' },
      { id: id(5), role: 'Buyer Agent' },
    ],
    others: Array.from({ length: 14 }, (_, i) => ({
      id: id(6 + i),
      role: OTHER_ROLES[i % OTHER_ROLES.length] ?? 'Other',
    })),
  }
}

async function setupOnce(server: MockServer) {
  await server.reset()
  const baseUrl = `${server.origin}/api/v1`
  const input = await inputFor(new OpenToCloseAPI({ baseUrl }))
  let requests = 0
  // As the browser's client: the mock checks conditional writes itself.
  const client = new OpenToCloseAPI({
    baseUrl,
    versionCheck: 'conditional',
    fetch: (url, init) => {
      requests += 1
      return fetch(url, init)
    },
  })
  const started = performance.now()
  const result = await setupPropertyTransaction(client, PROPERTY, input)
  const ms = performance.now() - started
  if (result.summary.done !== 20) {
    const failed = result.results.find((item) => item.status === 'failed')
    throw new Error(
      `Setup did ${result.summary.done} of 20 links${failed ? `: ${failed.error?.message ?? ''}` : ''}`,
    )
  }
  return { ms, requests }
}

export async function measureBulkSetup(server: MockServer): Promise<Figure[]> {
  const runs = []
  for (let run = 0; run < RUNS; run++) runs.push(await setupOnce(server))
  await server.reset()
  const requests = runs[0]?.requests ?? 0
  return [
    medianFigure(
      'Set up 20 links (wall time)',
      'ms',
      runs.map((run) => run.ms),
      {
        budget: { op: '<=', limit: BUDGET_MS },
        note: `setupPropertyTransaction(property ${PROPERTY}: 2 sellers, 2 buyers, 2 agents, 14 others) with MOCK_LATENCY_MS=${server.latencyMs}; ${requests} requests (roster read + writes), default concurrency`,
      },
    ),
    {
      name: 'Set up 20 links, one request at a time (estimate)',
      value: requests * server.latencyMs,
      unit: 'ms',
      note: `${requests} requests × ${server.latencyMs} ms`,
    },
  ]
}
