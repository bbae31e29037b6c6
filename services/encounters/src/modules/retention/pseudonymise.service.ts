import type { EntityManager } from '@mikro-orm/sql';
import { PSEUDONYMISED } from '@waymark/domain';
import { boundSql } from '@waymark/subgraph-kit';

export const REMOVED_TITLE = 'Activity the pupil added';

/*
 * This subgraph's part of pseudonymising a leaver (docs/domain-rules.md, "Retention"): the
 * adviser's notes of a guidance meeting held with them alone, their reflections, the words of the
 * actions agreed with them, the title, description and reason of the activities they added, and
 * their interests, the words volunteers wrote for them, and what they said they learned when rating an activity. Encounters, registers (attendance and choosing not to go), hours, kinds, dates,
 * the adviser's level, the activities' kinds, hours and decisions and whether they are considering
 * higher education stay, so every benchmark figure counts them as before. Each statement changes
 * nothing the second time.
 */
const STATEMENTS = [
  // A written reflection counts for the checklist's reflection item: its words go, the fact stays.
  `update participation set reflection = '${PSEUDONYMISED.text}' where pupil_id = $1 and reflection is not null and reflection <> '${PSEUDONYMISED.text}'`,
  `update agreed_action set text = '${PSEUDONYMISED.text}' where pupil_id = $1 and text <> '${PSEUDONYMISED.text}'`,
  `update own_activity set title = '${REMOVED_TITLE}', description = null, decline_reason = null where pupil_id = $1
   and (title <> '${REMOVED_TITLE}' or description is not null or decline_reason is not null)`,
  `update pupil_outlook set interests = '{}' where pupil_id = $1 and interests <> '{}'`,
  // A volunteer's words for the pupil after a workplace experience: that feedback was given stays.
  `update pupil_engagement_feedback set text = '${PSEUDONYMISED.text}' where pupil_id = $1 and text <> '${PSEUDONYMISED.text}'`,
  // What the pupil said they learned from an activity: the rating stays and still counts in the school's results.
  `update encounter_rating set learned = null where pupil_id = $1 and learned is not null`,
  `update encounter e set staff_notes = null where e.kind = 'GUIDANCE_MEETING' and e.staff_notes is not null
   and exists (select 1 from participation p where p.encounter_id = e.id and p.pupil_id = $1)
   and not exists (select 1 from participation p where p.encounter_id = e.id and p.pupil_id <> $1)`,
];

/** Pseudonymises one pupil's rows here; `em` must be allowed to write them (inside the request's bypass). */
export async function pseudonymisePupilRows(em: EntityManager, pupilId: string): Promise<void> {
  for (const sql of STATEMENTS) await boundSql(em, sql, [pupilId]);
}
