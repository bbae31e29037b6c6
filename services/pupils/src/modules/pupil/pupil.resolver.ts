import { Args, Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { AccessError, connectionTypes, loaderFor, type Connection, type RequestContext } from '@waymark/subgraph-kit';
import { School } from '../school/school.entity.js';
import { findSchools } from '../school/school.service.js';
import { Pupil, PupilFlags } from './pupil.entity.js';
import { canSeeSensitive, isSelf } from './pupil.access.js';
import { PupilError } from './pupil.errors.js';
import { PupilsArgs } from './pupil.inputs.js';
import { PupilService } from './pupil.service.js';

export const PupilConnection = connectionTypes(Pupil, 'Pupil');

@Resolver(() => Pupil)
export class PupilResolver {
  @Authorized('careers_leader', 'staff', 'careers_adviser', 'trust_analyst')
  @Query(() => PupilConnection, { description: 'Pupils the caller may see: staff their own school, analysts with pupil-level access their trust.' })
  pupils(@Args() args: PupilsArgs, @Ctx() ctx: RequestContext): Promise<Connection<Pupil>> {
    return new PupilService(ctx.em).list(ctx.principal, args);
  }

  @Authorized()
  @Query(() => Pupil, { nullable: true })
  async pupil(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Pupil | null> {
    const [pupil] = await new PupilService(ctx.em).findVisible(ctx.principal, [id]);
    return pupil ?? null;
  }

  @Authorized('pupil')
  @Query(() => Pupil, { nullable: true, description: 'The signed-in pupil\'s own record.' })
  async myPupilRecord(@Ctx() ctx: RequestContext): Promise<Pupil | null> {
    if (!ctx.principal.pupilId) return null;
    const [pupil] = await new PupilService(ctx.em).findVisible(ctx.principal, [ctx.principal.pupilId]);
    return pupil ?? null;
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

  @FieldResolver(() => String, { nullable: true, description: 'Staff of the school, or the pupil themself.' })
  upn(@Root() pupil: Pupil, @Ctx() ctx: RequestContext): string | null {
    return canSeeSensitive(ctx.principal, pupil) || isSelf(ctx.principal, pupil) ? pupil.upn : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Staff of the school, or the pupil themself.' })
  dateOfBirth(@Root() pupil: Pupil, @Ctx() ctx: RequestContext): string | null {
    return canSeeSensitive(ctx.principal, pupil) || isSelf(ctx.principal, pupil) ? String(pupil.dateOfBirth).slice(0, 10) : null;
  }

  @FieldResolver(() => PupilFlags, { nullable: true, description: 'Forbidden unless the caller is staff of the pupil\'s school.' })
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

  @FieldResolver(() => School, { nullable: true })
  school(@Root() pupil: Pupil, @Ctx() ctx: RequestContext): Promise<School | null> {
    if (ctx.principal.kind === 'system') throw AccessError.forbidden();
    return loaderFor<School>(ctx, 'school', async (ids) => {
      const rows = await findSchools(ctx.em, ids);
      const map = new Map(rows.map((s) => [s.id, s]));
      return ids.map((id) => map.get(id) ?? null);
    }).load(pupil.schoolId);
  }
}
