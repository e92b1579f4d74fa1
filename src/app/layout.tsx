import type { ReactNode } from 'react'
import { Link } from 'wouter'
import { AuthProblemNotice } from '../components/ui/auth-problem-notice'
import { ConnectionNotice } from '../components/ui/connection-notice'
import { paths } from '../config/paths'

/** `account`: who is signed in (app.tsx passes <SignedInAs />; the tests render none). */
export function Layout({ children, account }: { children: ReactNode; account?: ReactNode }) {
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="app-header">
        <Link href={paths.properties.href()} className="brand">
          <svg aria-hidden="true" viewBox="0 0 32 32" width="24" height="24">
            <rect width="32" height="32" rx="7" fill="currentColor" />
            <path
              d="M9 23V9h7.5a4.5 4.5 0 0 1 1.2 8.84L22 23h-3.4l-3.9-5H12v5zm3-8h4.3a1.75 1.75 0 0 0 0-3.5H12z"
              fill="#fff"
            />
          </svg>
          Roster
        </Link>
        <nav aria-label="Main">
          <Link href={paths.properties.href()} className="nav-link">
            Properties
          </Link>
        </nav>
        {account}
      </header>
      <main id="main" tabIndex={-1}>
        <ConnectionNotice />
        <AuthProblemNotice />
        {children}
      </main>
    </>
  )
}
