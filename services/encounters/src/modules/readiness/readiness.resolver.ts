import { randomUUID } from 'node:crypto';
import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  academicYearOf,
  checkReadinessAnswers,
  isReadinessYear,
  positiveShare,
  READINESS_ITEM_KEYS,
  READINESS_YEAR_GROUPS,
  todayInEngland,
  VULNERABLE_GROUP_CODES,
  VULNERABLE_GROUPS,
  type ReadinessItem,
} from '@waymark/domain';
import { AccessError, InputError, mutationError, pupilRecordRoute, scopeOf } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';
import { Pupil } from '../external/external.entity.js';
import { ReadinessResponse } from './readiness.entity.js';
import { ReadinessAnswerInput, ReadinessResponseView, ReadinessResults, SubmitReadinessResult, type ReadinessGroupResult } from './readiness.types.js';

const viewOf = (row: ReadinessResponse): ReadinessResponseView => ({
  id: row.id,
  academicYear: row.academicYear,
  yearGroup: row.yearGroup,
  answers: READINESS_ITEM_KEYS.filter((item) => row.answers[item] !== undefined).map((item) => ({ item, value: row.answers[item] })),
  submittedAt: row.submittedAt,
});

/** The career readiness questionnaire: pupils answer it in Years 7, 9, 11 and 13; their school reads the shares. */
@Resolver()
export class ReadinessResolver {
  @Authorized('pupil')
  @Mutation(() => SubmitReadinessResult, {
    description:
      'A pupil in Year 7, 9, 11 or 13 answers the career readiness questionnaire (every question, 1 to 4); answering again this school year replaces it.',
  })
  async submitReadiness(
    @Arg('answers', () => [ReadinessAnswerInput]) answers: ReadinessAnswerInput[],
    @Ctx() ctx: EncountersContext,
  ): Promise<SubmitReadinessResult> {
    const scope = scopeOf(ctx.principal);
    if (scope.kind !== 'pupil') throw AccessError.forbidden();
    const problems = checkReadinessAnswers(answers);
    if (problems.length > 0)
      return {
        response: null,
        error: mutationError(
          'READINESS_INVALID',
          `${problems[0]}. Nothing was saved.`,
          problems.map((message) => ({ field: 'answers', message })),
        ),
      };
    const today = todayInEngland();
    const cohort = await ctx.deps.pupils.fetchCohort(ctx, { pupilIds: [scope.pupilId], asOf: today });
    const yearGroup = cohort.yearGroups[0];
    if (cohort.pupilIds.length === 0 || !isReadinessYear(yearGroup))
      return {
        response: null,
        error: mutationError(
          'NOT_A_READINESS_YEAR',
          'The questionnaire is for Years 7, 9, 11 and 13. You can answer it when you reach the next one. Nothing was saved.',
        ),
      };
    const academicYear = academicYearOf(new Date());
    const values = Object.fromEntries(answers.map(({ item, value }) => [item, value]));
    await ctx.em.upsert(
      ReadinessResponse,
      {
        id: randomUUID(),
        pupilId: scope.pupilId,
        schoolId: cohort.schoolIds[0],
        trustId: ctx.principal.trustId,
        academicYear,
        yearGroup,
        answers: values,
        submittedAt: new Date(),
      },
      { onConflictFields: ['pupilId', 'academicYear'], onConflictMergeFields: ['schoolId', 'yearGroup', 'answers', 'submittedAt'] },
    );
    const row = await ctx.em.findOneOrFail(ReadinessResponse, { pupilId: scope.pupilId, academicYear }, { refresh: true });
    return { response: viewOf(row), error: null };
  }

  @Authorized('careers_leader', 'staff', 'careers_adviser')
  @Query(() => ReadinessResults, {
    nullable: true,
    description:
      "The caller's school's career readiness answers in an academic year (this one by default): for each year it is asked in, and each vulnerable group there, the pupils on roll, how many answered, and the share answering each question positively.",
  })
  async readinessResults(
    @Arg('academicYear', () => Int, { nullable: true }) academicYear: number | null,
    @Ctx() ctx: EncountersContext,
  ): Promise<ReadinessResults> {
    const scope = scopeOf(ctx.principal);
    if (scope.kind !== 'school') throw InputError.invalid('Only staff of a school read its questionnaire results.');
    const year = academicYear ?? academicYearOf(new Date());
    const cohort = await ctx.deps.pupils.fetchCohort(ctx, { schoolIds: [scope.schoolId], asOf: todayInEngland() });
    const rows = await ctx.em.find(ReadinessResponse, { schoolId: scope.schoolId, academicYear: year });
    const byPupil = new Map(rows.map((row) => [row.pupilId, row]));
    const results: ReadinessGroupResult[] = [];
    const resultOf = (yearGroup: number, group: (typeof VULNERABLE_GROUPS)[number] | null, bit: number): ReadinessGroupResult | null => {
      const pupils = cohort.pupilIds.filter((_, i) => cohort.yearGroups[i] === yearGroup && (bit < 0 || (cohort.groupMasks[i] & (1 << bit)) !== 0));
      if (group && pupils.length === 0) return null;
      const answered = pupils.map((id) => byPupil.get(id)).filter((row): row is ReadinessResponse => row !== undefined);
      return {
        yearGroup,
        group: group ? VULNERABLE_GROUP_CODES[group.key] : null,
        onRoll: pupils.length,
        answered: answered.length,
        items: READINESS_ITEM_KEYS.map((item: ReadinessItem) => ({
          item,
          positivePercent: positiveShare(answered.map((row) => row.answers[item]).filter((value): value is number => typeof value === 'number')),
        })),
      };
    };
    for (const yearGroup of READINESS_YEAR_GROUPS) {
      results.push(resultOf(yearGroup, null, -1)!);
      VULNERABLE_GROUPS.forEach((group, bit) => {
        const row = resultOf(yearGroup, group, bit);
        if (row) results.push(row);
      });
    }
    return Object.assign(new ReadinessResults(), { academicYear: year, rows: results });
  }
}

/** A pupil's own answers over the years, on their record ("My progress"): the pupil themself only. */
@Resolver(() => Pupil)
export class PupilReadinessResolver {
  @FieldResolver(() => [ReadinessResponseView], { nullable: true, description: 'Their career readiness answers, oldest first. The pupil themself only.' })
  async readinessResponses(@Root() pupil: Pupil, @Ctx() ctx: EncountersContext): Promise<ReadinessResponseView[] | null> {
    if (pupilRecordRoute(ctx.principal, pupil.id) !== 'own') return null;
    const rows = await ctx.em.find(ReadinessResponse, { pupilId: pupil.id }, { orderBy: { academicYear: 'asc' } });
    return rows.map(viewOf);
  }
}
