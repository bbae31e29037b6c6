import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { BENCHMARK_MEASURES, HOURS_PER_DAY, academicYearOfDay } from '@waymark/domain';
import { AccessError, loaderFor, pupilRecordRoute } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';
import { Pupil } from '../external/external.entity.js';
import { describeMeasure, evidenceFor } from './benchmarks.describe.js';
import { asOfDay } from './benchmarks.resolver.js';
import { withEngine } from './benchmarks.service.js';
import { PupilProgress } from './benchmarks.types.js';

/** `Pupil.benchmarkProgress`: one pupil's state on every measure, with the evidence behind it. */
@Resolver(() => Pupil)
export class PupilBenchmarksResolver {
  @FieldResolver(() => PupilProgress, {
    nullable: true,
    description:
      "The pupil's state on every measure, with the evidence. The pupil, linked parents, staff of the current school, trust analysts with pupil-level access; null for a pupil not on roll on `asOf`.",
  })
  async benchmarkProgress(
    @Root() pupil: Pupil,
    @Arg('asOf', () => String, { nullable: true }) asOf: string | null,
    @Ctx() ctx: EncountersContext,
  ): Promise<PupilProgress | null> {
    if (pupilRecordRoute(ctx.principal, pupil.id) === null) throw AccessError.forbidden();
    const day = asOfDay(asOf);
    // One cohort request and one statement (states with their evidence) for every pupil asked about in the request.
    const progress = await loaderFor<PupilProgress | null>(ctx, `progress:${day}`, async (ids) => {
      const cohort = await ctx.deps.pupils.fetchPackedCohort(ctx, { pupilIds: [...ids], asOf: day });
      const byId = new Map((await withEngine(ctx, (engine) => engine.progressOf(cohort, day))).map((entry) => [entry.states.pupilId, entry]));
      return ids.map((id) => {
        const entry = byId.get(id);
        if (!entry) return null;
        const { states: row, facts: own } = entry;
        const total = row.hoursYears7to9 + row.hoursYears10to11;
        return Object.assign(new PupilProgress(), {
          asOf: day,
          academicYear: academicYearOfDay(day),
          yearGroup: row.yearGroup,
          measures: BENCHMARK_MEASURES.map((m) => {
            const status = row.states[m.key];
            return {
              measure: m.key,
              benchmark: m.benchmark,
              label: m.label,
              state: status.state,
              count: status.count,
              needed: status.needed,
              detail: describeMeasure(m.key, status.state, status.count, status.needed),
              evidence: evidenceFor(m.key, own),
            };
          }),
          workExperience: {
            hoursYears7to9: row.hoursYears7to9,
            hoursYears10to11: row.hoursYears10to11,
            hoursTotal: total,
            days: Math.round((total / HOURS_PER_DAY) * 10) / 10,
          },
        });
      });
    }).load(pupil.id);
    return progress ?? null;
  }
}
