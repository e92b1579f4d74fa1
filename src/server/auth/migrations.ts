// Accounts, sessions and sign-in failures (versions 1–99 are sign-in's; the change
// history starts at 100). Times are written by the server's clock, passed in as
// parameters, so every Roster server behind a load balancer agrees with its tests.
import type { Migration } from '../db/types.ts'

export const authMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts, sessions and sign-in failures',
    sql: `
      CREATE TABLE roster_users (
        email         text PRIMARY KEY,
        name          text NOT NULL,
        password_hash text NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now()
      );
      -- Only a SHA-256 of each session id: a copy of the database signs nobody in.
      CREATE TABLE roster_sessions (
        id_hash      text PRIMARY KEY,
        user_email   text NOT NULL REFERENCES roster_users (email) ON DELETE CASCADE,
        created_at   timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL
      );
      CREATE INDEX roster_sessions_by_user ON roster_sessions (user_email);
      -- One row per failed sign-in, keyed "account:<email>" or "address:<ip>".
      CREATE TABLE roster_sign_in_failures (
        key       text NOT NULL,
        failed_at timestamptz NOT NULL
      );
      CREATE INDEX roster_sign_in_failures_by_key ON roster_sign_in_failures (key, failed_at);
    `,
  },
]
