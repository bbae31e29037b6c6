import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { ACADEMIC_TIME_ZONE, todayInEngland } from '@waymark/domain';
import { AccessError, boundSql, loaderFor, mutationError, pupilRecordRoute, scopeOf, MutationError, type RequestContext } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';
import { Encounter } from '../encounter/encounter.entity.js';
import { checkHashtags } from '../encounter/encounter.service.js';
import { Pupil, stubOf } from '../external/external.entity.js';
import { PupilOutlook } from './pupil-outlook.entity.js';

@ObjectType()
export class SetInterestsResult {
  @Field(() => Pupil, { nullable: true })
  pupil: Pupil | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

/** The outlook of pupils whose present the caller may read (their own, a linked parent, current staff); null otherwise. */
const outlookOf = (ctx: EncountersContext, pupilId: string) =>
  loaderFor<PupilOutlook | 'none' | 'hidden'>(ctx, 'outlook', async (ids) => {
    const scopes = await ctx.deps.pupils.recordAccess(ctx, ids);
    const readable = ids.filter((id) => scopes.get(id)?.all === true);
    const rows = readable.length > 0 ? await ctx.em.find(PupilOutlook, { pupilId: { $in: readable } }) : [];
    const byId = new Map(rows.map((row) => [row.pupilId, row]));
    return ids.map((id) => (scopes.get(id)?.all === true ? (byId.get(id) ?? 'none') : 'hidden'));
  }).load(pupilId);

/** Interests, considering higher education, and what is coming up for a pupil. */
@Resolver(() => Pupil)
export class PupilOutlookResolver {
  @FieldResolver(() => [String], { nullable: true, description: 'Hashtags the pupil is interested in. The pupil, linked parents, staff of the current school.' })
  async interests(@Root() pupil: Pupil, @Ctx() ctx: EncountersContext): Promise<string[] | null> {
    const outlook = await outlookOf(ctx, pupil.id);
    if (outlook === 'hidden' || outlook === null) return null;
    return outlook === 'none' ? [] : outlook.interests;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Whether the pupil is considering higher education. The pupil, linked parents, staff of the current school.' })
  async consideringHigherEducation(@Root() pupil: Pupil, @Ctx() ctx: EncountersContext): Promise<boolean | null> {
    const outlook = await outlookOf(ctx, pupil.id);
    if (outlook === 'hidden' || outlook === null) return null;
    return outlook === 'none' ? false : outlook.consideringHigherEducation;
  }

  @FieldResolver(() => [Encounter], {
    nullable: true,
    description:
      'Encounters from today on that the pupil is on the register of, or that their school runs for their year group (never another pupil\'s guidance meeting); only those matching their interests when they have any. The pupil and linked parents.',
  })
  async upcomingEncounters(@Root() pupil: Pupil, @Ctx() ctx: EncountersContext): Promise<Encounter[] | null> {
    const route = pupilRecordRoute(ctx.principal, pupil.id);
    const parent = route === 'ask' && scopeOf(ctx.principal).kind === 'none';
    if (route !== 'own' && !parent) return null;
    const today = todayInEngland();
    const cohort = await ctx.deps.pupils.fetchCohort(ctx, { pupilIds: [pupil.id], asOf: today });
    if (cohort.pupilIds.length === 0) return [];
    const outlook = await ctx.em.findOne(PupilOutlook, { pupilId: pupil.id });
    const { rows } = await boundSql<{ id: string }>(
      ctx.em,
      `select e.id from encounter e
        where e.date >= ($1::date)::timestamp at time zone '${ACADEMIC_TIME_ZONE}'
          and (exists (select 1 from participation p where p.encounter_id = e.id and p.pupil_id = $2::uuid)
               or (e.school_id = $3::uuid and $4::int = any(e.year_groups) and e.kind <> 'GUIDANCE_MEETING'))
          and (cardinality($5::text[]) = 0 or e.hashtags && $5::text[])
        order by e.date, e.id limit 20`,
      [today, pupil.id, cohort.schoolIds[0], cohort.yearGroups[0], `{${(outlook?.interests ?? []).join(',')}}`],
    );
    if (rows.length === 0) return [];
    const found = await ctx.em.find(Encounter, { id: { $in: rows.map((row) => row.id) } });
    const byId = new Map(found.map((e) => [e.id, e]));
    return rows.map((row) => byId.get(row.id)!).filter(Boolean);
  }
}

@Resolver()
export class OutlookMutations {
  @Authorized('pupil')
  @Mutation(() => SetInterestsResult, { description: 'A pupil\'s interests, as hashtags (replacing the ones before).' })
  async setInterests(@Arg('hashtags', () => [String]) hashtags: string[], @Ctx() ctx: RequestContext): Promise<SetInterestsResult> {
    const scope = scopeOf(ctx.principal);
    if (scope.kind !== 'pupil') throw AccessError.forbidden();
    const { hashtags: tags, problem } = checkHashtags(hashtags);
    if (problem) return { pupil: null, error: mutationError('INTERESTS_INVALID', problem, [{ field: 'hashtags', message: problem }]) };
    await ctx.em.upsert(PupilOutlook, { pupilId: scope.pupilId, interests: tags, updatedAt: new Date() });
    return { pupil: stubOf(Pupil, scope.pupilId), error: null };
  }

  @Authorized('pupil', 'careers_leader', 'staff', 'careers_adviser')
  @Mutation(() => SetInterestsResult, { description: 'Whether a pupil is considering higher education: the pupil themself, or staff of their current school.' })
  async setConsideringHigherEducation(
    @Arg('pupilId', () => ID) pupilId: string,
    @Arg('considering') considering: boolean,
    @Ctx() ctx: EncountersContext,
  ): Promise<SetInterestsResult> {
    const route = pupilRecordRoute(ctx.principal, pupilId);
    const allowed = route === 'own' || (scopeOf(ctx.principal).kind === 'school' && (await ctx.deps.pupils.currentPupilIds(ctx, [pupilId])).has(pupilId));
    if (!allowed) return { pupil: null, error: mutationError('PUPIL_NOT_FOUND', 'There is no such pupil at your school.') };
    const existing = await ctx.em.findOne(PupilOutlook, { pupilId });
    if (existing) {
      existing.consideringHigherEducation = considering;
      existing.updatedAt = new Date();
    } else {
      ctx.em.create(PupilOutlook, { pupilId, consideringHigherEducation: considering, updatedAt: new Date() });
    }
    await ctx.em.flush();
    return { pupil: stubOf(Pupil, pupilId), error: null };
  }
}

