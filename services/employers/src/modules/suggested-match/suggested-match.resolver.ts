import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { EmployersContext } from '../../app.js';
import { suggestedMatches } from './suggested-match.service.js';
import { SuggestedMatches } from './suggested-match.types.js';

@Resolver()
export class SuggestedMatchResolver {
  @Authorized('careers_leader', 'staff')
  @Query(() => SuggestedMatches, {
    nullable: true,
    description:
      "Careers leaders and staff: where volunteer supply meets their own school's need, per year group and sector this academic year. Counts only; no volunteer or pupil is named.",
  })
  suggestedMatches(@Ctx() ctx: EmployersContext): Promise<SuggestedMatches> {
    return suggestedMatches(ctx);
  }
}
