import { AccessError, scopeOf } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';

/** The refusal for a school the pupils subgraph says is not the caller's. */
export function notYourSchool(ctx: EncountersContext): never {
  throw AccessError.forbidden(scopeOf(ctx.principal).kind === 'trust' ? "That school is not one of your trust's schools." : 'That school is not one of yours.');
}

/** The pupils on roll at one school on a day; forbidden when the pupils subgraph says the school is not the caller's. */
export async function schoolCohort(ctx: EncountersContext, school: string, day: string) {
  const cohort = await ctx.deps.pupils.fetchPackedCohort(ctx, { schoolIds: [school], asOf: day });
  // Refused, not answered with zeros: an empty cohort would look like a school with no pupils.
  if (!cohort.schoolsAllowed.includes(school)) notYourSchool(ctx);
  return cohort;
}
