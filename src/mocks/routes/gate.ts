// What every /api/v1 route does first: the configured latency and the token check.
// It wraps each resolver instead of being a handler of its own: a catch-all handler
// that falls through would count as "handled" and hide unknown paths from MSW's
// onUnhandledRequest.
import { delay, type PathParams } from 'msw'
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
    return resolver(info)
  }
}
