import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { AccessError, type RequestContext } from '@waymark/subgraph-kit';
import { pupilsAuditSink } from '../audit/audit.hooks.js';
import { relationTo } from '../pupil/pupil.access.js';
import { Pupil } from '../pupil/pupil.entity.js';
import { pupilsSubjectAccess, type SubjectAccessPart } from './subject-access.service.js';

/**
 * A subject-access export gathers one pupil's data from every subgraph in one request through the
 * gateway: each subgraph answers its own `Pupil.<subgraph>SubjectAccess` field. Staff of the pupil's
 * current school only; every answer is an EXPORT in the audit trail.
 */
@Resolver(() => Pupil)
export class PupilSubjectAccessResolver {
  @FieldResolver(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'Subject access: everything the pupils subgraph holds about this pupil, as { source, sections: [{ title, rows }] }. Staff of the pupil\'s current school only; recorded in the data access log.',
  })
  async pupilsSubjectAccess(@Root() pupil: Pupil, @Ctx() ctx: RequestContext): Promise<SubjectAccessPart> {
    if (relationTo(ctx.principal, pupil) !== 'staff') throw AccessError.forbidden('Only staff of the pupil\'s school can export their record.');
    const part = await pupilsSubjectAccess(ctx.em, pupil.id);
    ctx.audit.note(pupilsAuditSink, pupil.id, 'EXPORT', 'subjectAccess');
    return part;
  }
}
