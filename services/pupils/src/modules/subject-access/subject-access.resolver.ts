import { Arg, Authorized, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DATA_PROTECTION_ROLES, isDataProtectionOfficer } from '@waymark/auth';
import { checkUpn } from '@waymark/domain';
import { AccessError, permitSchools, type RequestContext, type SubjectAccessPart } from '@waymark/subgraph-kit';
import { pupilsAuditSink } from '../audit/audit.hooks.js';
import { Pupil } from '../pupil/pupil.entity.js';
import { exportablePupil, mayExportPupil, SUBJECT_ACCESS_FIELD } from './subject-access.access.js';
import { SubjectAccessError } from './subject-access.errors.js';
import { pupilsSubjectAccess } from './subject-access.service.js';

/**
 * A pupil's subject-access export: staff of the pupil's current school, or its careers leader or data
 * protection lead, recorded as one EXPORT in the school's data access log (docs/security.md).
 */
@Resolver(() => Pupil)
export class PupilSubjectAccessResolver {
  @Authorized(...DATA_PROTECTION_ROLES)
  @Query(() => Pupil, {
    nullable: true,
    description:
      "For a subject-access request: the pupil of the caller's own school with exactly this UPN (careers leaders and data protection leads). NOT_FOUND alike for a UPN nobody has and a UPN at another school. A data protection lead gets the pupil's name and the subject-access export, nothing else.",
  })
  async pupilByUpn(@Arg('upn') upn: string, @Ctx() ctx: RequestContext): Promise<Pupil> {
    const { principal } = ctx;
    if (!isDataProtectionOfficer(principal)) throw AccessError.forbidden("Only a school's careers leader or data protection lead can find a pupil by UPN.");
    const schoolId = principal.schoolId!;
    const wanted = upn.trim().toUpperCase();
    if (checkUpn(wanted) !== null) throw SubjectAccessError.pupilNotFound();
    // A data protection lead holds no staff scope: their school's rows are opened to the request, then
    // only its pupil with this UPN is looked for (a pupil who left for another school is not found).
    await permitSchools(ctx, [schoolId]);
    const pupil = await ctx.em.findOne(Pupil, { upn: wanted, schoolId });
    if (!pupil) throw SubjectAccessError.pupilNotFound();
    return pupil;
  }

  @Authorized()
  @Directive('@inaccessible')
  @Query(() => Boolean, {
    description:
      "Subgraph-to-subgraph only: whether the caller may export this pupil's data (staff of the pupil's current school, or its careers leader or data protection lead).",
  })
  async mayExportPupilData(@Arg('pupilId', () => ID) pupilId: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await exportablePupil(ctx, pupilId)) !== null;
  }

  @FieldResolver(() => GraphQLJSONObject, {
    nullable: true,
    description:
      "Subject access: everything the pupils subgraph holds about this pupil, as { source, sections: [{ title, rows }] }. Staff of the pupil's current school, or its careers leader or data protection lead; recorded in the data access log.",
  })
  async pupilsSubjectAccess(@Root() pupil: Pupil, @Ctx() ctx: RequestContext): Promise<SubjectAccessPart> {
    if (!mayExportPupil(ctx.principal, pupil))
      throw AccessError.forbidden("Only staff or the data protection lead of the pupil's school can export their record.");
    // The same rows as the school's staff read (a data protection lead holds no staff scope of its own).
    await permitSchools(ctx, [pupil.schoolId]);
    const part = await pupilsSubjectAccess(ctx.em, pupil.id);
    ctx.audit.note(pupilsAuditSink, pupil.id, 'EXPORT', SUBJECT_ACCESS_FIELD);
    return part;
  }
}
