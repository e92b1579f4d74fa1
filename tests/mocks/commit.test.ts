// @vitest-environment node
// The rules behind durable writes, without HTTP: changes take turns, a change is kept
// only once saved, and a read never sees a change that may still be taken back.
import { afterEach, describe, expect, it } from 'vitest'
import { change, read, SaveFailed, setSaver, type Saver } from '../../src/mocks/commit'
import { db, type DbSnapshot } from '../../src/mocks/db'

afterEach(() => {
  setSaver(null)
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const names = () => db.contacts.list().map((c) => c.first_name)

/** Saves into `saved`, refusing any snapshot that holds a contact called `refuse`. */
function savingTo(saved: DbSnapshot[], refuse = 'Doomed'): Saver {
  return (snapshot) => {
    if (snapshot.contacts.some((c) => c.first_name === refuse)) throw new Error('disk full')
    saved.push(snapshot)
  }
}

function addContact(first_name: string, pauseMs = 0) {
  return async () => {
    db.contacts.create({ first_name, last_name: 'X' })
    // A change that takes a while after touching the db (MSW resolves asynchronously).
    if (pauseMs > 0) await sleep(pauseMs)
    return true
  }
}

describe('change', () => {
  it('takes back a change that was not saved, without touching one made after it', async () => {
    const saved: DbSnapshot[] = []
    setSaver(savingTo(saved))
    const doomed = change(addContact('Doomed', 30), (ok) => ok)
    const later = change(addContact('Later'), (ok) => ok)
    await expect(doomed).rejects.toBeInstanceOf(SaveFailed)
    await expect(later).resolves.toBe(true)
    expect(names()).toContain('Later')
    expect(names()).not.toContain('Doomed')
    // Saved: Later alone (the first save's own "put back" write, then Later's).
    const last = saved.at(-1)
    expect(last?.contacts.map((c) => c.first_name)).toContain('Later')
    expect(last?.contacts.map((c) => c.first_name)).not.toContain('Doomed')
    expect(last).toEqual(db.snapshot())
  })

  it('runs changes one at a time, in the order they came', async () => {
    setSaver(() => undefined)
    const order: string[] = []
    const step = (name: string, ms: number) => async () => {
      order.push(`${name} starts`)
      await sleep(ms)
      order.push(`${name} ends`)
      return true
    }
    await Promise.all([
      change(step('a', 20), () => true),
      change(step('b', 0), () => true),
      change(step('c', 5), () => true),
    ])
    expect(order).toEqual(['a starts', 'a ends', 'b starts', 'b ends', 'c starts', 'c ends'])
  })

  it('takes back a change whose work throws, and goes on with the next', async () => {
    setSaver(() => undefined)
    const before = db.snapshot()
    const broken = change(
      async () => {
        db.contacts.create({ first_name: 'Half', last_name: 'Done' })
        await sleep(5)
        throw new Error('boom')
      },
      () => true,
    )
    await expect(broken).rejects.toThrow('boom')
    expect(db.snapshot()).toEqual(before)
    await expect(change(addContact('Next'), () => true)).resolves.toBe(true)
    expect(names()).toContain('Next')
  })

  it('does not save a change that does not stand (a 4xx answer)', async () => {
    const saved: DbSnapshot[] = []
    setSaver(savingTo(saved))
    await change(
      () => 'refused',
      (result) => result === 'ok',
    )
    expect(saved).toEqual([])
  })
})

describe('read', () => {
  it('waits for a change under way, so it never sees one that is then taken back', async () => {
    setSaver(savingTo([]))
    const doomed = change(addContact('Doomed', 30), (ok) => ok)
    const seen = read(names)
    await expect(doomed).rejects.toBeInstanceOf(SaveFailed)
    expect(await seen).not.toContain('Doomed')
  })

  it('does not wait when nothing is saved: changes then happen in one step', async () => {
    const order: string[] = []
    const slow = change(
      async () => {
        await sleep(20)
        order.push('change')
      },
      () => true,
    )
    await read(() => order.push('read'))
    await slow
    expect(order).toEqual(['read', 'change'])
  })
})
