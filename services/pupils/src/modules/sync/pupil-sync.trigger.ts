import { UNLESS_BULK_INSERT } from '../pupil/pupil-bulk-insert.js';

/**
 * Writes `pupil_sync_change` whenever a pupil's synced fields change (docs/trust-api.md, "Incremental
 * sync"): a row for the trust they are in, and, when they leave a trust (moved to a school of another
 * trust or none), a tombstone row for the trust they left. Deleting a pupil leaves a tombstone;
 * setting `pseudonymised_at` turns the trust's row into one. Updates that touch nothing the sync
 * carries write nothing. A change of the pupil's agreement to being followed after 16, or of their
 * opt-out of sharing, is logged too: the destinations subgraph reads it through `pupilChanges`
 * (`SyncedPupil.destinationSharing`) to hide their destination rows from the trust's feed.
 */
export const PUPIL_SYNC_TRIGGER = {
  name: 'pupil_sync_change',
  timing: 'after' as const,
  events: ['insert' as const, 'update' as const, 'delete' as const],
  forEach: 'row' as const,
  // A roster import's new pupils are logged by the import itself, in one statement (pupil-bulk-insert.ts).
  when: UNLESS_BULK_INSERT,
  body: `if tg_op = 'DELETE' then
  if old."trust_id" is not null then
    insert into "pupil_sync_change" ("trust_id", "pupil_id", "reason") values (old."trust_id", old."id", 'DELETED');
  end if;
  return null;
end if;
if tg_op = 'UPDATE' then
  if (old."school_id", old."trust_id", old."year_group", old."year_group_academic_year", old."enrolled_on", old."left_on", old."pseudonymised_at",
      old."destination_tracking", old."local_authority_sharing_opt_out")
     is not distinct from (new."school_id", new."trust_id", new."year_group", new."year_group_academic_year", new."enrolled_on", new."left_on", new."pseudonymised_at",
      new."destination_tracking", new."local_authority_sharing_opt_out") then
    return null;
  end if;
  if old."trust_id" is not null and old."trust_id" is distinct from new."trust_id" then
    insert into "pupil_sync_change" ("trust_id", "pupil_id", "reason") values (old."trust_id", old."id", 'TRANSFERRED');
  end if;
end if;
if new."trust_id" is not null then
  insert into "pupil_sync_change" ("trust_id", "pupil_id", "reason")
  values (new."trust_id", new."id", case when new."pseudonymised_at" is not null then 'PSEUDONYMISED' end);
end if;
return null;`,
};
