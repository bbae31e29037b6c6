import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { AccessError, type SubjectAccessPart } from '@waymark/subgraph-kit';
import type { DestinationsContext } from '../../app.js';
import { PupilStub } from '../external/pupil.stub.js';
import { pupilDestinationsSubjectAccess } from './subject-access.service.js';

/** `Pupil.destinationsSubjectAccess`: this subgraph's part of a subject-access export. */
@Resolver(() => PupilStub)
export class PupilSubjectAccessResolver {
  @FieldResolver(() => GraphQLJSONObject, {
    nullable: true,
    description:
      "Subject access: everything the destinations subgraph holds about this pupil, as { source, sections: [{ title, rows }] }. Staff of the pupil's current school, or its careers leader or data protection lead; recorded in the data access log.",
  })
  async destinationsSubjectAccess(@Root() pupil: PupilStub, @Ctx() ctx: DestinationsContext): Promise<SubjectAccessPart> {
    if (!(await ctx.deps.pupils.mayExportPupil(ctx, pupil.id)))
      throw AccessError.forbidden("Only staff or the data protection lead of the pupil's school can export their record.");
    const part = await pupilDestinationsSubjectAccess(ctx.em, pupil.id);
    ctx.audit.note(ctx.deps.pupils.auditSink, pupil.id, 'EXPORT', 'subjectAccess');
    return part;
  }
}
