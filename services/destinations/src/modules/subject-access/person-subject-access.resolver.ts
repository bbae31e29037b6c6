import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { isDataProtectionOfficer, type Principal } from '@waymark/auth';
import { AccessError, isUuid, withRequestBypass, type ReferenceResolver, type SubjectAccessPart } from '@waymark/subgraph-kit';
import type { DestinationsContext } from '../../app.js';
import { volunteerAlumniReports } from './subject-access.service.js';

/**
 * The identity subgraph's staff-started export of a parent, carer or volunteer (`personSubjectAccess`).
 * This subgraph adds what a volunteer reported to the caller's school as its alumnus.
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
      "What a volunteer reported to the caller's school as its alumnus (where they are now), as { source, sections: [{ title, rows }] }; empty for anyone else. Careers leaders and data protection leads only (identity checked the volunteer is connected to the school first).",
  })
  async destinationsSubjectAccess(@Root() person: PersonSubjectAccessStub, @Ctx() ctx: DestinationsContext): Promise<SubjectAccessPart> {
    const schoolId = exportingSchool(ctx.principal);
    if (!person.volunteerId || !isUuid(person.volunteerId)) return { source: 'destinations', sections: [] };
    const volunteerId = person.volunteerId;
    // A data protection lead holds no staff scope, so the rows are read past the tenant rule, and only this school's.
    const part = await withRequestBypass(ctx, "a school's person export: the volunteer's alumni reports to that school", (em) =>
      volunteerAlumniReports(em, volunteerId, 'What they told this school about where they are now as a former pupil'),
    );
    return {
      ...part,
      sections: part.sections
        .map((section) => ({ ...section, rows: section.rows.filter((row) => row.school_id === schoolId) }))
        .filter((s) => s.rows.length > 0),
    };
  }
}
