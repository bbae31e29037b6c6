import { Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { AccessError, isCurrentSchoolStaff, readSubjectAccess, remoteAuditSink, type RequestContext, type SubjectAccessPart } from '@waymark/subgraph-kit';
import { PupilStub } from '../external/pupil.stub.js';

// Everything this subgraph holds about one pupil: the destinations recorded for them, as stored.
const SECTIONS = [{ title: 'Destinations', sql: 'select * from destination where pupil_id = $1 order by recorded_on' }];

/** `Pupil.destinationsSubjectAccess`: this subgraph's part of a subject-access export. */
export function subjectAccessResolver(config: { pupilsUrl: string }): ClassType {
  const audit = remoteAuditSink(config.pupilsUrl, 'destinations');

  @Resolver(() => PupilStub)
  class PupilSubjectAccessResolver {
    @FieldResolver(() => GraphQLJSONObject, {
      nullable: true,
      description:
        'Subject access: everything the destinations subgraph holds about this pupil, as { source, sections: [{ title, rows }] }. Staff of the pupil\'s current school only; recorded in the data access log.',
    })
    async destinationsSubjectAccess(@Root() pupil: PupilStub, @Ctx() ctx: RequestContext): Promise<SubjectAccessPart> {
      if (!(await isCurrentSchoolStaff(ctx, config.pupilsUrl, pupil.id))) throw AccessError.forbidden('Only staff of the pupil\'s school can export their record.');
      const part = await readSubjectAccess(ctx.em, 'destinations', SECTIONS, pupil.id);
      ctx.audit.note(audit, pupil.id, 'EXPORT', 'subjectAccess');
      return part;
    }
  }
  return PupilSubjectAccessResolver;
}
