// Vite's side of live mode and of the shipped headers. Imported only by vite.config.ts
// (Node side): nothing here reaches the bundle.
import type { Plugin } from 'vite'
import { checklistElement } from '../features/checklist/checklist-config.ts'
import { checklistOrExit } from './checklist-config.ts'
import { describeLiveTarget, isLiveMode, liveConfigFromEnv } from './live-config.ts'
import { databaseOptionsFromEnv, openDatabase } from './db/open.ts'
import { historyMigrations } from './history/migration.ts'
import { mountHistory } from './history/mount.ts'
import { readerOverUpstream } from './history/readers.ts'
import { createLiveProxy, type Middleware } from './live-proxy.ts'
import { createRedactor } from './redact.ts'
import { applySecurityHeaders } from './security-headers.ts'
import { createUpstream } from './upstream.ts'

/**
 * ROSTER_API=live: /api/v1 of the dev and preview servers becomes the proxy to the
 * live API. A server that cannot proxy (no token, a bad URL) does not start at all,
 * with one line saying why. In every build, a token in the environment must not
 * appear in the output: the build fails if it does.
 */
export function liveProxy(): Plugin {
  let proxy: Middleware | undefined
  let target = ''
  return {
    name: 'roster:live-proxy',
    config(_, env) {
      if (env.command !== 'serve' || !isLiveMode()) return
      const live = liveConfigFromEnv()
      if (!live.ok) {
        console.error(live.problem)
        process.exit(1)
      }
      const upstream = createUpstream(live.config)
      // The change history (src/server/history/) in ROSTER_DATA_DIR or DATABASE_URL.
      proxy = mountHistory(createLiveProxy(live.config, { upstream }), {
        db: () => openDatabase(databaseOptionsFromEnv(historyMigrations)),
        reader: readerOverUpstream(upstream),
        proxyOffersBeforeState: true,
      })
      target = describeLiveTarget(live.config)
    },
    configureServer(server) {
      if (!proxy) return
      server.middlewares.use(proxy)
      server.config.logger.info(`  ➜  API:     live, proxied to ${target}`)
    },
    configurePreviewServer(server) {
      if (!proxy) return
      server.middlewares.use(proxy)
      server.config.logger.info(`  ➜  API:     live, proxied to ${target}`)
    },
    generateBundle: {
      order: 'post',
      handler(_, bundle) {
        const secret = process.env.OPEN_TO_CLOSE_API_KEY?.trim() ?? ''
        if (secret === '') return
        const redact = createRedactor(secret)
        for (const output of Object.values(bundle)) {
          const text =
            output.type === 'chunk'
              ? output.code
              : typeof output.source === 'string'
                ? output.source
                : Buffer.from(output.source).toString('utf8')
          if (redact.leaks(text)) {
            this.error(
              `${output.fileName} contains OPEN_TO_CLOSE_API_KEY's value: the token must never be bundled`,
            )
          }
        }
      },
    },
  }
}

/** The production security headers on every response of `vite preview`. */
export function securityHeaders(): Plugin {
  return {
    name: 'roster:security-headers',
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        applySecurityHeaders(res)
        next()
      })
    },
  }
}

/**
 * ROSTER_CHECKLIST for the dev server: read and checked at start (a bad file stops it
 * with one line), and sent with the page as the production server sends it. A build
 * never carries it: the server that serves the build adds it.
 */
export function rosterChecklist(): Plugin {
  let element = ''
  return {
    name: 'roster:checklist',
    apply: 'serve',
    config() {
      const loaded = checklistOrExit()
      element = loaded.custom ? checklistElement(loaded.config) : ''
    },
    transformIndexHtml(html) {
      return element === '' ? html : html.replace('</head>', () => `${element}</head>`)
    },
  }
}
