import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import { AccessError, type RequestContext } from '@waymark/subgraph-kit';
import { findSchoolsForSignUp, schoolForSignUp } from './school-finder.service.js';
import { SchoolForSignUp } from './school-finder.types.js';

/** Only Waymark itself (the gateway, answering the public sign-up form) asks these; everyone else is refused. */
function systemOnly(ctx: RequestContext): void {
  if (ctx.principal.kind !== 'system') throw AccessError.forbidden('Only Waymark itself can look up schools this way.');
}

/**
 * The smallest list of schools a volunteer's sign-up form needs: found by part of a name, or one by
 * id to check the choice. Not in the public API; the gateway asks with its own credential.
 */
@Resolver()
export class SchoolFinderResolver {
  @Directive('@inaccessible')
  @Query(() => [SchoolForSignUp], {
    description: 'Gateway only (the volunteer sign-up form): at most 10 schools whose name contains the query (3 to 100 characters), by name.',
  })
  schoolsForSignUp(@Arg('query') query: string, @Ctx() ctx: RequestContext): Promise<SchoolForSignUp[]> {
    systemOnly(ctx);
    return findSchoolsForSignUp(ctx.em, query);
  }

  @Directive('@inaccessible')
  @Query(() => SchoolForSignUp, { nullable: true, description: "Gateway only (checking a volunteer sign-up's school): the school, or null when unknown." })
  schoolForSignUp(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<SchoolForSignUp | null> {
    systemOnly(ctx);
    return schoolForSignUp(ctx.em, id);
  }
}
