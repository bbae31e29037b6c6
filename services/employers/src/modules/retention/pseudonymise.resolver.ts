import { Arg, Ctx, Directive, ID, Mutation, Resolver } from 'type-graphql';
import { AccessError, InputError, isUuid, withRequestBypass, type RequestContext } from '@waymark/subgraph-kit';
import { pseudonymisePupilRows } from './pseudonymise.service.js';

/**
 * `pseudonymisePupil`: this subgraph's part of pseudonymising a leaver three years after they left
 * (docs/domain-rules.md, "Retention"). Asked by the pupils subgraph's retention job with a system
 * credential; refused to everyone else, people and API keys alike. Doing it again changes nothing.
 */
@Resolver()
export class RetentionResolver {
  // Every subgraph has its own part: the same field in each, never reached through the gateway.
  @Directive('@shareable')
  @Directive('@inaccessible')
  @Mutation(() => Boolean, {
    description:
      "Subgraph-to-subgraph only (the retention job): removes this leaver's personal details from this subgraph's rows, keeping what the figures count. True once done; the same again is a no-op.",
  })
  async pseudonymisePupil(@Arg('pupilId', () => ID) pupilId: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    if (ctx.principal.kind !== 'system') throw AccessError.forbidden('Only the retention job can pseudonymise a pupil.');
    if (!isUuid(pupilId)) throw InputError.invalid('pupilId must be a pupil id.');
    await withRequestBypass(ctx, 'retention: pseudonymising one leaver past three years, wherever their rows are', (em) => pseudonymisePupilRows(em, pupilId));
    return true;
  }
}
