// The sign-in page: server-rendered HTML, a plain form that posts to /sign-in, so it
// works without JavaScript and needs no script under the strict CSP. Its only
// stylesheet is the app's own, linked (style-src 'self'), never inline.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/** The app's stylesheets as the build's index.html links them (/assets/…css). */
export function stylesheetsOf(root: string | undefined): string[] {
  if (root === undefined) return []
  let html: string
  try {
    html = readFileSync(join(root, 'index.html'), 'utf8')
  } catch {
    return []
  }
  const found = [...html.matchAll(/<link\b[^>]*\brel=["']?stylesheet["']?[^>]*>/gi)]
    .map((tag) => /\bhref=["']?(\/assets\/[\w.-]+\.css)["']?/i.exec(tag[0])?.[1])
    .filter((href) => href !== undefined)
  return [...new Set(found)]
}

export interface SignInPageOptions {
  stylesheets: readonly string[]
  /** Where to go after signing in (a local path, already checked). */
  next: string
  email?: string
  error?: string
  /** A line above the form, like "You are signed out." */
  notice?: string
}

export function renderSignInPage(options: SignInPageOptions): string {
  const { error, notice } = options
  const links = options.stylesheets
    .map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`)
    .join('\n    ')
  const invalid = error === undefined ? '' : ' aria-invalid="true" aria-describedby="sign-in-error"'
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${error === undefined ? '' : 'Not signed in: '}Sign in · Roster</title>
    <link rel="icon" type="image/svg+xml" href="/favicon.svg">
    ${links}
  </head>
  <body>
    <main id="main" class="page sign-in">
      <h1>Sign in to Roster</h1>
      ${notice === undefined ? '' : `<p role="status">${escapeHtml(notice)}</p>`}
      ${
        error === undefined
          ? ''
          : `<div class="callout callout-error" role="alert" id="sign-in-error"><p>${escapeHtml(error)}</p></div>`
      }
      <form class="form" method="post" action="/sign-in">
        <input type="hidden" name="next" value="${escapeHtml(options.next)}">
        <div class="field">
          <label class="field-label" for="sign-in-email">Email</label>
          <input class="input" id="sign-in-email" name="email" type="email" autocomplete="username" required value="${escapeHtml(options.email ?? '')}"${invalid}>
        </div>
        <div class="field">
          <label class="field-label" for="sign-in-password">Password</label>
          <input class="input" id="sign-in-password" name="password" type="password" autocomplete="current-password" required${invalid}>
        </div>
        <div>
          <button class="button button-primary" type="submit">Sign in</button>
        </div>
      </form>
      <p class="page-subtitle">Accounts are made by whoever runs this Roster: <code>npm run users -- add EMAIL</code>.</p>
    </main>
  </body>
</html>
`
}
