import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { AccessError, type SubjectAccessPart } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';
import { pupilsAuditSink } from '../audit/audit.client.js';
import { Pupil } from '../external/external.entity.js';
import { pupilEncountersSubjectAccess } from './subject-access.service.js';

/** `Pupil.encountersSubjectAccess`: this subgraph's part of a subject-access export. */
@Resolver(() => Pupil)
export class PupilSubjectAccessResolver {
  @FieldResolver(() => GraphQLJSONObject, {
    nullable: true,
    description:
      "Subject access: everything the encounters subgraph holds about this pupil, as { source, sections: [{ title, rows }] }. Staff of the pupil's current school, or its careers leader or data protection lead; recorded in the data access log.",
  })
  async encountersSubjectAccess(@Root() pupil: Pupil, @Ctx() ctx: EncountersContext): Promise<SubjectAccessPart> {
    if (!(await ctx.deps.pupils.mayExportPupil(ctx, pupil.id)))
      throw AccessError.forbidden("Only staff or the data protection lead of the pupil's school can export their record.");
    const part = await pupilEncountersSubjectAccess(ctx.em, pupil.id);
    ctx.audit.note(pupilsAuditSink, pupil.id, 'EXPORT', 'subjectAccess');
    return part;
  }
}
