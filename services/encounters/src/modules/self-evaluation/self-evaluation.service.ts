import { academicYearOfDay, benchmarkName, GATSBY_BENCHMARKS } from '@waymark/domain';
import { AccessError, boundSql, permitSchools, pgArray, scopeOf } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';
import { School, stubOf } from '../external/external.entity.js';
import { groupFiguresExact, roundCell } from '../benchmarks/benchmarks.resolver.js';
import { withEngine } from '../benchmarks/benchmarks.service.js';
import { feedbackCells } from '../evaluation/evaluation.evidence.js';
import { ASSESSMENT_AREAS } from './self-evaluation.areas.js';
import { careersPageCells } from '../publication/publication.evidence.js';
import { SelfEvaluationOverride } from './self-evaluation-override.entity.js';
import type { KeptScore } from './self-evaluation-snapshot.entity.js';
import { benchmarkScore, resolveArea, scoreReading, type CoverageCell } from './self-evaluation.rules.js';
import { TrustSelfEvaluation, TrustSelfEvaluationSchool, TrustSelfEvaluationScore } from './self-evaluation.types.js';

/*
 * The trust's side-by-side of its schools' self-evaluations (docs/benchmarks-contract.md, "The trust's side-by-side"):
 * every school's eight scores worked out as each school's own self-evaluation works them out, but for the whole
 * trust at once: one call to the pupils subgraph, one engine statement, one read of the leaders' answers and one
 * of the last snapshots, however many schools the trust has.
 */

/**
 * Benchmarks with an area answered from vulnerable-group figures. A snapshot keeps those areas as worked out from
 * exact figures, which analysts without pupil-level access only see rounded, so they get no change on these.
 */
const GROUP_BENCHMARKS = new Set(ASSESSMENT_AREAS.filter((a) => a.rule?.kind === 'groupsKeepUp').map((a) => a.benchmark));

interface LastSnapshot {
  takenOn: string;
  scores: KeptScore[];
}

/** Each school's latest snapshot (by day, then when taken), in one statement. */
async function lastSnapshots(ctx: EncountersContext, schoolIds: readonly string[]): Promise<Map<string, LastSnapshot>> {
  const { rows } = await boundSql<{ school_id: string; taken_on: string | Date; scores: KeptScore[] | string }>(
    ctx.em,
    `select distinct on ("school_id") "school_id", to_char("taken_on", 'YYYY-MM-DD') as "taken_on", "scores"
       from "self_evaluation_snapshot"
      where "school_id" = any($1::uuid[])
      order by "school_id", "taken_on" desc, "taken_at" desc`,
    [pgArray(schoolIds)],
  );
  return new Map(
    rows.map((row) => [
      row.school_id,
      { takenOn: String(row.taken_on), scores: typeof row.scores === 'string' ? (JSON.parse(row.scores) as KeptScore[]) : row.scores },
    ]),
  );
}

/** One school's eight scores from its figures and its leaders' answers, with the change since its last snapshot. */
function schoolScores(cells: readonly CoverageCell[], answers: readonly SelfEvaluationOverride[], last: LastSnapshot | undefined, exact: boolean) {
  const answered = new Map(answers.map((a) => [a.areaKey, a]));
  return GATSBY_BENCHMARKS.map(({ number }) => {
    const states = ASSESSMENT_AREAS.filter((a) => a.benchmark === number).map((area) => {
      const saved = answered.get(area.key);
      return resolveArea(area, cells, saved ? { state: saved.state, reason: saved.reason } : null).state;
    });
    const score = benchmarkScore(states);
    const then = last?.scores.find((s) => s.benchmark === number);
    const comparable = then !== undefined && (exact || !GROUP_BENCHMARKS.has(number));
    return Object.assign(new TrustSelfEvaluationScore(), {
      benchmark: number,
      name: benchmarkName(number),
      score,
      achieved: states.filter((s) => s === 'ACHIEVED').length,
      areas: states.length,
      reading: scoreReading(score),
      change: comparable ? score - then.score : null,
    });
  });
}

/** Every school of the caller's trust with its eight scores, as of `day`. Trust analysts only. */
export async function trustSelfEvaluation(ctx: EncountersContext, day: string): Promise<TrustSelfEvaluation> {
  const scope = scopeOf(ctx.principal);
  if (scope.kind !== 'trust') throw AccessError.forbidden('The side-by-side is for analysts of a trust.');
  // The pupils subgraph decides which schools are the trust's: the cohort answers for those only.
  const cohort = await ctx.deps.pupils.fetchPackedCohort(ctx, { asOf: day });
  const schoolIds = cohort.schoolsAllowed;
  const exact = groupFiguresExact(ctx);
  const result = Object.assign(new TrustSelfEvaluation(), {
    asOf: day,
    academicYear: academicYearOfDay(day),
    groupFiguresRounded: !exact,
    schools: [] as TrustSelfEvaluationSchool[],
  });
  if (schoolIds.length === 0) return result;
  // Confirmed as the trust's schools: the database may now return their rows from tables without a trust column.
  await permitSchools(ctx, schoolIds);
  const figures = await withEngine(ctx, (engine) => engine.schoolsAggregate(cohort, day));
  const answers = await ctx.em.find(SelfEvaluationOverride, { schoolId: { $in: [...schoolIds] } });
  const snapshots = await lastSnapshots(ctx, schoolIds);
  const pages = await careersPageCells(ctx.em, schoolIds, day);
  const feedback = await feedbackCells(ctx.em, schoolIds, academicYearOfDay(day));
  result.schools = schoolIds.map((schoolId) => {
    const school = figures.get(schoolId);
    // Analysts who may not see flags read vulnerable-group figures rounded, as on the school's own self-evaluation.
    const groupCells = exact ? (school?.groupCells ?? []) : (school?.groupCells ?? []).map(roundCell);
    const last = snapshots.get(schoolId);
    return Object.assign(new TrustSelfEvaluationSchool(), {
      school: stubOf(School, schoolId),
      lastSnapshotOn: last?.takenOn ?? null,
      scores: schoolScores(
        [...(school?.cells ?? []), ...groupCells, ...(feedback.get(schoolId) ?? []), ...(pages.get(schoolId) ?? [])],
        answers.filter((a) => a.schoolId === schoolId),
        last,
        exact,
      ),
    });
  });
  return result;
}
