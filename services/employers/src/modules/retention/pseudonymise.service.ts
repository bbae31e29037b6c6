import type { EntityManager } from '@mikro-orm/sql';
import { PSEUDONYMISED } from '@waymark/domain';
import { boundSql } from '@waymark/subgraph-kit';

/*
 * This subgraph's part of pseudonymising a leaver (docs/domain-rules.md, "Retention"): the first
 * name copied onto their placement applications, their statement, and the words of the employer's
 * response and feedback to them (whether there was one stays). The application stays with its placement, school, year group, status and dates,
 * so placement counts are as before. Each statement changes nothing the second time.
 */
const STATEMENTS = [
  // Whether the employer answered or gave feedback stays (feedback meets an item of a workplace
  // experience's checklist): only the words go.
  `update placement_application set first_name = '${PSEUDONYMISED.name}', statement = '${PSEUDONYMISED.text}',
     response = case when response is null then null else '${PSEUDONYMISED.text}' end,
     feedback = case when feedback is null then null else '${PSEUDONYMISED.text}' end
   where pupil_id = $1 and (first_name <> '${PSEUDONYMISED.name}' or statement <> '${PSEUDONYMISED.text}' or response <> '${PSEUDONYMISED.text}' or feedback <> '${PSEUDONYMISED.text}')`,
];

/** Pseudonymises one pupil's rows here; `em` must be allowed to write them (inside the request's bypass). */
export async function pseudonymisePupilRows(em: EntityManager, pupilId: string): Promise<void> {
  for (const sql of STATEMENTS) await boundSql(em, sql, [pupilId]);
}
