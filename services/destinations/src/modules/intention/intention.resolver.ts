import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { checkAspiration, checkIntention, problemList, todayInEngland } from '@waymark/domain';
import { hasRole } from '@waymark/auth';
import { InputError, isUuid, mutationError, scopeOf } from '@waymark/subgraph-kit';
import type { DestinationsContext } from '../../app.js';
import {
  IntentionGaps,
  IntentionReturn,
  RecordAspirationInput,
  RecordAspirationResult,
  RecordIntentionInput,
  RecordIntentionResult,
} from './intention.types.js';
import { IntentionService } from './intention.service.js';
import { intentionReturnRows, returnCsv, returnFileName } from './intention-return.js';
import { SeptemberOfferService } from '../september-offer/september-offer.service.js';

const STAFF = ['careers_leader', 'staff', 'careers_adviser'] as const;

const trimmed = (value: string | null | undefined): string | null => value?.trim() || null;

/** Recording intended destinations and aspirations, and the leader's list of who has none yet. */
@Resolver()
export class IntentionResolver {
  @Authorized('pupil', ...STAFF)
  @Mutation(() => RecordIntentionResult, {
    description:
      "Records an intended destination for a pupil in Year 11 or Year 13: a pupil their own, staff of the pupil's school for the pupil. Earlier ones are kept; the newest is the current one.",
  })
  async recordIntention(
    @Arg('input', () => RecordIntentionInput) input: RecordIntentionInput,
    @Ctx() ctx: DestinationsContext,
  ): Promise<RecordIntentionResult> {
    const principal = ctx.principal;
    const scope = scopeOf(principal);
    const self = scope.kind === 'pupil';
    const pupilId = self ? scope.pupilId : input.pupilId;
    if (self && input.pupilId && input.pupilId !== scope.pupilId)
      return { intention: null, error: mutationError('NOT_YOUR_RECORD', 'You can only record your own plans. Nothing was saved.') };
    const notFound = {
      intention: null,
      error: mutationError('PUPIL_NOT_FOUND', 'That pupil is not on roll at your school, so you cannot record their plans. Nothing was saved.'),
    };
    if (!pupilId || !isUuid(pupilId) || (scope.kind !== 'school' && !self)) return notFound;
    // The pupils subgraph answers with the caller's credential: staff see only their school's pupils, a pupil only themself.
    const [pupil] = await ctx.deps.pupils.onRoll(ctx, { pupilIds: [pupilId], asOf: todayInEngland() });
    if (!pupil) return notFound;
    if (pupil.yearGroup !== 11 && pupil.yearGroup !== 13) {
      const who = self ? 'You are' : 'This pupil is';
      return {
        intention: null,
        error: mutationError(
          'NOT_YEAR_11_OR_13',
          `Plans for after school are recorded in Year 11 and Year 13. ${who} in Year ${pupil.yearGroup}. Nothing was saved.`,
        ),
      };
    }
    const values = {
      kind: input.kind,
      apprenticeshipLevel: input.apprenticeshipLevel ?? null,
      provider: trimmed(input.provider),
      course: trimmed(input.course),
    };
    const problems = checkIntention(values);
    if (Object.keys(problems).length > 0)
      return {
        intention: null,
        error: mutationError('INTENTION_INVALID', 'Some details of the plan need changing. Nothing was saved.', problemList(problems)),
      };
    const intention = await new IntentionService(ctx.em).recordIntention(
      {
        pupilId,
        schoolId: pupil.schoolId,
        trustId: principal.trustId,
        enteredById: principal.accountId,
        enteredByRole: self ? 'pupil' : (STAFF.find((role) => hasRole(principal, role)) ?? 'staff'),
      },
      { yearGroup: pupil.yearGroup, ...values },
    );
    return { intention, error: null };
  }

  @Authorized('pupil')
  @Mutation(() => RecordAspirationResult, { description: 'A pupil records what they hope to do, in their own words, with hashtags.' })
  async recordAspiration(
    @Arg('input', () => RecordAspirationInput) input: RecordAspirationInput,
    @Ctx() ctx: DestinationsContext,
  ): Promise<RecordAspirationResult> {
    const scope = scopeOf(ctx.principal);
    if (scope.kind !== 'pupil' || !scope.schoolId)
      return { aspiration: null, error: mutationError('NOT_YOUR_RECORD', 'Only a pupil can record their own hopes. Nothing was saved.') };
    const { hashtags, problems } = checkAspiration({ text: input.text, hashtags: input.hashtags ?? [] });
    if (Object.keys(problems).length > 0)
      return { aspiration: null, error: mutationError('ASPIRATION_INVALID', 'Some details need changing. Nothing was saved.', problemList(problems)) };
    const aspiration = await new IntentionService(ctx.em).recordAspiration(
      { pupilId: scope.pupilId, schoolId: scope.schoolId, trustId: ctx.principal.trustId },
      input.text.trim(),
      hashtags,
    );
    return { aspiration, error: null };
  }

  @Authorized(...STAFF)
  @Query(() => IntentionGaps, {
    nullable: true,
    description: "The pupils of the caller's school in Year 11 or Year 13 with no intended destination recorded in that year group yet.",
  })
  async intentionGaps(@Arg('yearGroup', () => Int) yearGroup: number, @Ctx() ctx: DestinationsContext): Promise<IntentionGaps> {
    if (yearGroup !== 11 && yearGroup !== 13) throw InputError.invalid('Intended destinations are recorded in Year 11 and Year 13: ask for 11 or 13.');
    const scope = scopeOf(ctx.principal);
    if (scope.kind !== 'school') throw InputError.invalid('Only staff of a school have a list of pupils without plans.');
    const onRoll = (await ctx.deps.pupils.onRoll(ctx, { schoolIds: [scope.schoolId], asOf: todayInEngland() })).filter(
      (pupil) => pupil.yearGroup === yearGroup && pupil.schoolId === scope.schoolId,
    );
    const recorded = await new IntentionService(ctx.em).withIntention(
      onRoll.map((pupil) => pupil.pupilId),
      yearGroup,
    );
    return Object.assign(new IntentionGaps(), {
      yearGroup,
      onRoll: onRoll.length,
      missing: onRoll.filter((pupil) => !recorded.has(pupil.pupilId)).map((pupil) => ({ id: pupil.pupilId })),
    });
  }

  @Authorized(...STAFF)
  @Query(() => IntentionReturn, {
    nullable: true,
    description:
      "The return for the caller's school's local authority (CSV): every pupil in Year 11 and Year 12 with their Year 11 plan and their September offer, leaving out pupils who, or whose parent, opted out of sharing with the authority.",
  })
  async intentionReturn(@Ctx() ctx: DestinationsContext): Promise<IntentionReturn> {
    const scope = scopeOf(ctx.principal);
    if (scope.kind !== 'school') throw InputError.invalid('Only staff of a school send its return.');
    const today = todayInEngland();
    const [school, onRoll] = await Promise.all([
      ctx.deps.pupils.school(ctx, scope.schoolId),
      ctx.deps.pupils.onRoll(ctx, { schoolIds: [scope.schoolId], asOf: today }),
    ]);
    if (!school) throw InputError.invalid('Your school could not be found.');
    const pupils = onRoll.flatMap((pupil) =>
      pupil.schoolId === scope.schoolId && (pupil.yearGroup === 11 || pupil.yearGroup === 12) ? [{ pupilId: pupil.pupilId, yearGroup: pupil.yearGroup }] : [],
    );
    const byYear = (yearGroup: number) => pupils.filter((pupil) => pupil.yearGroup === yearGroup).map((pupil) => pupil.pupilId);
    const offers = new SeptemberOfferService(ctx.em);
    const [details, plans, offers11, offers12] = await Promise.all([
      pupils.length > 0
        ? ctx.deps.pupils.returnDetails(
            ctx,
            pupils.map((pupil) => pupil.pupilId),
          )
        : Promise.resolve(new Map()),
      new IntentionService(ctx.em).currentIntentions(byYear(11), 11),
      offers.current(byYear(11), 11),
      offers.current(byYear(12), 12),
    ]);
    const { rows, included, optedOut } = intentionReturnRows(pupils, details, plans, new Map([...offers11, ...offers12]));
    return Object.assign(new IntentionReturn(), {
      localAuthority: school.localAuthority,
      fileName: returnFileName(school, today),
      csv: returnCsv(rows),
      included,
      optedOut,
    });
  }
}
