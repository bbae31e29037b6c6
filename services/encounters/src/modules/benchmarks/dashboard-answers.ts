import { todayInEngland } from '@waymark/domain';
import { boundSql, scopeOf, withRequestBypass } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';
import { BenchmarkEngine, type PackedCohort, type SchoolAggregate } from './benchmarks.service.js';
import { factBucket } from './dashboard-answer.entity.js';
import { notYourSchool, schoolCohort } from './school-cohort.js';

/*
 * A school's dashboard for today, stored (docs/architecture.md, "The school dashboard's stored answers").
 * The engine's answer for (school, day, filter) is kept in `dashboard_answer`, exact, with what it was
 * computed from: the school's cohort counter in the pupils subgraph, and its pupils' buckets with the
 * sum of their counters here. A request asks the pupils subgraph for the counter (and whether the
 * caller may read the school at all), then reads the answer with one statement that also sums the
 * buckets' counters now; any difference, and the answer is computed and stored again. Rounding and
 * what the caller may list are applied afterwards, per caller, by the resolver.
 */

/** Why the statements run under the row-level security's bypass (they are limited to the one school the pupils subgraph allowed). */
const REASON = 'school dashboard answers: one school the pupils subgraph allowed this caller, and its cohort';

export interface DashboardFilter {
  groupBit: number | null;
  yearGroup: number | null;
}

/** The filter as the stored answer's key. */
export const filterKey = (filter: DashboardFilter) => `${filter.groupBit ?? ''}:${filter.yearGroup ?? ''}`;

/**
 * Today's stored answer for the key, if its buckets' counters still add up to what it was computed
 * with, and the cohort counter it was computed under (compared by the caller once the pupils subgraph
 * has answered). One statement: staff of the school read their own row under the row-level security;
 * analysts, whom the pupils subgraph allows school by school, under the named bypass.
 */
async function storedAnswer(
  ctx: EncountersContext,
  school: string,
  day: string,
  filter: DashboardFilter,
): Promise<{ answer: SchoolAggregate; cohortVersion: string } | null> {
  const read = (em: EncountersContext['em']) =>
    boundSql<{ answer: SchoolAggregate | string; cohort_version: string }>(
      em,
      `select a.answer, a.cohort_version from dashboard_answer a
        where a.school_id = $1::uuid and a.day = $2::date and a.filter = $3
          and a.fact_sum = (select coalesce(sum(v.version), 0) from dashboard_fact_version v where v.bucket = any(a.buckets))`,
      [school, day, filterKey(filter)],
    );
  const scope = scopeOf(ctx.principal);
  const { rows } = scope.kind === 'school' && scope.schoolId === school ? await read(ctx.em) : await withRequestBypass(ctx, REASON, read);
  if (rows.length === 0) return null;
  const answer = rows[0].answer;
  return { answer: typeof answer === 'string' ? (JSON.parse(answer) as SchoolAggregate) : answer, cohortVersion: rows[0].cohort_version };
}

/**
 * Computes the answer and stores it. The buckets' counters are summed before the engine's statement
 * reads anything: a write that commits after the sum moves a counter, so the stored answer is never
 * served if it missed that write (at worst it is computed again once more than it had to be).
 */
async function computeAndStore(ctx: EncountersContext, cohort: PackedCohort, school: string, day: string, filter: DashboardFilter, cohortVersion: string) {
  return withRequestBypass(ctx, REASON, async (em) => {
    const { rows } = await boundSql<{ buckets: string; fact_sum: string }>(
      em,
      `select coalesce(array_agg(x.b order by x.b), '{}')::text as buckets, coalesce(sum(v.version), 0)::text as fact_sum
         from (select distinct ${factBucket('c.id')} as b from unnest($1::uuid[]) as c(id)) x
         left join dashboard_fact_version v on v.bucket = x.b`,
      [`{${cohort.pupilIds}}`],
    );
    const aggregate = await new BenchmarkEngine(em).schoolAggregate(cohort, day, filter);
    await boundSql(
      em,
      `insert into dashboard_answer (school_id, day, filter, cohort_version, buckets, fact_sum, answer, computed_at)
       values ($1::uuid, $2::date, $3, $4, $5::int[], $6::bigint, $7::jsonb, now())
       on conflict (school_id, day, filter) do update
         set cohort_version = excluded.cohort_version, buckets = excluded.buckets, fact_sum = excluded.fact_sum, answer = excluded.answer, computed_at = excluded.computed_at`,
      [school, day, filterKey(filter), cohortVersion, rows[0].buckets, rows[0].fact_sum, JSON.stringify(aggregate)],
    );
    // Yesterday's answers are never served again (the day is in the key).
    await boundSql(em, 'delete from dashboard_answer where school_id = $1::uuid and day < $2::date', [school, day]);
    return aggregate;
  });
}

/**
 * The exact aggregate for one school, with the school's name: today's from its stored answer while it
 * is still exact, any other day's computed as it always was. Refused (notYourSchool) when the pupils
 * subgraph says the caller may not read the school. Today's name comes with the cohort counter
 * (`cohortVersion`); a past day's with its cohort, in the same request to the pupils subgraph.
 */
export async function schoolAggregateFor(
  ctx: EncountersContext,
  school: string,
  day: string,
  filter: DashboardFilter,
): Promise<{ aggregate: SchoolAggregate; schoolName: string }> {
  if (day !== todayInEngland()) {
    // Refused, not answered with zeros: an empty cohort would look like a school with no pupils.
    const { cohort, schoolName } = await ctx.deps.pupils.fetchSchoolCohortAndName(ctx, school, day);
    if (!cohort.schoolsAllowed.includes(school) || !schoolName) notYourSchool(ctx);
    const aggregate = await withRequestBypass(ctx, REASON, (em) => new BenchmarkEngine(em).schoolAggregate(cohort, day, filter));
    return { aggregate, schoolName };
  }
  // The counter and the stored answer are asked for at once; nothing read is used before the pupils
  // subgraph has said the caller may read the school.
  // Both are waited for, even when one fails, so the request's transaction never ends under a statement.
  const [asked, read] = await Promise.allSettled([ctx.deps.pupils.cohortVersion(ctx, school), storedAnswer(ctx, school, day, filter)]);
  if (asked.status === 'rejected') throw asked.reason;
  const { schoolsAllowed, version, schoolName } = asked.value;
  if (!schoolsAllowed.includes(school) || !schoolName) notYourSchool(ctx);
  if (read.status === 'rejected') throw read.reason;
  const stored = read.value;
  if (stored && stored.cohortVersion === version) return { aggregate: stored.answer, schoolName };
  return { aggregate: await computeAndStore(ctx, await schoolCohort(ctx, school, day), school, day, filter, version), schoolName };
}
