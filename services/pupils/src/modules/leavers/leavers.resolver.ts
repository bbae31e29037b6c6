import { Arg, Authorized, Ctx, Directive, ID, Int, Query, Resolver } from 'type-graphql';
import { parseDay } from '@waymark/domain';
import { InputError, type RequestContext } from '@waymark/subgraph-kit';
import { PackedFollowedLeavers, PackedLeaverCohorts } from './leavers.types.js';
import { loadPackedFollowedLeavers, loadPackedLeaverCohorts } from './leavers.service.js';

/** At most this many leaving years in one request. */
export const LEAVING_YEARS_PER_REQUEST = 20;

function leavingYearsOf(years: readonly number[]): number[] {
  if (years.length > LEAVING_YEARS_PER_REQUEST) throw InputError.invalid(`Ask about at most ${LEAVING_YEARS_PER_REQUEST} leaving years at once.`);
  if (years.some((year) => !Number.isInteger(year) || year < 1950 || year > 2200)) throw InputError.invalid('A leaving year is a calendar year.');
  return [...new Set(years)];
}

/** Year 11 leavers for the destinations subgraph, asked with the caller's own credential (leavers.service.ts). */
@Resolver()
export class LeaversResolver {
  @Authorized('careers_leader', 'staff', 'careers_adviser', 'trust_analyst')
  @Directive('@inaccessible')
  @Query(() => PackedLeaverCohorts, {
    description:
      "Subgraph-to-subgraph only, for destination figures: each leaving year's Year 11 leavers on roll on 1 June of that summer at the schools asked for (an analyst's trust when none are), packed. Staff of a school and trust analysts only, within their school or trust.",
  })
  packedLeaverCohorts(
    @Arg('schoolIds', () => [ID], { nullable: true }) schoolIds: string[] | null | undefined,
    @Arg('leavingYears', () => [Int]) leavingYears: number[],
    @Ctx() ctx: RequestContext,
  ): Promise<PackedLeaverCohorts> {
    return loadPackedLeaverCohorts(ctx, { schoolIds: schoolIds ?? null, leavingYears: leavingYearsOf(leavingYears) });
  }

  @Authorized('careers_leader', 'staff', 'careers_adviser')
  @Directive('@inaccessible')
  @Query(() => PackedFollowedLeavers, {
    description:
      "Subgraph-to-subgraph only, for following up and recording leavers: the pupils named and those who left the caller's school after finishing Year 11 in one of `leavingYears` (not on roll there on `asOf`), with UPN, leaving year, agreement to being followed and sharing opt-out, packed. Staff of a school only, about pupils whose school (or last school) is theirs.",
  })
  packedFollowedLeavers(
    @Arg('asOf', () => String) asOf: string,
    @Arg('leavingYears', () => [Int]) leavingYears: number[],
    @Arg('pupilIds', () => [ID], { nullable: true }) pupilIds: string[] | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<PackedFollowedLeavers> {
    if (!parseDay(asOf)) throw InputError.invalid('asOf must be a day written YYYY-MM-DD.');
    return loadPackedFollowedLeavers(ctx, { asOf, leavingYears: leavingYearsOf(leavingYears), pupilIds: pupilIds ?? null });
  }
}
