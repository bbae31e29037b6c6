import { Arg, Ctx, Directive, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { AccessError, boundSql, InputError, isUuid, pgArray, scopeOf, withRequestBypass, type RequestContext } from '@waymark/subgraph-kit';

/** More than any workplace experience's register holds. */
const MAX_PUPILS = 500;

/** What a volunteer may know of a pupil they worked with: a first name and a year group, nothing else. */
@ObjectType({ description: 'Subgraph-to-subgraph only: a first name and year group, all a volunteer may know of a pupil.' })
@Directive('@inaccessible')
export class VolunteerPupilName {
  @Field(() => ID)
  pupilId: string;

  @Field()
  firstName: string;

  @Field(() => Int, { nullable: true })
  yearGroup: number | null;
}

/**
 * The first names and year groups of pupils a volunteer worked with, for the encounters subgraph's
 * feedback form (docs/domain-rules.md, "Feedback after an engagement"). The encounters subgraph asks it
 * with the volunteer's own credential once it has checked that the volunteer delivered the encounter and
 * that these pupils attended it; the gateway never offers it (`@inaccessible`). Volunteers are the only
 * callers it answers, and the pupil rows are read past row-level security (which has no rule for
 * volunteers), so only these two columns are read.
 */
@Resolver()
export class VolunteerPupilsResolver {
  @Directive('@inaccessible')
  @Query(() => [VolunteerPupilName], {
    description:
      'Subgraph-to-subgraph only: the first name and current year group of pupils who attended an encounter the calling volunteer delivered (the encounters subgraph checks that first). Volunteers only; never contact details, date of birth, UPN or flags.',
  })
  async volunteerPupilNames(@Arg('pupilIds', () => [ID]) pupilIds: string[], @Ctx() ctx: RequestContext): Promise<VolunteerPupilName[]> {
    if (scopeOf(ctx.principal).kind !== 'volunteer') throw AccessError.forbidden('Only a volunteer is told the first names of pupils they worked with.');
    if (pupilIds.length > MAX_PUPILS) throw InputError.invalid(`Ask for at most ${MAX_PUPILS} pupils at once.`);
    const ids = [...new Set(pupilIds.filter(isUuid))];
    if (ids.length === 0) return [];
    const { rows } = await withRequestBypass(ctx, 'volunteer feedback: first names of pupils who attended', (em) =>
      boundSql<{ id: string; first_name: string; year_group: number | null }>(
        em,
        'select id, coalesce(preferred_name, legal_forename) as first_name, year_group from pupil where id = any($1::uuid[]) order by id',
        [pgArray(ids)],
      ),
    );
    return rows.map((row) => Object.assign(new VolunteerPupilName(), { pupilId: row.id, firstName: row.first_name, yearGroup: row.year_group }));
  }
}
