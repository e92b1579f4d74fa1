import { HttpClient, type FetchLike } from './http'
import { ContactsResource } from './resources/contacts'
import { PropertiesResource } from './resources/properties'
import { PropertyContactsResource, type VersionCheck } from './resources/property-contacts'

export interface OpenToCloseAPIOptions {
  /** `/api/v1` in the browser (resolved against the page), or an absolute URL. */
  baseUrl: string | URL
  /** Defaults to the global fetch, looked up per call so test interceptors apply. */
  fetch?: FetchLike
  /**
   * Sent as the `api_token` query parameter. For Node scripts only: in the browser
   * the proxy behind `/api/v1` adds the token, and it must never reach the bundle.
   */
  apiKey?: string
  /** Abort and raise NetworkError when a response takes longer than this. */
  timeoutMs?: number
  /**
   * Who checks a conditional write (`ifMatch`, `onlyIfUnlinked`): `conditional` when the
   * server honours If-Match (Roster's mock backend and live proxy do), `read-first`
   * (the default) to read the link before writing, for the Open To Close API itself.
   */
  versionCheck?: VersionCheck
}

/**
 * The Open To Close API, shaped like the documented Python client. Every method
 * is async: a refused id or body rejects the promise, before any request, just
 * as a server error would, so callers handle one failure path.
 */
export class OpenToCloseAPI {
  readonly properties: PropertiesResource
  readonly contacts: ContactsResource
  readonly propertyContacts: PropertyContactsResource

  constructor(options: OpenToCloseAPIOptions) {
    const { timeoutMs } = options
    if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
      throw new TypeError(`OpenToCloseAPI: timeoutMs must be a positive number of milliseconds.`)
    }
    const http = new HttpClient({
      baseUrl: resolveBaseUrl(options.baseUrl),
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      apiKey: options.apiKey === '' ? undefined : options.apiKey,
      timeoutMs,
    })
    this.properties = new PropertiesResource(http)
    this.contacts = new ContactsResource(http)
    this.propertyContacts = new PropertyContactsResource(http, options.versionCheck ?? 'read-first')
  }
}

function resolveBaseUrl(baseUrl: string | URL): URL {
  // `location` is absent in Node even though the DOM typings promise it.
  const { location } = globalThis as { location?: { href: string } }
  try {
    return new URL(baseUrl, location?.href)
  } catch {
    throw new TypeError(
      location
        ? `OpenToCloseAPI: baseUrl ${JSON.stringify(String(baseUrl))} is not a valid URL.`
        : `OpenToCloseAPI: baseUrl ${JSON.stringify(String(baseUrl))} is relative and there is no page location to resolve it against; pass an absolute URL such as https://api.opentoclose.com/v1.`,
    )
  }
}
