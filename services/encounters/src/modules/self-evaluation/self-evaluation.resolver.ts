import { randomUUID } from 'node:crypto';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { academicYearOfDay, benchmarkName, GATSBY_BENCHMARKS, problemList, todayInEngland } from '@waymark/domain';
import { AccessError, InputError, isUuid, mutationError, scopeOf, type RequestContext, permitSchools } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';
import { School, stubOf } from '../external/external.entity.js';
import { groupFiguresExact, roundCell, schoolAsked } from '../benchmarks/benchmarks.resolver.js';
import { schoolCohort } from '../benchmarks/school-cohort.js';
import { withEngine } from '../benchmarks/benchmarks.service.js';
import { ASSESSMENT_AREAS, type AssessmentArea } from './self-evaluation.areas.js';
import { SelfEvaluationOverride } from './self-evaluation-override.entity.js';
import { SelfEvaluationReading, SelfEvaluationSnapshot as KeptSnapshot } from './self-evaluation-snapshot.entity.js';
import { feedbackCells } from '../evaluation/evaluation.evidence.js';
import { insertSnapshot } from './self-evaluation.snapshots.js';
import { careersPageCells } from '../publication/publication.evidence.js';
import { benchmarkScore, checkOverride, resolveArea, scoreReading, type CoverageCell } from './self-evaluation.rules.js';
import {
  SelfEvaluation,
  SelfEvaluationAnswerResult,
  SelfEvaluationArea,
  SelfEvaluationBenchmark,
  SelfEvaluationSnapshot,
  SetSelfEvaluationAnswerInput,
  TakeSelfEvaluationSnapshotResult,
  TrustSelfEvaluation,
} from './self-evaluation.types.js';
import { trustSelfEvaluation } from './self-evaluation.service.js';

/*
 * A school's self-evaluation against the eight benchmarks (docs/domain-rules.md, "Self-evaluation"): staff of the
 * school and analysts of its trust read it; the school's careers leaders answer areas.
 */

/** The school dashboard's figures (every year group and vulnerable group, all pupils) as of today. */
async function coverageOf(ctx: EncountersContext, school: string, day: string): Promise<CoverageCell[]> {
  const cohort = await schoolCohort(ctx, school, day);
  // The pupils subgraph has confirmed the school is the caller's (or their trust's): the database may
  // now return its rows from tables without a trust column (self_evaluation_override).
  await permitSchools(ctx, [school]);
  const aggregate = await withEngine(ctx, (engine) => engine.schoolAggregate(cohort, day, { groupBit: null, yearGroup: null }));
  // Analysts who may not see flags read vulnerable-group figures rounded, as on the dashboard.
  const groupCells = groupFiguresExact(ctx) ? aggregate.groupCells : aggregate.groupCells.map(roundCell);
  const feedback = await feedbackCells(ctx.em, [school], academicYearOfDay(day));
  const page = await careersPageCells(ctx.em, [school], day);
  return [...aggregate.cells, ...groupCells, ...(feedback.get(school) ?? []), ...(page.get(school) ?? [])];
}

/** Every benchmark with its areas and score, as of `day`; for the school's own staff, the records' answers are kept for the scheduled snapshots. */
async function evaluate(ctx: EncountersContext, school: string, day: string): Promise<SelfEvaluationBenchmark[]> {
  const cells = await coverageOf(ctx, school, day);
  const saved = new Map((await ctx.em.find(SelfEvaluationOverride, { schoolId: school })).map((o) => [o.areaKey, o]));
  const benchmarks = GATSBY_BENCHMARKS.map(({ number }) => {
    const areas = ASSESSMENT_AREAS.filter((a) => a.benchmark === number).map((a) => areaView(a, cells, saved.get(a.key)));
    const score = benchmarkScore(areas.map((a) => a.state));
    return Object.assign(new SelfEvaluationBenchmark(), {
      benchmark: number,
      name: benchmarkName(number),
      score,
      achieved: areas.filter((a) => a.state === 'ACHIEVED').length,
      reading: scoreReading(score),
      areas,
    });
  });
  // Only exact figures are kept (an analyst without pupil-level access reads rounded ones): the school's own staff.
  if (scopeOf(ctx.principal).kind === 'school') await keepReading(ctx, school, day, benchmarks);
  return benchmarks;
}

/** The records' answers as just worked out, one row per school, for the scheduled snapshots (taken with no caller to ask the pupils subgraph for). */
async function keepReading(ctx: EncountersContext, school: string, day: string, benchmarks: readonly SelfEvaluationBenchmark[]): Promise<void> {
  const areas = benchmarks.flatMap((b) => b.areas.filter((a) => a.answeredBy === 'RECORDS').map((a) => ({ key: a.key, state: a.prefillState })));
  await ctx.em.upsert(
    SelfEvaluationReading,
    { id: randomUUID(), schoolId: school, readOn: day, areas },
    { onConflictFields: ['schoolId'], onConflictMergeFields: ['readOn', 'areas'] },
  );
}

function snapshotView(row: KeptSnapshot): SelfEvaluationSnapshot {
  return Object.assign(new SelfEvaluationSnapshot(), {
    id: row.id,
    takenOn: row.takenOn,
    kind: row.kind,
    takenAt: row.takenAt,
    takenByName: row.takenByName,
    recordsReadOn: row.recordsReadOn,
    scores: row.scores.map((s) => ({ ...s, reading: scoreReading(s.score) })),
    areas: row.areas,
  });
}

/** The school's own staff only (analysts read the live self-evaluation; snapshots keep states worked out from exact group figures). */
function ownSchool(ctx: RequestContext, given: string | null | undefined): string {
  if (given && !isUuid(given)) throw InputError.invalid('The school id is not a Waymark school id.');
  const scope = scopeOf(ctx.principal);
  if (scope.kind !== 'school') throw AccessError.forbidden();
  if (given && given.toLowerCase() !== scope.schoolId) throw AccessError.forbidden('You can only see your own school.');
  return scope.schoolId;
}

function areaView(area: AssessmentArea, cells: readonly CoverageCell[], saved: SelfEvaluationOverride | undefined): SelfEvaluationArea {
  const resolved = resolveArea(area, cells, saved ? { state: saved.state, reason: saved.reason } : null);
  return Object.assign(new SelfEvaluationArea(), {
    key: area.key,
    text: area.text,
    answeredBy: area.rule ? 'RECORDS' : 'LEADER',
    state: resolved.state,
    prefillState: resolved.prefill.state,
    source: resolved.prefill.source,
    override: saved ? { state: saved.state, reason: saved.reason, setByName: saved.setByName, setAt: saved.setAt } : null,
  });
}

const NOT_YOURS = () => mutationError('NOT_YOUR_SCHOOL', "Only your own school's careers leaders can answer its self-evaluation.");
const NO_AREA = () => mutationError('AREA_NOT_FOUND', 'There is no such assessment area.', [{ field: 'areaKey', message: 'Choose an assessment area.' }]);

@Resolver()
export class SelfEvaluationResolver {
  @Authorized('careers_leader', 'staff', 'careers_adviser', 'trust_analyst')
  @Query(() => SelfEvaluation, {
    nullable: true,
    description:
      "A school's self-evaluation against the eight benchmarks as of today: each area's state, where it came from, and each benchmark's score. Staff: their own school (the default); trust analysts: a school of their trust, read-only.",
  })
  async selfEvaluation(@Arg('schoolId', () => ID, { nullable: true }) schoolId: string | null, @Ctx() ctx: EncountersContext): Promise<SelfEvaluation> {
    const school = schoolAsked(ctx, schoolId);
    const day = todayInEngland();
    const benchmarks = await evaluate(ctx, school, day);
    const scope = scopeOf(ctx.principal);
    return Object.assign(new SelfEvaluation(), {
      school: stubOf(School, school),
      asOf: day,
      academicYear: academicYearOfDay(day),
      canAnswer: scope.kind === 'school' && ctx.principal.roles.includes('careers_leader'),
      benchmarks,
    });
  }

  @Authorized('trust_analyst')
  @Query(() => TrustSelfEvaluation, {
    nullable: true,
    description:
      "Trust analysts: every school of their trust with its eight self-evaluation scores as of today, each with its reading and the change since the school's last snapshot.",
  })
  async trustSelfEvaluation(@Ctx() ctx: EncountersContext): Promise<TrustSelfEvaluation> {
    return trustSelfEvaluation(ctx, todayInEngland());
  }

  @Authorized('careers_leader')
  @Mutation(() => SelfEvaluationAnswerResult, {
    description: "A careers leader answers one area of their own school's self-evaluation, with a reason; the answer wins over the records until removed.",
  })
  async setSelfEvaluationAnswer(
    @Arg('input', () => SetSelfEvaluationAnswerInput) input: SetSelfEvaluationAnswerInput,
    @Ctx() ctx: EncountersContext,
  ): Promise<SelfEvaluationAnswerResult> {
    const scope = scopeOf(ctx.principal);
    if (scope.kind !== 'school') return { area: null, error: NOT_YOURS() };
    const area = ASSESSMENT_AREAS.find((a) => a.key === input.areaKey);
    if (!area) return { area: null, error: NO_AREA() };
    const problems = checkOverride(input);
    if (Object.keys(problems).length > 0)
      return { area: null, error: mutationError('ANSWER_INVALID', 'Some details of the answer need changing.', problemList(problems)) };
    // The figures first: if the pupils subgraph cannot answer, nothing is saved.
    const cells = await coverageOf(ctx, scope.schoolId, todayInEngland());
    const values = {
      state: input.state,
      reason: input.reason.trim(),
      setByAccountId: ctx.principal.accountId,
      setByName: ctx.principal.displayName,
      setAt: new Date(),
    };
    // One row per school and area: an upsert, so two answers at once leave the later one and never two rows.
    await ctx.em.upsert(
      SelfEvaluationOverride,
      { id: randomUUID(), schoolId: scope.schoolId, areaKey: area.key, ...values },
      {
        onConflictFields: ['schoolId', 'areaKey'],
        onConflictMergeFields: ['state', 'reason', 'setByAccountId', 'setByName', 'setAt'],
      },
    );
    const saved = await ctx.em.findOneOrFail(SelfEvaluationOverride, { schoolId: scope.schoolId, areaKey: area.key }, { refresh: true });
    return { area: areaView(area, cells, saved), error: null };
  }

  @Authorized('careers_leader')
  @Mutation(() => SelfEvaluationAnswerResult, {
    description: "Removes a careers leader's answer to an area of their own school's self-evaluation: the records' answer applies again.",
  })
  async removeSelfEvaluationAnswer(@Arg('areaKey') areaKey: string, @Ctx() ctx: EncountersContext): Promise<SelfEvaluationAnswerResult> {
    const scope = scopeOf(ctx.principal);
    if (scope.kind !== 'school') return { area: null, error: NOT_YOURS() };
    const area = ASSESSMENT_AREAS.find((a) => a.key === areaKey);
    if (!area) return { area: null, error: NO_AREA() };
    const cells = await coverageOf(ctx, scope.schoolId, todayInEngland());
    await ctx.em.nativeDelete(SelfEvaluationOverride, { schoolId: scope.schoolId, areaKey: area.key });
    return { area: areaView(area, cells, undefined), error: null };
  }

  @Authorized('careers_leader', 'staff', 'careers_adviser')
  @Query(() => [SelfEvaluationSnapshot], {
    nullable: true,
    description:
      "The snapshots kept of a school's self-evaluation, oldest first (by day, then when taken). The school's own staff, careers advisers and careers leaders.",
  })
  async selfEvaluationSnapshots(
    @Arg('schoolId', () => ID, { nullable: true }) schoolId: string | null,
    @Ctx() ctx: EncountersContext,
  ): Promise<SelfEvaluationSnapshot[] | null> {
    const school = ownSchool(ctx, schoolId);
    const rows = await ctx.em.find(KeptSnapshot, { schoolId: school }, { orderBy: { takenOn: 'asc', takenAt: 'asc' } });
    return rows.map(snapshotView);
  }

  @Authorized('careers_leader')
  @Mutation(() => TakeSelfEvaluationSnapshotResult, {
    description:
      "A careers leader keeps their own school's self-evaluation as it stands today. One a day: a second the same day is refused with SNAPSHOT_EXISTS.",
  })
  async takeSelfEvaluationSnapshot(@Ctx() ctx: EncountersContext): Promise<TakeSelfEvaluationSnapshotResult> {
    const scope = scopeOf(ctx.principal);
    if (scope.kind !== 'school') return { snapshot: null, error: mutationError('NOT_YOUR_SCHOOL', "Only a school's careers leaders can keep its snapshots.") };
    const day = todayInEngland();
    // The figures first: if the pupils subgraph cannot answer, nothing is kept.
    const benchmarks = await evaluate(ctx, scope.schoolId, day);
    const areas = benchmarks.flatMap((b) => b.areas.map((a) => ({ key: a.key, state: a.state })));
    const saved = await insertSnapshot(ctx.em, {
      schoolId: scope.schoolId,
      takenOn: day,
      kind: 'ON_DEMAND',
      areas,
      recordsReadOn: day,
      takenByName: ctx.principal.displayName,
    });
    if (!saved) {
      return {
        snapshot: null,
        error: mutationError('SNAPSHOT_EXISTS', 'A snapshot was already taken today. Snapshots are never changed: take the next one tomorrow.'),
      };
    }
    return { snapshot: snapshotView(saved), error: null };
  }
}
