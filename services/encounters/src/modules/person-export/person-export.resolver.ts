import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { isDataProtectionOfficer, type Principal } from '@waymark/auth';
import { AccessError, boundSql, isUuid, type ReferenceResolver, type RequestContext, type SubjectAccessPart } from '@waymark/subgraph-kit';
import { surveyAnswersAt } from '../evaluation/evaluation.subject-access.js';

/**
 * The identity subgraph's staff-started export of a parent, carer or volunteer (`personSubjectAccess`).
 * This subgraph adds the careers activities a volunteer helped with at the caller's school.
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

// When, what and where: never the pupils who were there, their registers or their reflections.
const HELPED_WITH = `select e.date, e.ends_at, e.kind, e.title, e.hours from encounter e
  where $1::uuid = any(e.volunteer_ids) and e.school_id = $2 order by e.date`;

// What they said after engagements at this school, and the school's thanks to them.
const FEEDBACK_GIVEN = `select e.date, e.title, f.group_feedback, f.organisation_rating, f.organisation_feedback, f.updated_at
  from engagement_feedback f join encounter e on e.id = f.encounter_id where f.volunteer_id = $1 and f.school_id = $2 order by e.date`;
const PUPIL_FEEDBACK_GIVEN = `select e.date, e.title, f.text, f.updated_at
  from pupil_engagement_feedback f join encounter e on e.id = f.encounter_id where f.volunteer_id = $1 and f.school_id = $2 order by e.date, f.created_at`;
const THANKS = `select e.date, e.title, t.message, t.rating, t.updated_at
  from volunteer_thanks t join encounter e on e.id = t.encounter_id where t.volunteer_id = $1 and t.school_id = $2 order by e.date`;

/** The school whose careers leader or data protection lead asks, signed in as a person; FORBIDDEN for anyone else. */
function exportingSchool(principal: Principal): string {
  if (!isDataProtectionOfficer(principal) || !principal.schoolId) {
    throw AccessError.forbidden("Only a school's careers leader or data protection lead can export a person's data.");
  }
  return principal.schoolId;
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
      "The careers activities a volunteer helped with at the caller's school (date, kind, title, hours; never the pupils there), the feedback they gave there and the school's thanks; for anyone, the school's surveys they answered and their answers where a survey was not anonymous; as { source, sections: [{ title, rows }] }. Careers leaders and data protection leads only.",
  })
  async encountersSubjectAccess(@Root() person: PersonSubjectAccessStub, @Ctx() ctx: RequestContext): Promise<SubjectAccessPart> {
    const schoolId = exportingSchool(ctx.principal);
    // A parent's, carer's or volunteer's answers to this school's surveys, when they gave any.
    const surveys = await surveyAnswersAt(ctx, person.id, schoolId);
    if (!person.volunteerId || !isUuid(person.volunteerId)) return { source: 'encounters', sections: surveys };
    const read = async (sql: string) => (await boundSql(ctx.em, sql, [person.volunteerId, schoolId])).rows;
    return {
      source: 'encounters',
      sections: [
        { title: 'Careers activities they helped with at this school', rows: await read(HELPED_WITH) },
        { title: 'Feedback they gave on the pupils and on how the school organised it', rows: await read(FEEDBACK_GIVEN) },
        { title: 'Feedback they gave individual pupils', rows: await read(PUPIL_FEEDBACK_GIVEN) },
        { title: "The school's thanks to them", rows: await read(THANKS) },
        ...surveys,
      ],
    };
  }
}
