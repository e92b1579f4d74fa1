import { afterEach, describe, expect, it } from 'vitest'
import { getMockConfig, resetMockConfig, setMockConfig } from '../../src/mocks/config'
import { API, api } from './api'

afterEach(() => resetMockConfig())

describe('API token', () => {
  it('is not checked when none is configured', async () => {
    expect(getMockConfig().apiToken).toBeNull()
    expect((await api('GET', '/properties?limit=1')).status).toBe(200)
  })

  it.each([
    ['missing', '/properties'],
    ['wrong', '/properties?api_token=guess'],
    ['empty', '/properties/1?api_token='],
  ])('answers 401 when the token is %s', async (_, path) => {
    setMockConfig({ apiToken: 's3cret' })
    const { status, body } = await api('GET', path)
    expect(status).toBe(401)
    expect(body).toEqual({ message: 'Invalid or missing API token' })
  })

  it('checks writes too, before anything changes', async () => {
    setMockConfig({ apiToken: 's3cret' })
    const before = await api<{ contact_id: number }[]>(
      'GET',
      '/properties/1/contacts?api_token=s3cret',
    )
    const contactId = before.body[0]?.contact_id ?? 0
    expect((await api('DELETE', `/properties/1/contacts/${contactId}`)).status).toBe(401)
    const after = await api('GET', '/properties/1/contacts?api_token=s3cret')
    expect(after).toMatchObject({ status: 200, body: before.body })
  })

  it('lets the right token through on every endpoint', async () => {
    setMockConfig({ apiToken: 's3cret' })
    const token = 'api_token=s3cret'
    expect((await api('GET', `/properties?${token}`)).status).toBe(200)
    expect((await api('GET', `/properties/1?${token}`)).status).toBe(200)
    expect((await api('GET', `/contacts?search=smi&${token}`)).status).toBe(200)
    const created = await api<{ id: number }>('POST', `/contacts?${token}`, {
      first_name: 'Ada',
      last_name: 'Lovelace',
    })
    expect(created.status).toBe(201)
    const link = await api('POST', `/properties/1/contacts?${token}`, {
      contact_id: created.body.id,
    })
    expect(link.status).toBe(201)
    const path = `/properties/1/contacts/${created.body.id}?${token}`
    expect((await api('PUT', path, { notes: 'hi' })).status).toBe(200)
    expect((await api('GET', path)).status).toBe(200)
    expect((await api('DELETE', path)).status).toBe(200)
  })
})

describe('latency', () => {
  async function timed(path: string): Promise<number> {
    const started = performance.now()
    const response = await fetch(`${API}${path}`)
    expect(response.status).toBe(200)
    return performance.now() - started
  }

  it('delays every response by the configured time', async () => {
    setMockConfig({ latencyMs: 80 })
    expect(await timed('/properties?limit=1')).toBeGreaterThanOrEqual(75)
    expect(await timed('/properties/1/contacts')).toBeGreaterThanOrEqual(75)
  })

  it('adds no delay by default', async () => {
    // Warm up first, so module loading does not count.
    await timed('/properties/1')
    expect(await timed('/properties/1')).toBeLessThan(75)
  })
})
