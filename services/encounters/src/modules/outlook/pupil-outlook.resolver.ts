import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ACADEMIC_TIME_ZONE, todayInEngland } from '@waymark/domain';
import { boundSql, loaderFor, pupilRecordRoute, scopeOf } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';
import { Encounter } from '../encounter/encounter.entity.js';
import { Pupil } from '../external/external.entity.js';
import { PupilOutlook } from './pupil-outlook.entity.js';

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
  @FieldResolver(() => [String], {
    nullable: true,
    description: 'Hashtags the pupil is interested in. The pupil, linked parents, staff of the current school.',
  })
  async interests(@Root() pupil: Pupil, @Ctx() ctx: EncountersContext): Promise<string[] | null> {
    const outlook = await outlookOf(ctx, pupil.id);
    if (outlook === 'hidden' || outlook === null) return null;
    return outlook === 'none' ? [] : outlook.interests;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Whether the pupil is considering higher education. The pupil, linked parents, staff of the current school.',
  })
  async consideringHigherEducation(@Root() pupil: Pupil, @Ctx() ctx: EncountersContext): Promise<boolean | null> {
    const outlook = await outlookOf(ctx, pupil.id);
    if (outlook === 'hidden' || outlook === null) return null;
    return outlook === 'none' ? false : outlook.consideringHigherEducation;
  }

  @FieldResolver(() => [Encounter], {
    nullable: true,
    description:
      "Encounters from today on that the pupil is on the register of, or that their school runs for their year group (never another pupil's guidance meeting; only those matching their interests when they have any); not those that have started and the pupil is marked as attending, which wait for their reflection instead. The pupil and linked parents.",
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
          and not (e.date <= now() and exists (select 1 from participation p where p.encounter_id = e.id and p.pupil_id = $2::uuid and p.attended))
          and (exists (select 1 from participation p where p.encounter_id = e.id and p.pupil_id = $2::uuid)
               or (e.school_id = $3::uuid and $4::int = any(e.year_groups) and e.kind <> 'GUIDANCE_MEETING'
                   and (cardinality($5::text[]) = 0 or e.hashtags && $5::text[])))
        order by e.date, e.id limit 20`,
      [today, pupil.id, cohort.schoolIds[0], cohort.yearGroups[0], `{${(outlook?.interests ?? []).join(',')}}`],
    );
    if (rows.length === 0) return [];
    const found = await ctx.em.find(Encounter, { id: { $in: rows.map((row) => row.id) } });
    const byId = new Map(found.map((e) => [e.id, e]));
    return rows.map((row) => byId.get(row.id)!).filter(Boolean);
  }
}
