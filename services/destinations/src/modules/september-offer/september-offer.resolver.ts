import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { checkSeptemberOffer, problemList, SEPTEMBER_OFFER_LIMITS, SEPTEMBER_OFFER_YEAR_GROUPS, todayInEngland } from '@waymark/domain';
import { hasRole } from '@waymark/auth';
import { InputError, isUuid, mutationError, scopeOf } from '@waymark/subgraph-kit';
import type { DestinationsContext } from '../../app.js';
import { RecordSeptemberOffersInput, RecordSeptemberOffersResult, SeptemberOfferList } from './september-offer.types.js';
import { SeptemberOfferService } from './september-offer.service.js';

const STAFF = ['careers_leader', 'staff', 'careers_adviser'] as const;
const isOfferYear = (yearGroup: number | null): yearGroup is 11 | 12 => (SEPTEMBER_OFFER_YEAR_GROUPS as readonly (number | null)[]).includes(yearGroup);
const trimmed = (value: string | null | undefined): string | null => value?.trim() || null;

/** The September offer: staff say, for pupils in Year 11 and Year 12, whether an offer of a place was made. */
@Resolver()
export class SeptemberOfferResolver {
  @Authorized(...STAFF)
  @Mutation(() => RecordSeptemberOffersResult, {
    description:
      "Records one answer about the September offer for each listed pupil on roll in Year 11 or Year 12 at the caller's school, all or none. Earlier answers are kept; the newest is the current one.",
  })
  async recordSeptemberOffers(
    @Arg('input', () => RecordSeptemberOffersInput) input: RecordSeptemberOffersInput,
    @Ctx() ctx: DestinationsContext,
  ): Promise<RecordSeptemberOffersResult> {
    const principal = ctx.principal;
    const scope = scopeOf(principal);
    const ids = [...new Set(input.pupilIds)];
    if (ids.length === 0) return { recorded: 0, error: mutationError('NO_PUPILS', 'Choose at least one pupil. Nothing was saved.') };
    if (ids.length > SEPTEMBER_OFFER_LIMITS.pupilsAtOnce)
      return {
        recorded: 0,
        error: mutationError('TOO_MANY_PUPILS', `Record at most ${SEPTEMBER_OFFER_LIMITS.pupilsAtOnce} pupils at once. Nothing was saved.`),
      };
    const values = { status: input.status, placeKind: input.placeKind ?? null, provider: trimmed(input.provider), note: trimmed(input.note) };
    const problems = checkSeptemberOffer(values);
    if (Object.keys(problems).length > 0)
      return { recorded: 0, error: mutationError('SEPTEMBER_OFFER_INVALID', 'Some details need changing. Nothing was saved.', problemList(problems)) };
    const notFound = (count: number) =>
      mutationError(
        'PUPIL_NOT_FOUND',
        count === 1
          ? 'One of the pupils is not on roll in Year 11 or Year 12 at your school. Nothing was saved.'
          : `${count} of the pupils are not on roll in Year 11 or Year 12 at your school. Nothing was saved.`,
      );
    if (scope.kind !== 'school') return { recorded: 0, error: notFound(ids.length) };
    const malformed = ids.filter((id) => !isUuid(id)).length;
    if (malformed > 0) return { recorded: 0, error: notFound(malformed) };
    // The pupils subgraph answers with the caller's credential: staff see only their own school's pupils.
    const onRoll = await ctx.deps.pupils.onRoll(ctx, { pupilIds: ids, asOf: todayInEngland() });
    const eligible = onRoll.filter((pupil) => pupil.schoolId === scope.schoolId && isOfferYear(pupil.yearGroup));
    if (eligible.length < ids.length) return { recorded: 0, error: notFound(ids.length - eligible.length) };
    const recorded = await new SeptemberOfferService(ctx.em).record(
      eligible.map((pupil) => ({ pupilId: pupil.pupilId, schoolId: pupil.schoolId, yearGroup: pupil.yearGroup })),
      { trustId: principal.trustId, enteredById: principal.accountId, enteredByRole: STAFF.find((role) => hasRole(principal, role)) ?? 'staff' },
      values,
    );
    return { recorded, error: null };
  }

  @Authorized(...STAFF)
  @Query(() => SeptemberOfferList, {
    nullable: true,
    description: "Every pupil on roll in Year 11 or Year 12 at the caller's school with the current answer about their September offer, and the counts.",
  })
  async septemberOffers(@Arg('yearGroup', () => Int) yearGroup: number, @Ctx() ctx: DestinationsContext): Promise<SeptemberOfferList> {
    if (!isOfferYear(yearGroup)) throw InputError.invalid('The September offer is recorded in Year 11 and Year 12: ask for 11 or 12.');
    const scope = scopeOf(ctx.principal);
    if (scope.kind !== 'school') throw InputError.invalid('Only staff of a school have a list of September offers.');
    const onRoll = (await ctx.deps.pupils.onRoll(ctx, { schoolIds: [scope.schoolId], asOf: todayInEngland() })).filter(
      (pupil) => pupil.yearGroup === yearGroup && pupil.schoolId === scope.schoolId,
    );
    const current = await new SeptemberOfferService(ctx.em).current(
      onRoll.map((pupil) => pupil.pupilId),
      yearGroup,
    );
    const entries = onRoll.map((pupil) => ({ pupil: { id: pupil.pupilId }, offer: current.get(pupil.pupilId) ?? null }));
    const count = (status: string) => entries.filter((entry) => entry.offer?.status === status).length;
    return Object.assign(new SeptemberOfferList(), {
      yearGroup,
      entries,
      offerMade: count('OFFER_MADE'),
      noOffer: count('NO_OFFER'),
      notAppropriate: count('NOT_APPROPRIATE'),
      notRecorded: entries.filter((entry) => entry.offer === null).length,
    });
  }
}
