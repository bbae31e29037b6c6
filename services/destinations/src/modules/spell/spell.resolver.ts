import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { checkActivitySpell, hasLeftYear11, problemList, todayInEngland, year11LeavingYear } from '@waymark/domain';
import { InputError, isUuid, mutationError, scopeOf } from '@waymark/subgraph-kit';
import type { DestinationsContext } from '../../app.js';
import { LeaverFollowUp, RecordActivitySpellInput, RecordActivitySpellResult, SustainedCount } from './spell.types.js';
import { summaryFilter } from '../destination/destination.access.js';
import { SpellService } from './spell.service.js';

const STAFF = ['careers_leader', 'staff', 'careers_adviser'] as const;

const refused = (code: string, message: string, fields: { field: string; message: string }[] = []): RecordActivitySpellResult => ({
  spell: null,
  destinationYears: null,
  error: mutationError(code, `${message} Nothing was saved.`, fields),
});

/** Staff record what their school's Year 11 leavers went on to do. */
@Resolver()
export class SpellResolver {
  @Authorized(...STAFF)
  @Mutation(() => RecordActivitySpellResult, {
    description:
      "Records an activity spell (education, an apprenticeship, employment, NEET or not known, from a day to a day) for a Year 11 leaver of the caller's school, and answers the leaver's destinations computed with it.",
  })
  async recordActivitySpell(
    @Arg('input', () => RecordActivitySpellInput) input: RecordActivitySpellInput,
    @Ctx() ctx: DestinationsContext,
  ): Promise<RecordActivitySpellResult> {
    const scope = scopeOf(ctx.principal);
    const notOurs = () => refused('PUPIL_NOT_FOUND', 'That young person is not a pupil or leaver of your school, so you cannot record where they went.');
    if (scope.kind !== 'school' || !isUuid(input.pupilId)) return notOurs();
    // A leaver stays with the school they left; staff of another school are refused here.
    if (!(await ctx.deps.pupils.currentPupilIds(ctx, [input.pupilId])).has(input.pupilId)) return notOurs();
    const source = input.source ?? 'STAFF';
    if (source === 'SELF_REPORTED')
      return refused('SPELL_INVALID', 'Staff record a spell as STAFF or LA_CONFIRMATION; SELF_REPORTED is for the young person themself.');
    const details = (await ctx.deps.pupils.leaverDetails(ctx, [input.pupilId])).get(input.pupilId);
    const dateOfBirth = details?.dateOfBirth;
    if (!dateOfBirth)
      return refused(
        'NO_DATE_OF_BIRTH',
        "Their date of birth is not recorded, so Waymark cannot tell when they finished Year 11. Add it to the pupil's record first.",
      );
    const leavingYear = year11LeavingYear(dateOfBirth);
    const today = todayInEngland();
    if (!hasLeftYear11(leavingYear, today))
      return refused('NOT_A_LEAVER', `They have not finished Year 11 yet: they finish it in the summer of ${leavingYear}.`);
    const values = {
      activity: input.activity,
      providerKind: input.providerKind ?? null,
      apprenticeshipLevel: input.apprenticeshipLevel ?? null,
      provider: input.provider?.trim() || null,
      startsOn: input.startsOn.trim(),
      endsOn: input.endsOn?.trim() || null,
    };
    const problems = checkActivitySpell(values);
    if (Object.keys(problems).length > 0) return refused('SPELL_INVALID', 'Some details of the spell need changing.', problemList(problems));
    if (!details.tracking) {
      // Without their agreement only staying on in this school's own sixth form may be recorded (docs/domain-rules.md, "Destinations").
      const ownSixthForm =
        values.activity === 'EDUCATION' &&
        values.providerKind === 'SCHOOL_SIXTH_FORM' &&
        (await ctx.deps.pupils.onRoll(ctx, { pupilIds: [input.pupilId], asOf: today })).some((pupil) => pupil.schoolId === scope.schoolId);
      if (!ownSixthForm)
        return refused(
          'NO_TRACKING_CONSENT',
          "They have not agreed to being followed after 16, so only their place in your own sixth form can be recorded. If they agree, record it under 'Consent and sharing' on their record first.",
        );
    }
    const { row, years } = await new SpellService(ctx.em).record(
      {
        pupilId: input.pupilId,
        schoolId: scope.schoolId,
        trustId: ctx.principal.trustId,
        leavingYear,
        ...values,
        source,
        confirmed: input.confirmed ?? false,
        enteredById: ctx.principal.accountId,
      },
      today,
    );
    return { spell: row, destinationYears: years, error: null };
  }

  @Authorized(...STAFF)
  @Query(() => [LeaverFollowUp], {
    nullable: true,
    description:
      "The caller's school's Year 11 leavers to follow up today, within their three destination years: those it has recorded spells for who are NEET or not known now, or have nothing recorded for today, and those it has recorded nothing for yet (on roll at the school the summer they finished Year 11, no longer on roll there). A leaver who has not agreed to being followed after 16 is marked needsConsent. NEET first, then the newest leavers, then those who can be chased before those whose agreement is needed.",
  })
  destinationsWorklist(@Ctx() ctx: DestinationsContext): Promise<LeaverFollowUp[]> {
    const scope = scopeOf(ctx.principal);
    if (scope.kind !== 'school') throw InputError.invalid('Only staff of a school have a list of leavers to follow up.');
    const { pupils } = ctx.deps;
    return new SpellService(ctx.em).worklist(scope.schoolId, todayInEngland(), {
      // The caller's own credential: the pupils subgraph answers only about their school's pupils.
      onRoll: async (day) =>
        (await pupils.onRoll(ctx, { schoolIds: [scope.schoolId], asOf: day })).filter((p) => p.schoolId === scope.schoolId).map((p) => p.pupilId),
      details: (ids) => pupils.worklistDetails(ctx, ids),
    });
  }

  @Authorized(...STAFF, 'trust_analyst')
  @Query(() => [SustainedCount], {
    nullable: true,
    description:
      'Sustained destinations of Year 11 leavers by leaving year and destination year, from their activity spells (figures only). Staff: their own school. Trust analysts: one school of the trust, or the whole trust.',
  })
  async sustainedSummary(
    @Arg('schoolId', () => ID, { nullable: true }) schoolId: string | null | undefined,
    @Ctx() ctx: DestinationsContext,
  ): Promise<SustainedCount[]> {
    const filter = await summaryFilter(ctx.principal, schoolId, (id, trustId) => ctx.deps.pupils.schoolIsInTrust(ctx, id, trustId));
    return new SpellService(ctx.em).sustainedSummary(filter, todayInEngland());
  }
}
