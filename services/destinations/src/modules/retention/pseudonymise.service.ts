import type { EntityManager } from '@mikro-orm/sql';
import { PSEUDONYMISED } from '@waymark/domain';
import { boundSql } from '@waymark/subgraph-kit';

/*
 * This subgraph's part of pseudonymising a leaver (docs/domain-rules.md, "Retention"): the words of
 * their hopes and their hashtags, and the names of the providers and courses in their intended
 * destinations, destinations, activity spells and September offers, and the school's notes on those
 * offers; their self-reports and links are deleted, and an alumnus's report matched to them is unlinked.
 * Every other row stays with its kinds, stages, year
 * groups, levels, provider kinds, dates and sources, so the destination figures (sustained,
 * intention met) count them as before. Each statement changes nothing the second time.
 */
const STATEMENTS = [
  `update aspiration set text = '${PSEUDONYMISED.text}', hashtags = '{}' where pupil_id = $1 and (text <> '${PSEUDONYMISED.text}' or hashtags <> '{}')`,
  `update intention set provider = null, course = null where pupil_id = $1 and (provider is not null or course is not null)`,
  `update destination set provider = null where pupil_id = $1 and provider is not null`,
  `update activity_spell set provider = null where pupil_id = $1 and provider is not null`,
  `update september_offer set provider = null, note = case when note is null then null else '${PSEUDONYMISED.text}' end
   where pupil_id = $1 and (provider is not null or note <> '${PSEUDONYMISED.text}')`,
  // Self-reports and their links go altogether: a confirmed one lives on as its activity spell, above.
  `delete from self_report where pupil_id = $1`,
  // An alumnus's report matched to them stays the alumnus's (their own data, kept while their account is),
  // but no longer says which leaver it was matched to, so its words cannot name the pseudonymised spell.
  `update alumni_report set pupil_id = null where pupil_id = $1`,
];

/** Pseudonymises one pupil's rows here; `em` must be allowed to write them (inside the request's bypass). */
export async function pseudonymisePupilRows(em: EntityManager, pupilId: string): Promise<void> {
  for (const sql of STATEMENTS) await boundSql(em, sql, [pupilId]);
}
