// Every schema change of the app, in one list: sign-in's (1–99), then the change
// history's (100–). They run at start (src/server/db/migrate.ts).
import type { Migration } from './db/types.ts'
import { authMigrations } from './auth/migrations.ts'
import { historyMigrations } from './history/migration.ts'

export const appMigrations: readonly Migration[] = [...authMigrations, ...historyMigrations]
