import { Arg, Authorized, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { EntityManager } from '@mikro-orm/sql';
import { DATA_PROTECTION_ROLES, isDataProtectionOfficer, type Principal } from '@waymark/auth';
import { AccessError, boundSql, isUuid, type ReferenceResolver, type RequestContext, type SubjectAccessPart, permitSchools } from '@waymark/subgraph-kit';

/**
 * The identity subgraph's staff-started export of a parent, carer or volunteer (`personSubjectAccess`).
 * This subgraph adds a volunteer's profile, organisation and offers to the caller's school; identity
 * gives the volunteer's id.
 */
@ObjectType('PersonSubjectAccess')
@Directive('@key(fields: "id")')
export class PersonSubjectAccessStub {
  @Field(() => ID)
  id: string;

  @Directive('@external')
  @Field(() => ID, { nullable: true })
  volunteerId: string | null;
}

// $1 is the volunteer, $2 the caller's school. The profile is the volunteer's own (their email
// included); the offers are those made to the caller's school only. Nothing here names a pupil.
const SECTIONS: { title: string; sql: string }[] = [
  {
    title: 'Volunteer profile',
    sql: `select id, kind, first_name, last_name, job_title, email, alumni_of_school_id, left_school_year, school_ids as schools_they_volunteer_with
      from volunteer where id = $1 and $2::uuid = any(school_ids)`,
  },
  {
    title: 'The organisation they volunteer for',
    sql: 'select e.id, e.name, e.sector, e.kind, e.postcode from volunteer v join employer e on e.id = v.employer_id where v.id = $1 and $2::uuid = any(v.school_ids)',
  },
  {
    title: 'What they offer schools',
    sql: `select activities, sectors, home_postcode, reach, reach_districts, radius_miles, availability, role_model_job, role_model_route,
      role_model_characteristics, role_model_consented_at, profile_updated_at
      from volunteer where id = $1 and $2::uuid = any(school_ids) and profile_updated_at is not null`,
  },
  {
    title: 'Their offers to help this school',
    sql: `select o.id, o.request_id, r.activity, r.date_from, r.date_to, o.message, o.status, o.response, o.created_at, o.responded_at
      from volunteer_offer o join volunteer_request r on r.id = o.request_id where o.volunteer_id = $1 and r.school_id = $2 order by o.created_at`,
  },
  {
    title: 'Checks this school has recorded on them',
    sql: `select id, kind, done_on, expires_on, recorded_by_name, recorded_at from volunteer_check
      where volunteer_id = $1 and school_id = $2 order by done_on, recorded_at, id`,
  },
];

/** The school whose careers leader or data protection lead asks, signed in as a person; FORBIDDEN for anyone else. */
function exportingSchool(principal: Principal): string {
  if (!isDataProtectionOfficer(principal) || !principal.schoolId) {
    throw AccessError.forbidden("Only a school's careers leader or data protection lead can export a person's data.");
  }
  return principal.schoolId;
}

/** Whether the volunteer volunteers with the school (the link every access rule here starts from). */
async function volunteersWith(em: EntityManager, volunteerId: string, schoolId: string): Promise<boolean> {
  if (!isUuid(volunteerId)) return false;
  const { rows } = await boundSql(em, 'select 1 from volunteer where id = $1 and $2::uuid = any(school_ids)', [volunteerId, schoolId]);
  return rows.length > 0;
}

/** `_entities` for PersonSubjectAccess: careers leaders and data protection leads only; keeps the volunteer id identity gave. */
export const resolvePersonSubjectAccessReference: ReferenceResolver = async (reference, ctx) => {
  exportingSchool(ctx.principal);
  const { volunteerId } = reference as { id: string; volunteerId?: unknown };
  return Object.assign(new PersonSubjectAccessStub(), { id: reference.id, volunteerId: typeof volunteerId === 'string' ? volunteerId : null });
};

@Resolver(() => PersonSubjectAccessStub)
export class PersonSubjectAccessResolver {
  @Directive('@requires(fields: "volunteerId")')
  @FieldResolver(() => GraphQLJSONObject, {
    nullable: true,
    description:
      "A volunteer's profile, organisation, offers to the caller's school and that school's checks on them, as { source, sections: [{ title, rows }] }; empty for anyone who is not a volunteer. Careers leaders and data protection leads of a school the volunteer volunteers with only.",
  })
  async employersSubjectAccess(@Root() person: PersonSubjectAccessStub, @Ctx() ctx: RequestContext): Promise<SubjectAccessPart> {
    const schoolId = exportingSchool(ctx.principal);
    if (!person.volunteerId) return { source: 'employers', sections: [] };
    if (!(await volunteersWith(ctx.em, person.volunteerId, schoolId))) throw AccessError.forbidden('This volunteer does not volunteer with your school.');
    // A data protection lead holds no staff scope: the school's own checks (a staff-only table) open once the rules above said yes.
    await permitSchools(ctx, [schoolId]);
    const sections = [];
    for (const section of SECTIONS) sections.push({ title: section.title, rows: (await boundSql(ctx.em, section.sql, [person.volunteerId, schoolId])).rows });
    return { source: 'employers', sections };
  }
}

/** Subgraph-to-subgraph: identity asks, with the caller's credential, before it hands over a volunteer's export. */
@Resolver()
export class VolunteerConnectionResolver {
  @Directive('@inaccessible')
  @Authorized(...DATA_PROTECTION_ROLES)
  @Query(() => Boolean, {
    description:
      "Subgraph-to-subgraph only: whether the volunteer volunteers with the caller's school (the caller being its careers leader or data protection lead).",
  })
  async volunteerOfMySchool(@Arg('volunteerId', () => ID) volunteerId: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return volunteersWith(ctx.em, volunteerId, exportingSchool(ctx.principal));
  }
}
