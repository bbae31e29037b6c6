import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { AccessError, type RequestContext, type SubjectAccessPart } from '@waymark/subgraph-kit';
import { pupilsAuditSink } from '../audit/audit.hooks.js';
import { relationTo } from '../pupil/pupil.access.js';
import { Pupil } from '../pupil/pupil.entity.js';
import { pupilsSubjectAccess } from './subject-access.service.js';

/** This subgraph's part of a pupil's subject-access export: staff of the pupil's current school only, recorded as an EXPORT. */
@Resolver(() => Pupil)
export class PupilSubjectAccessResolver {
  @FieldResolver(() => GraphQLJSONObject, {
    nullable: true,
    description:
      "Subject access: everything the pupils subgraph holds about this pupil, as { source, sections: [{ title, rows }] }. Staff of the pupil's current school only; recorded in the data access log.",
  })
  async pupilsSubjectAccess(@Root() pupil: Pupil, @Ctx() ctx: RequestContext): Promise<SubjectAccessPart> {
    if (relationTo(ctx.principal, pupil) !== 'staff') throw AccessError.forbidden("Only staff of the pupil's school can export their record.");
    const part = await pupilsSubjectAccess(ctx.em, pupil.id);
    ctx.audit.note(pupilsAuditSink, pupil.id, 'EXPORT', 'subjectAccess');
    return part;
  }
}
