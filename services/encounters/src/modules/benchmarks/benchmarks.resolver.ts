import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import {
  academicYearOfDay,
  parseDay,
  todayInEngland,
  vulnerableGroupOfCode,
  VULNERABLE_GROUP_CODES,
  type BenchmarkMeasureKey,
  type VulnerableGroupCode,
} from '@waymark/domain';
import { AccessError, InputError, decodeCursor, encodeCursor, isUuid, pageSize, scopeOf, type Connection, type RequestContext } from '@waymark/subgraph-kit';
import { Pupil, School, stubOf } from '../external/external.entity.js';
import type { EncountersContext } from '../../app.js';
import { describeMeasure } from './benchmarks.describe.js';
import { withEngine, groupBit, type Cell } from './benchmarks.service.js';
import { schoolAggregateFor } from './dashboard-answers.js';
import { schoolCohort } from './school-cohort.js';
import { BenchmarkMeasureEnum, DashboardCell, GapConnection, GapRow, SchoolDashboard, TrustDashboard, VulnerableGroupEnum } from './benchmarks.types.js';

const CODE_OF_GROUP = VULNERABLE_GROUP_CODES as Record<string, VulnerableGroupCode>;

/** `asOf` as given (a real day), or today in England. */
export function asOfDay(asOf: string | null | undefined): string {
  if (asOf == null || asOf === '') return todayInEngland();
  const day = parseDay(asOf);
  if (!day) throw InputError.invalid('asOf must be a day written YYYY-MM-DD.');
  return day;
}

function bitOf(group: VulnerableGroupCode | null | undefined): number | null {
  if (!group) return null;
  const key = vulnerableGroupOfCode(group);
  if (!key) throw InputError.invalid('Unknown vulnerable group.');
  return groupBit(key);
}

function checkYearGroup(yearGroup: number | null | undefined): number | null {
  if (yearGroup == null) return null;
  if (!Number.isInteger(yearGroup) || yearGroup < 7 || yearGroup > 13) throw InputError.invalid('Year groups run from 7 to 13.');
  return yearGroup;
}

const toCell = (cell: Cell): DashboardCell => Object.assign(new DashboardCell(), { ...cell, group: cell.group ? CODE_OF_GROUP[cell.group] : null });

/** Figures restricted to a vulnerable group are rounded to this for callers who may not see pupils' flags. */
export const GROUP_ROUNDING = 5;
const rounded = (n: number) => Math.round(n / GROUP_ROUNDING) * GROUP_ROUNDING;
/** A cell as a caller who may not see pupils' flags reads it: every count rounded to GROUP_ROUNDING. */
export const roundCell = (cell: Cell): Cell => ({
  ...cell,
  eligible: rounded(cell.eligible),
  met: rounded(cell.met),
  inProgress: rounded(cell.inProgress),
  notMet: rounded(cell.notMet),
});

/**
 * Whether the caller may see exact figures for a vulnerable group. Flags are for staff of the pupil's
 * school and analysts with pupil-level access (docs/benchmarks-contract.md); other analysts see group figures rounded
 * to the nearest 5, so that neither a small number nor the difference of two reveals a pupil's group.
 */
export function groupFiguresExact(ctx: RequestContext): boolean {
  const scope = scopeOf(ctx.principal);
  return scope.kind !== 'trust' || scope.pupilLevel;
}

/**
 * Whether the caller may list pupils (gap lists) of a school whose figures they may see: staff of the
 * school may; trust analysts only with pupil-level access, as lists name pupils.
 */
function mayListPupils(ctx: RequestContext): boolean {
  const scope = scopeOf(ctx.principal);
  return scope.kind === 'school' || (scope.kind === 'trust' && scope.pupilLevel);
}

/**
 * The school a staff member or analyst asks about: staff their own (naming another is forbidden);
 * analysts must name one, and the pupils subgraph then says whether it is in their trust. Anything
 * that is not a school id (a NUL, a megabyte) is refused here, before any lookup.
 */
export function schoolAsked(ctx: RequestContext, given: string | null | undefined): string {
  if (given && !isUuid(given)) throw InputError.invalid('The school id is not a Waymark school id.');
  const schoolId = given ? given.toLowerCase() : null;
  const scope = scopeOf(ctx.principal);
  if (scope.kind === 'school') {
    if (schoolId && schoolId !== scope.schoolId) throw AccessError.forbidden('You can only see your own school.');
    return scope.schoolId;
  }
  if (scope.kind === 'trust') {
    if (!schoolId) throw InputError.invalid('Choose a school of your trust.');
    return schoolId;
  }
  throw AccessError.forbidden();
}

@Resolver()
export class DashboardResolver {
  @Authorized('careers_leader', 'staff', 'careers_adviser', 'trust_analyst')
  @Query(() => SchoolDashboard, {
    nullable: true,
    description:
      'Every measure by year group and by vulnerable group for one school. Staff: their own school (the default); trust analysts: a school of their trust.',
  })
  async schoolDashboard(
    @Arg('schoolId', () => ID, { nullable: true }) schoolId: string | null,
    @Arg('asOf', () => String, { nullable: true, description: 'YYYY-MM-DD; today when left out.' }) asOf: string | null,
    @Arg('group', () => VulnerableGroupEnum, { nullable: true }) group: VulnerableGroupCode | null,
    @Arg('yearGroup', () => Int, { nullable: true }) yearGroup: number | null,
    @Ctx() ctx: EncountersContext,
  ): Promise<SchoolDashboard> {
    const school = schoolAsked(ctx, schoolId);
    const day = asOfDay(asOf);
    const filter = { groupBit: bitOf(group), yearGroup: checkYearGroup(yearGroup) };
    // Today's answer is stored and served while it is exact (dashboard-answers.ts); the exact figures
    // either way, rounded below for this caller.
    const { aggregate, schoolName } = await schoolAggregateFor(ctx, school, day, filter);
    // Rounded for callers who may not see flags: every group cell, and everything when a group is chosen.
    const round = !groupFiguresExact(ctx);
    const grouped = round && filter.groupBit !== null;
    return Object.assign(new SchoolDashboard(), {
      school: Object.assign(stubOf(School, school), { name: schoolName }),
      asOf: day,
      academicYear: academicYearOfDay(day),
      pupilCount: grouped ? rounded(aggregate.pupilCount) : aggregate.pupilCount,
      cells: aggregate.cells.map((cell) => toCell(grouped ? roundCell(cell) : cell)),
      groupCells: aggregate.groupCells.map((cell) => toCell(round ? roundCell(cell) : cell)),
      workExperience: grouped
        ? aggregate.workExperience.map((row) => ({ ...row, pupils: rounded(row.pupils), reachedTarget: rounded(row.reachedTarget) }))
        : aggregate.workExperience,
      groupFiguresRounded: round,
      // What benchmarkGaps decides for the same caller and school (which they may see, or this threw):
      // the portal links figures to lists of pupils only then, without asking for a list to find out.
      canListPupils: mayListPupils(ctx),
    });
  }

  @Authorized('trust_analyst')
  @Query(() => TrustDashboard, { nullable: true, description: 'Trust analysts: every measure for each school of their trust, and the trust as a whole.' })
  async trustDashboard(
    @Arg('asOf', () => String, { nullable: true }) asOf: string | null,
    @Arg('group', () => VulnerableGroupEnum, { nullable: true }) group: VulnerableGroupCode | null,
    @Arg('yearGroup', () => Int, { nullable: true }) yearGroup: number | null,
    @Ctx() ctx: EncountersContext,
  ): Promise<TrustDashboard> {
    if (scopeOf(ctx.principal).kind !== 'trust') throw AccessError.forbidden();
    const day = asOfDay(asOf);
    const filter = { groupBit: bitOf(group), yearGroup: checkYearGroup(yearGroup) };
    const cohort = await ctx.deps.pupils.fetchPackedCohort(ctx, { asOf: day });
    const aggregate = await withEngine(ctx, (engine) => engine.trustAggregate(cohort, day, filter));
    // A trust's figures for a vulnerable group are rounded for analysts who may not see flags.
    const round = !groupFiguresExact(ctx) && filter.groupBit !== null;
    const count = (n: number) => (round ? rounded(n) : n);
    const cell = (c: Cell) => toCell(round ? roundCell(c) : c);
    return Object.assign(new TrustDashboard(), {
      asOf: day,
      academicYear: academicYearOfDay(day),
      pupilCount: count(aggregate.pupilCount),
      // Every school of the trust, those with no pupils in the filter too (all zero).
      schools: cohort.schoolsAllowed.map((id) => {
        const row = aggregate.bySchool.get(id);
        const cells = row?.cells ?? aggregate.totals.map((total) => ({ ...total, schoolId: id, eligible: 0, met: 0, inProgress: 0, notMet: 0 }));
        return { school: stubOf(School, id), pupilCount: count(row?.pupilCount ?? 0), cells: cells.map(cell) };
      }),
      totals: aggregate.totals.map(cell),
      groupFiguresRounded: round,
    });
  }

  @Authorized('careers_leader', 'staff', 'careers_adviser', 'trust_analyst')
  @Query(() => GapConnection, {
    nullable: true,
    description: 'Pupils not (yet) meeting a measure, by year group then id. Staff of the school; trust analysts with pupil-level access.',
  })
  async benchmarkGaps(
    @Arg('measure', () => BenchmarkMeasureEnum) measure: BenchmarkMeasureKey,
    @Arg('schoolId', () => ID, { nullable: true }) schoolId: string | null,
    @Arg('asOf', () => String, { nullable: true }) asOf: string | null,
    @Arg('yearGroup', () => Int, { nullable: true }) yearGroup: number | null,
    @Arg('group', () => VulnerableGroupEnum, { nullable: true }) group: VulnerableGroupCode | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: EncountersContext,
  ): Promise<Connection<GapRow>> {
    if (!mayListPupils(ctx)) throw AccessError.forbidden(scopeOf(ctx.principal).kind === 'trust' ? 'Lists of pupils need pupil-level access.' : undefined);
    const school = schoolAsked(ctx, schoolId);
    const day = asOfDay(asOf);
    const filter = { groupBit: bitOf(group), yearGroup: checkYearGroup(yearGroup) };
    const cohort = await schoolCohort(ctx, school, day);
    const limit = pageSize(first);
    const cursor = decodeCursor(after, ['position']);
    const offset = cursor?.length === 1 && Number.isInteger(Number(cursor[0])) && Number(cursor[0]) >= 0 ? Number(cursor[0]) : 0;
    const { rows, total } = await withEngine(ctx, (engine) => engine.pupilStates(cohort, day, filter, { measure, limit: limit + 1, offset }));
    const gapRows = rows.map((row, i) => {
      const status = row.states[measure];
      return {
        position: offset + i + 1,
        row: Object.assign(new GapRow(), {
          pupil: stubOf(Pupil, row.pupilId),
          yearGroup: row.yearGroup,
          state: status.state,
          detail: describeMeasure(measure, status.state, status.count, status.needed),
        }),
      };
    });
    const page = gapRows.slice(0, limit);
    return {
      edges: page.map((entry) => ({ cursor: encodeCursor([entry.position]), node: entry.row })),
      pageInfo: { hasNextPage: gapRows.length > limit, endCursor: page.length > 0 ? encodeCursor([page[page.length - 1].position]) : null },
      totalCount: total,
    };
  }
}
