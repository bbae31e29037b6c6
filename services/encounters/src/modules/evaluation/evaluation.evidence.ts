import type { EntityManager } from '@mikro-orm/sql';
import { boundSql, pgArray } from '@waymark/subgraph-kit';
import type { CoverageCell } from '../self-evaluation/self-evaluation.rules.js';

/*
 * Feedback as evidence for the self-evaluation's Benchmark 1 area on reviewing the programme
 * (docs/domain-rules.md, "Evaluating the programme"): how many pupils' ratings and survey answers from
 * each audience a school has in an academic year, as cells beside the benchmark figures (the measure
 * names who gave it; `met` is how many).
 */

export const FEEDBACK_MEASURES = {
  PUPILS: 'FEEDBACK_PUPILS',
  PARENTS: 'FEEDBACK_PARENTS',
  STAFF: 'FEEDBACK_STAFF',
  EMPLOYERS: 'FEEDBACK_EMPLOYERS',
} as const;

const cell = (measure: string, count: number): CoverageCell => ({ measure, yearGroup: null, group: null, eligible: count, met: count, inProgress: 0 });

/** Each school's feedback cells for the academic year (pupils' ratings of that year's encounters; answers to that year's surveys, open or closed). */
export async function feedbackCells(em: EntityManager, schoolIds: readonly string[], academicYear: number): Promise<Map<string, CoverageCell[]>> {
  const ids = pgArray(schoolIds);
  const ratings = await boundSql<{ school_id: string; count: string | number }>(
    em,
    `select r."school_id", count(*) as "count" from "encounter_rating" r join "encounter" e on e."id" = r."encounter_id"
      where r."school_id" = any($1::uuid[])
        and (e."date" at time zone 'Europe/London')::date between $2::date and $3::date
      group by r."school_id"`,
    [ids, `${academicYear}-09-01`, `${academicYear + 1}-08-31`],
  );
  const answers = await boundSql<{ school_id: string; audience: keyof typeof FEEDBACK_MEASURES; count: string | number }>(
    em,
    `select a."school_id", s."audience", count(*) as "count" from "programme_survey_answer" a join "programme_survey" s on s."id" = a."survey_id"
      where a."school_id" = any($1::uuid[]) and s."academic_year" = $2
      group by a."school_id", s."audience"`,
    [ids, academicYear],
  );
  const result = new Map<string, CoverageCell[]>(schoolIds.map((id) => [id, []]));
  for (const row of ratings.rows) result.get(row.school_id)?.push(cell(FEEDBACK_MEASURES.PUPILS, Number(row.count)));
  for (const row of answers.rows) result.get(row.school_id)?.push(cell(FEEDBACK_MEASURES[row.audience], Number(row.count)));
  return result;
}
