import type { EntityManager } from '@mikro-orm/sql';
import { boundSql } from '@waymark/subgraph-kit';

/** The name that stands for a pseudonymised leaver. */
export const FORMER_PUPIL = 'Former pupil';
/** What free text written by or about a pseudonymised leaver reads instead. */
export const REMOVED_TEXT = 'Removed three years after the pupil left.';

/*
 * This subgraph's part of pseudonymising a leaver (docs/domain-rules.md, "Retention"): the first
 * name copied onto their placement applications, their statement, and the words of the employer's
 * response and feedback to them (whether there was one stays). The application stays with its placement, school, year group, status and dates,
 * so placement counts are as before. Each statement changes nothing the second time.
 */
const STATEMENTS = [
  // Whether the employer answered or gave feedback stays (feedback meets an item of a workplace
  // experience's checklist): only the words go.
  `update placement_application set first_name = '${FORMER_PUPIL}', statement = '${REMOVED_TEXT}',
     response = case when response is null then null else '${REMOVED_TEXT}' end,
     feedback = case when feedback is null then null else '${REMOVED_TEXT}' end
   where pupil_id = $1 and (first_name <> '${FORMER_PUPIL}' or statement <> '${REMOVED_TEXT}' or response <> '${REMOVED_TEXT}' or feedback <> '${REMOVED_TEXT}')`,
];

/** Pseudonymises one pupil's rows here; `em` must be allowed to write them (inside the request's bypass). */
export async function pseudonymisePupilRows(em: EntityManager, pupilId: string): Promise<void> {
  for (const sql of STATEMENTS) await boundSql(em, sql, [pupilId]);
}
