import type { EntityManager } from '@mikro-orm/sql';
import { ERASED_VOLUNTEER } from '@waymark/domain';
import { boundSql } from '@waymark/subgraph-kit';

/*
 * This subgraph's part of a volunteer deleting their account (docs/domain-rules.md, "A volunteer
 * deletes their account"). Encounters name volunteers by id only, and the employers subgraph now
 * answers that id as "Former volunteer", so every encounter (past and to come) stays as it is: the
 * school still sees what was delivered, and by which organisation, and every count is unchanged.
 * The words they wrote to the school about the pupils and about how it was organised go (their
 * rating stays), and so do the words of a school's thanks to them (its rating stays). The words
 * they wrote to a pupil stay: they are that pupil's record of their experience. Each statement
 * changes nothing the second time.
 */
const STATEMENTS = [
  `update engagement_feedback set group_feedback = '${ERASED_VOLUNTEER.text}', organisation_feedback = '${ERASED_VOLUNTEER.text}'
   where volunteer_id = $1 and (group_feedback <> '${ERASED_VOLUNTEER.text}' or organisation_feedback <> '${ERASED_VOLUNTEER.text}')`,
  `update volunteer_thanks set message = '${ERASED_VOLUNTEER.text}' where volunteer_id = $1 and message <> '${ERASED_VOLUNTEER.text}'`,
];

/** Erases one volunteer's rows here; `em` must be allowed to write them (inside the request's bypass). */
export async function eraseVolunteerRows(em: EntityManager, volunteerId: string): Promise<void> {
  for (const sql of STATEMENTS) await boundSql(em, sql, [volunteerId]);
}
