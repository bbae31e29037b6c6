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
 * they wrote to a pupil stay: they are that pupil's record of their experience.
 *
 * Their answers to schools' termly surveys are kept by their account, not their volunteer id, so
 * those statements take the account's id: an answer to a named survey loses its account id (the
 * ratings stay in the school's results, from no one in particular) and the words of its comment;
 * the record that they answered a survey goes. An answer to an anonymous survey never had an account
 * id, so nothing links it to them, and it stays as it is. Each statement changes nothing the second
 * time.
 */
const STATEMENTS = [
  `update engagement_feedback set group_feedback = '${ERASED_VOLUNTEER.text}', organisation_feedback = '${ERASED_VOLUNTEER.text}'
   where volunteer_id = $1 and (group_feedback <> '${ERASED_VOLUNTEER.text}' or organisation_feedback <> '${ERASED_VOLUNTEER.text}')`,
  `update volunteer_thanks set message = '${ERASED_VOLUNTEER.text}' where volunteer_id = $1 and message <> '${ERASED_VOLUNTEER.text}'`,
];

const ACCOUNT_STATEMENTS = [
  `update programme_survey_answer set account_id = null, comment = case when comment is null then null else '${ERASED_VOLUNTEER.text}' end where account_id = $1`,
  `delete from programme_survey_respondent where account_id = $1`,
];

/** Erases one volunteer's rows here; `em` must be allowed to write them (inside the request's bypass). */
export async function eraseVolunteerRows(em: EntityManager, volunteerId: string, _now: Date, accountId: string | null): Promise<void> {
  for (const sql of STATEMENTS) await boundSql(em, sql, [volunteerId]);
  if (accountId) for (const sql of ACCOUNT_STATEMENTS) await boundSql(em, sql, [accountId]);
}
