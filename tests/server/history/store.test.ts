// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { historyMigrations } from '../../../src/server/history/migration.ts'
import { createHistoryStore, type NewChange } from '../../../src/server/history/store.ts'
import { closeEngines, engines } from '../db/engines.ts'

// Closing every clone (and dropping the PostgreSQL databases) is slow on a busy machine.
afterAll(closeEngines, 60_000)
// Starting the first PGlite takes several seconds on a busy machine; each test clones it.
beforeAll(async () => {
  for (const engine of engines) await engine.open(historyMigrations)
}, 120_000)

const dana = { id: 'dana@brokerage.test', name: 'Dana Lee' }
const sam = { id: 'sam@brokerage.test', name: 'Sam Ortiz' }

function change(overrides: Partial<NewChange> = {}): NewChange {
  return {
    actor: dana,
    action: 'edit',
    reason: null,
    propertyId: 7,
    contactId: 42,
    contactName: 'Nancy Thompson',
    before: { role: 'Seller', primary: false },
    after: { role: 'Buyer', primary: true },
    request: { role: 'Buyer', primary: true },
    outcome: 'accepted',
    status: 200,
    reverts: null,
    ...overrides,
  }
}

describe.each(engines)('the history store on $name', (engine) => {
  it('records a change and reads it back as it was written', async () => {
    const store = createHistoryStore(await engine.open(historyMigrations))
    const id = await store.record(change())
    const entry = await store.get(id)
    expect(entry).toMatchObject({
      id,
      actor: dana,
      action: 'edit',
      propertyId: 7,
      contactId: 42,
      contactName: 'Nancy Thompson',
      before: { role: 'Seller', primary: false },
      after: { role: 'Buyer', primary: true },
      outcome: 'accepted',
      status: 200,
      reverts: null,
      revertedBy: null,
    })
    expect(Number.isNaN(Date.parse(entry?.at ?? ''))).toBe(false)
    expect(await store.get(id + 1000)).toBeNull()
  })

  it('lists a property newest first, a page at a time', async () => {
    const store = createHistoryStore(await engine.open(historyMigrations))
    const ids: number[] = []
    for (let n = 0; n < 5; n += 1) ids.push(await store.record(change({ contactId: 100 + n })))
    await store.record(change({ propertyId: 8 }))
    const first = await store.list(7, { limit: 2 })
    expect(first.entries.map((e) => e.id)).toEqual([ids[4], ids[3]])
    expect(first.next).toBe(ids[3])
    const second = await store.list(7, { limit: 2, before: first.next ?? undefined })
    expect(second.entries.map((e) => e.id)).toEqual([ids[2], ids[1]])
    const last = await store.list(7, { limit: 2, before: second.next ?? undefined })
    expect(last.entries.map((e) => e.id)).toEqual([ids[0]])
    expect(last.next).toBeNull()
  })

  it('filters by person and by contact, and lists both for the filters', async () => {
    const store = createHistoryStore(await engine.open(historyMigrations))
    await store.record(change({ actor: dana, contactId: 1, contactName: 'Rosa Smith' }))
    const samsId = await store.record(change({ actor: sam, contactId: 2, contactName: 'Ann Wu' }))
    await store.record(change({ actor: dana, contactId: 2, contactName: 'Ann Wu' }))
    const bySam = await store.list(7, { actor: sam.id })
    expect(bySam.entries.map((e) => e.id)).toEqual([samsId])
    const ofAnn = await store.list(7, { contact: 2 })
    expect(ofAnn.entries.every((e) => e.contactId === 2)).toBe(true)
    expect(ofAnn.entries).toHaveLength(2)
    expect((await store.list(7, { actor: sam.id, contact: 1 })).entries).toEqual([])
    expect(await store.filters(7)).toEqual({
      people: [dana, sam],
      contacts: [
        { id: 2, name: 'Ann Wu' },
        { id: 1, name: 'Rosa Smith' },
      ],
    })
  })

  it("shows a contact's edits on the properties it was linked to through Roster", async () => {
    const store = createHistoryStore(await engine.open(historyMigrations))
    await store.record(change({ action: 'link', contactId: 5 }))
    const edit = await store.record(
      change({ action: 'contact_edit', propertyId: null, contactId: 5 }),
    )
    await store.record(change({ action: 'contact_edit', propertyId: null, contactId: 6 }))
    const ids = (await store.list(7)).entries.map((e) => e.id)
    expect(ids[0]).toBe(edit)
    expect(ids).toHaveLength(2)
  })

  it('links a revert to the entry it reverts, and ignores a revert of no entry', async () => {
    const store = createHistoryStore(await engine.open(historyMigrations))
    const original = await store.record(change())
    const refused = await store.record(
      change({ actor: sam, reason: 'revert', reverts: original, outcome: 'refused', status: 412 }),
    )
    expect((await store.get(original))?.revertedBy).toBeNull()
    const revert = await store.record(change({ actor: sam, reason: 'revert', reverts: original }))
    expect((await store.get(original))?.revertedBy).toMatchObject({
      id: revert,
      actorName: 'Sam Ortiz',
    })
    expect((await store.get(refused))?.reverts).toBe(original)
    const stray = await store.record(change({ reason: 'revert', reverts: 99_999 }))
    expect((await store.get(stray))?.reverts).toBeNull()
  })

  it('keeps refused and unknown outcomes with their status', async () => {
    const store = createHistoryStore(await engine.open(historyMigrations))
    const refused = await store.record(
      change({ outcome: 'refused', status: 409, after: null, before: null }),
    )
    const unknown = await store.record(change({ outcome: 'unknown', status: null, after: null }))
    expect(await store.get(refused)).toMatchObject({ outcome: 'refused', status: 409, after: null })
    expect(await store.get(unknown)).toMatchObject({ outcome: 'unknown', status: null })
  })
})
