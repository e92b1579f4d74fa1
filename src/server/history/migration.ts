// The change history's table. Every change made through Roster is one row, written
// before the answer goes back to the browser (src/server/history/).
import type { Migration } from '../db/types.ts'

export const historyMigrations: readonly Migration[] = [
  {
    version: 100,
    name: 'roster change history',
    sql: `
      CREATE TABLE roster_changes (
        id           bigserial PRIMARY KEY,
        at           timestamptz NOT NULL DEFAULT now(),
        actor_id     text NOT NULL,
        actor_name   text NOT NULL,
        -- link | edit | unlink | undo | revert | contact_create | contact_edit | setup_item
        kind         text NOT NULL,
        property_id  bigint,
        contact_id   bigint,
        contact_name text,
        -- the link (or contact) before and after, as the API returned it; null where none
        before       jsonb,
        after        jsonb,
        -- accepted | refused | unknown (the API's answer never came)
        outcome      text NOT NULL,
        status       integer,
        reverts      bigint REFERENCES roster_changes (id)
      );
      CREATE INDEX roster_changes_by_property ON roster_changes (property_id, id DESC);
    `,
  },
]
