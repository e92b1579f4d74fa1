// The seam between Roster's server and its database. Both engines answer it: PGlite
// (PostgreSQL compiled to WebAssembly, embedded, the default) and a PostgreSQL server
// (`DATABASE_URL`), with the same schema and the same parameterised SQL ($1, $2 …).

/**
 * One statement with its parameters. Rows come back as plain objects that the caller
 * parses (with zod) into its own types: the database is an input like any other.
 */
export interface Sql {
  query(text: string, params?: readonly unknown[]): Promise<{ rows: Record<string, unknown>[] }>
}

export interface Database extends Sql {
  readonly engine: 'pglite' | 'postgres'
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/**
 * A versioned schema change. Versions are unique across the whole app and run in
 * ascending order, each once, at start (see src/server/db/migrate.ts).
 */
export interface Migration {
  readonly version: number
  readonly name: string
  readonly sql: string
}
