import { Args, Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { AccessError, connectionTypes, type Connection, type RequestContext } from '@waymark/subgraph-kit';
import { auditPupilRead } from '../audit/audit.hooks.js';
import { Enrolment } from '../enrolment/enrolment.entity.js';
import { loadEnrolments } from '../enrolment/enrolment.service.js';
import { School } from '../school/school.entity.js';
import { loadSchool } from '../school/school.service.js';
import { Pupil, PupilFlags, PupilRecordAccess } from './pupil.entity.js';
import { canSeeSensitive, isCurrentRelation, ownEnrolments, relationTo } from './pupil.access.js';
import { PupilError } from './pupil.errors.js';
import { PupilsArgs } from './pupil.inputs.js';
import { PupilService } from './pupil.service.js';

export const PupilConnection = connectionTypes(Pupil, 'Pupil');

const day = (value: string | Date | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);

/** The caller's enrolments of a pupil at a school (trust) the pupil has left, latest last. */
async function formerEnrolments(ctx: RequestContext, pupil: Pupil): Promise<Enrolment[]> {
  return ownEnrolments(ctx.principal, await loadEnrolments(ctx, pupil));
}

@Resolver(() => Pupil)
export class PupilResolver {
  @Authorized('careers_leader', 'staff', 'careers_adviser', 'trust_analyst')
  @Query(() => PupilConnection, {
    nullable: true,
    description: 'Pupils the caller may see: staff their own school, analysts with pupil-level access their trust.',
  })
  pupils(@Args() args: PupilsArgs, @Ctx() ctx: RequestContext): Promise<Connection<Pupil>> {
    return new PupilService(ctx.em).list(ctx.principal, args);
  }

  @Authorized()
  @Query(() => Pupil, { nullable: true })
  pupil(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Pupil | null> {
    return new PupilService(ctx.em).findOneVisible(ctx.principal, id);
  }

  @Authorized('pupil')
  @Query(() => Pupil, { nullable: true, description: "The signed-in pupil's own record." })
  async myPupilRecord(@Ctx() ctx: RequestContext): Promise<Pupil | null> {
    if (!ctx.principal.pupilId) return null;
    return new PupilService(ctx.em).findOneVisible(ctx.principal, ctx.principal.pupilId);
  }

  @Authorized('parent')
  @Query(() => [Pupil], { nullable: true, description: "A parent or carer's linked children, where their school allows parent access." })
  myChildren(@Ctx() ctx: RequestContext): Promise<Pupil[]> {
    return new PupilService(ctx.em).childrenOf(ctx.principal);
  }

  @FieldResolver(() => String)
  firstName(@Root() pupil: Pupil): string {
    return pupil.preferredName ?? pupil.legalForename;
  }

  @FieldResolver(() => String)
  lastName(@Root() pupil: Pupil): string {
    return pupil.legalSurname;
  }

  @FieldResolver(() => String)
  displayName(@Root() pupil: Pupil): string {
    return `${pupil.preferredName ?? pupil.legalForename} ${pupil.legalSurname}`;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Staff of the school (a former school too), or the pupil themself.' })
  upn(@Root() pupil: Pupil, @Ctx() ctx: RequestContext): string | null {
    const relation = relationTo(ctx.principal, pupil);
    return relation === 'staff' || relation === 'analyst' || relation === 'self' || relation === 'former' ? pupil.upn : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Staff of the school, or the pupil themself.' })
  @UseMiddleware(auditPupilRead('dateOfBirth'))
  dateOfBirth(@Root() pupil: Pupil, @Ctx() ctx: RequestContext): string | null {
    const relation = relationTo(ctx.principal, pupil);
    return relation === 'staff' || relation === 'analyst' || relation === 'self' ? day(pupil.dateOfBirth) : null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Now; not shown to a former school.' })
  yearGroup(@Root() pupil: Pupil, @Ctx() ctx: RequestContext): number | null {
    return isCurrentRelation(relationTo(ctx.principal, pupil)) ? pupil.yearGroup : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Now; not shown to a former school.' })
  tutorGroup(@Root() pupil: Pupil, @Ctx() ctx: RequestContext): string | null {
    return isCurrentRelation(relationTo(ctx.principal, pupil)) ? pupil.tutorGroup : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The day the pupil left their school; for a former school, the day they left it.' })
  async leftOn(@Root() pupil: Pupil, @Ctx() ctx: RequestContext): Promise<string | null> {
    const relation = relationTo(ctx.principal, pupil);
    if (isCurrentRelation(relation)) return day(pupil.leftOn);
    if (relation !== 'former') return null;
    const own = await formerEnrolments(ctx, pupil);
    return day(own.at(-1)?.leftOn ?? null);
  }

  @FieldResolver(() => PupilFlags, { nullable: true, description: "Forbidden unless the caller is staff of the pupil's school." })
  @UseMiddleware(auditPupilRead('flags'))
  flags(@Root() pupil: Pupil, @Ctx() ctx: RequestContext): PupilFlags {
    if (!canSeeSensitive(ctx.principal, pupil)) throw PupilError.flagsForbidden();
    return Object.assign(new PupilFlags(), {
      senSupport: pupil.senSupport,
      ehcp: pupil.ehcp,
      disadvantaged: pupil.disadvantaged,
      lookedAfter: pupil.lookedAfter,
      eal: pupil.eal,
      youngCarer: pupil.youngCarer,
      youngParent: pupil.youngParent,
      youthJustice: pupil.youthJustice,
      refugee: pupil.refugee,
      serviceChild: pupil.serviceChild,
      persistentAbsence: pupil.persistentAbsence,
      neetRisk: pupil.neetRisk,
      neetRiskScore: pupil.neetRiskScore,
    });
  }

  @FieldResolver(() => School, { nullable: true, description: "The pupil's current (or last) school; not shown to a former school." })
  school(@Root() pupil: Pupil, @Ctx() ctx: RequestContext): Promise<School | null> | null {
    if (ctx.principal.kind === 'system') throw AccessError.forbidden();
    if (!isCurrentRelation(relationTo(ctx.principal, pupil))) return null;
    return loadSchool(ctx, pupil.schoolId);
  }

  @FieldResolver(() => [Enrolment], { nullable: true, description: 'Staff of the current school: every school; a former school: its own.' })
  async enrolments(@Root() pupil: Pupil, @Ctx() ctx: RequestContext): Promise<Enrolment[] | null> {
    const relation = relationTo(ctx.principal, pupil);
    if (relation === 'staff' || relation === 'analyst') return loadEnrolments(ctx, pupil);
    if (relation === 'former') return formerEnrolments(ctx, pupil);
    return null;
  }

  @FieldResolver(() => PupilRecordAccess, {
    nullable: true,
    description: "How much of this pupil's history the caller may read anywhere: all of it, a former school's own period, or nothing (null).",
  })
  async recordAccess(@Root() pupil: Pupil, @Ctx() ctx: RequestContext): Promise<PupilRecordAccess | null> {
    const relation = relationTo(ctx.principal, pupil);
    if (isCurrentRelation(relation)) return Object.assign(new PupilRecordAccess(), { current: true, schoolId: null, until: null });
    if (relation !== 'former') return null;
    const last = (await formerEnrolments(ctx, pupil)).at(-1);
    // An enrolment still open at a school the pupil is not at has no end to bound the access by.
    if (!last?.leftOn) return null;
    return Object.assign(new PupilRecordAccess(), { current: false, schoolId: last.schoolId, until: day(last.leftOn) });
  }
}
