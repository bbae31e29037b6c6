import type DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { asksFor, canSeeSchool, loaderFor, type RequestContext } from '@waymark/subgraph-kit';
import { isSchoolStaff, isTrustAnalyst } from '@waymark/auth';
import { localAuthorityOfName } from '@waymark/domain';
import { School, SetParentAccessResult, Trust } from './school.entity.js';
import { findTrusts, listSchools, setParentAccess } from './school.service.js';
import { PupilService } from '../pupil/pupil.service.js';

/** Pupils on roll per school, batched; `schools` primes it from its own statement. */
function pupilCountLoader(ctx: RequestContext): DataLoader<string, number | null> {
  return loaderFor<number>(ctx, 'pupilCount', async (ids) => {
    const counts = await new PupilService(ctx.em).countBySchool(ids);
    return ids.map((id) => counts.get(id) ?? 0);
  });
}

@Resolver(() => School)
export class SchoolResolver {
  @Authorized()
  @Query(() => [School], { nullable: true, description: "Staff and pupils: their school. Trust analysts: the trust's schools." })
  async schools(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<School[]> {
    // Counted with the list only for those who may see the counts (staff, analysts) and when asked for.
    const mayCount = isSchoolStaff(ctx.principal) || isTrustAnalyst(ctx.principal);
    const { schools, onRoll } = await listSchools(ctx.em, ctx.principal, mayCount && asksFor(info, [], ['pupilCount']));
    const counts = pupilCountLoader(ctx);
    for (const [id, count] of onRoll) counts.prime(id, count);
    return schools;
  }

  @FieldResolver(() => Trust, { nullable: true })
  trust(@Root() school: School, @Ctx() ctx: RequestContext): Promise<Trust | null> | null {
    if (!school.trustId) return null;
    return loaderFor<Trust>(ctx, 'trust', async (ids) => {
      const rows = await findTrusts(ctx.em, ids);
      const map = new Map(rows.map((t) => [t.id, t]));
      return ids.map((id) => map.get(id) ?? null);
    }).load(school.trustId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The DfE code of the school's local authority (e.g. 383 for Leeds); null when its name is not one Waymark knows.",
  })
  localAuthorityCode(@Root() school: School): string | null {
    return localAuthorityOfName(school.localAuthority)?.code ?? null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Pupils on roll; staff of the school or analysts of its trust.' })
  async pupilCount(@Root() school: School, @Ctx() ctx: RequestContext): Promise<number | null> {
    const allowed = isSchoolStaff(ctx.principal, school.id) || isTrustAnalyst(ctx.principal, school.trustId);
    if (!allowed || !canSeeSchool(ctx.principal, school.id, school.trustId)) return null;
    return (await pupilCountLoader(ctx).load(school.id)) ?? 0;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: "Whether linked parents and carers may read their child's record; staff of the school." })
  parentAccessEnabled(@Root() school: School, @Ctx() ctx: RequestContext): boolean | null {
    return isSchoolStaff(ctx.principal, school.id) ? school.parentAccessEnabled : null;
  }

  @Authorized('careers_leader')
  @Mutation(() => SetParentAccessResult, {
    description: "Careers leader: lets linked parents and carers read (and comment on) their child's record, or stops it.",
  })
  setParentAccess(@Arg('enabled') enabled: boolean, @Ctx() ctx: RequestContext): Promise<SetParentAccessResult> {
    return setParentAccess(ctx.em, ctx.principal, enabled);
  }
}

@Resolver(() => Trust)
export class TrustResolver {
  @FieldResolver(() => [School])
  schools(@Root() trust: Trust, @Ctx() ctx: RequestContext): Promise<School[]> {
    if (!isTrustAnalyst(ctx.principal, trust.id) && ctx.principal.trustId !== trust.id) return Promise.resolve([]);
    return ctx.em.find(School, { trustId: trust.id }, { orderBy: { name: 'asc' } });
  }
}
