// The change history's table. Every change made through Roster is one row, written
// before the answer goes back to the browser (src/server/history/recorder.ts).
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
        -- what the request did: link | edit | unlink | contact_create | contact_edit
        action       text NOT NULL,
        -- why the browser sent it (a label, never trusted for more): undo | setup | revert
        reason       text,
        property_id  bigint,
        contact_id   bigint,
        contact_name text,
        -- the link (or contact) before and after, as the typed client parses it; null where none
        before       jsonb,
        after        jsonb,
        -- what the request asked for (its JSON body), so a refused change says what it tried
        request      jsonb,
        -- accepted | refused | unknown (the API's answer never came)
        outcome      text NOT NULL,
        status       integer,
        reverts      bigint REFERENCES roster_changes (id)
      );
      CREATE INDEX roster_changes_by_property ON roster_changes (property_id, id DESC);
      CREATE INDEX roster_changes_by_contact ON roster_changes (contact_id, id DESC);
      CREATE INDEX roster_changes_by_reverts ON roster_changes (reverts) WHERE reverts IS NOT NULL;
    `,
  },
]
