import type { EntityManager } from '@mikro-orm/sql';
import { boundSql } from '@waymark/subgraph-kit';

/*
 * This subgraph's part of a volunteer deleting their account (docs/domain-rules.md, "A volunteer
 * deletes their account"): a former pupil's own reports of what they do now are deleted, whatever
 * the school made of them. A report the school matched to one of its leavers has already become
 * that leaver's activity spell, which is the school's record of its leaver and stays (with its
 * own retention); no figure counts a report itself. Deleting again deletes nothing.
 */
const STATEMENTS = ['delete from alumni_report where volunteer_id = $1'];

/** Erases one volunteer's rows here; `em` must be allowed to write them (inside the request's bypass). */
export async function eraseVolunteerRows(em: EntityManager, volunteerId: string): Promise<void> {
  for (const sql of STATEMENTS) await boundSql(em, sql, [volunteerId]);
}
