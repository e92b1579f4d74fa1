// What every /api/v1 route does first: the configured latency and the token check;
// then the route runs in its turn, and a change it makes is kept only once it is saved
// (../commit.ts). It wraps each resolver instead of being a handler of its own: a
// catch-all handler that falls through would count as "handled" and hide unknown
// paths from MSW's onUnhandledRequest.
import { delay, type PathParams } from 'msw'
import { change, read, SaveFailed } from '../commit.ts'
import { getMockConfig } from '../config.ts'
import { fail } from './respond.ts'

export interface RouteInfo {
  request: Request
  params: PathParams
}

export function gated(resolver: (info: RouteInfo) => Response | Promise<Response>) {
  return async (info: RouteInfo): Promise<Response> => {
    const { latencyMs, apiToken } = getMockConfig()
    if (latencyMs > 0) await delay(latencyMs)
    if (apiToken !== null) {
      const token = new URL(info.request.url).searchParams.get('api_token')
      if (token !== apiToken) return fail(401, 'Invalid or missing API token')
    }
    const method = info.request.method
    if (method === 'GET' || method === 'HEAD') return read(() => resolver(info))
    try {
      return await change(
        () => resolver(info),
        (response) => response.ok,
      )
    } catch (error) {
      if (!(error instanceof SaveFailed)) throw error
      console.error('[mock backend] could not save a change, so took it back:', error.cause)
      return fail(500, error.message)
    }
  }
}
