// The API reads a page starts with, as `Link: rel=preload` headers on the HTML for
// that page's route: the browser fetches them while it downloads the app's script,
// instead of a round trip after the script has run. The app's own fetch of the same
// URL (same mode and credentials: crossorigin=anonymous is fetch()'s default) then
// takes the preloaded response. Keep in step with the routes in src/app/routes.tsx
// and the URLs the client builds for them.

const PROPERTY_PAGE = /^\/properties\/([1-9]\d{0,15})(?:\/setup)?\/?$/

/** Link header values for the HTML of `pathname`; none for other pages. */
export function preloadLinksFor(pathname: string): string[] {
  const match = PROPERTY_PAGE.exec(pathname)
  if (!match) return []
  const id = match[1] ?? ''
  return [`/api/v1/properties/${id}`, `/api/v1/properties/${id}/contacts`].map(
    (url) => `<${url}>; rel=preload; as=fetch; crossorigin=anonymous`,
  )
}
