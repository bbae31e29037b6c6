import type { EntityManager } from '@mikro-orm/sql';
import { boundSql } from '@waymark/subgraph-kit';

/** The name that stands for a pseudonymised leaver. */
export const FORMER_PUPIL = 'Former pupil';
/** What free text written by or about a pseudonymised leaver reads instead. */
export const REMOVED_TEXT = 'Removed three years after the pupil left.';

/*
 * This subgraph's part of pseudonymising a leaver (docs/domain-rules.md, "Retention"): the words of
 * their hopes and their hashtags, and the names of the providers and courses in their intended
 * destinations, destinations and activity spells. Every row stays with its kinds, stages, year
 * groups, levels, provider kinds, dates and sources, so the destination figures (sustained,
 * intention met) count them as before. Each statement changes nothing the second time.
 */
const STATEMENTS = [
  `update aspiration set text = '${REMOVED_TEXT}', hashtags = '{}' where pupil_id = $1 and (text <> '${REMOVED_TEXT}' or hashtags <> '{}')`,
  `update intention set provider = null, course = null where pupil_id = $1 and (provider is not null or course is not null)`,
  `update destination set provider = null where pupil_id = $1 and provider is not null`,
  `update activity_spell set provider = null where pupil_id = $1 and provider is not null`,
];

/** Pseudonymises one pupil's rows here; `em` must be allowed to write them (inside the request's bypass). */
export async function pseudonymisePupilRows(em: EntityManager, pupilId: string): Promise<void> {
  for (const sql of STATEMENTS) await boundSql(em, sql, [pupilId]);
}
