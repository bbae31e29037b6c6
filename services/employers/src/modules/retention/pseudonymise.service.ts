import type { EntityManager } from '@mikro-orm/sql';
import { boundSql } from '@waymark/subgraph-kit';

/** The name that stands for a pseudonymised leaver. */
export const FORMER_PUPIL = 'Former pupil';
/** What free text written by or about a pseudonymised leaver reads instead. */
export const REMOVED_TEXT = 'Removed three years after the pupil left.';

/*
 * This subgraph's part of pseudonymising a leaver (docs/domain-rules.md, "Retention"): the first
 * name copied onto their placement applications, their statement, and the employer's response and
 * feedback to them. The application stays with its placement, school, year group, status and dates,
 * so placement counts are as before. Each statement changes nothing the second time.
 */
const STATEMENTS = [
  `update placement_application set first_name = '${FORMER_PUPIL}', statement = '${REMOVED_TEXT}', response = null, feedback = null
   where pupil_id = $1 and (first_name <> '${FORMER_PUPIL}' or statement <> '${REMOVED_TEXT}' or response is not null or feedback is not null)`,
];

/** Pseudonymises one pupil's rows here; `em` must be allowed to write them (inside the request's bypass). */
export async function pseudonymisePupilRows(em: EntityManager, pupilId: string): Promise<void> {
  for (const sql of STATEMENTS) await boundSql(em, sql, [pupilId]);
}
