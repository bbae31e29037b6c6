import { academicYearOfDay, isYearGroup, sectorsOfHashtags, YEAR_GROUPS, type SicSection } from '@waymark/domain';
import { AccessError, withRequestBypass } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';
import { YearGroupSectorCoverage } from './sector-coverage.types.js';

const DELIVERED_BY = `
select yg::int as year_group, coalesce(array_agg(distinct emp) filter (where emp is not null), '{}') as employer_ids,
       coalesce(array_agg(distinct vol) filter (where vol is not null), '{}') as volunteer_ids
  from (
    select unnest(e.year_groups) as yg, e.employer_ids, e.volunteer_ids
      from encounter e
     where e.school_id = ? and not e.booked
       and (e.date at time zone 'Europe/London')::date >= make_date(?, 9, 1)
       and (e.date at time zone 'Europe/London')::date < make_date(? + 1, 9, 1)
  ) e
  left join lateral unnest(e.employer_ids) emp on true
  left join lateral unnest(e.volunteer_ids) vol on true
 group by yg`;

const INTERESTS = `select pupil_id, interests from pupil_outlook where pupil_id = any(?::uuid[]) and interests <> '{}'`;

/**
 * For the caller's own school (staff), each year group 7 to 13 this academic year: pupils on roll (from
 * the pupils subgraph, with the caller's credential), the employers and volunteers who delivered its
 * encounters, and how many of its pupils' interests name each sector. Nothing names a pupil.
 */
export async function sectorCoverage(ctx: EncountersContext, schoolId: string, day: string): Promise<YearGroupSectorCoverage[]> {
  const cohort = await ctx.deps.pupils.fetchCohort(ctx, { schoolIds: [schoolId], asOf: day });
  if (!cohort.schoolsAllowed.includes(schoolId)) throw AccessError.forbidden('That school is not one of yours.');
  const yearOf = new Map<string, number>();
  cohort.pupilIds.forEach((id, i) => {
    const year = cohort.yearGroups[i];
    if (cohort.schoolIds[i] === schoolId && year != null && isYearGroup(year)) yearOf.set(id, year);
  });
  const academicYear = academicYearOfDay(day);
  const delivered = await ctx.em.execute<{ year_group: number; employer_ids: string[]; volunteer_ids: string[] }[]>(DELIVERED_BY, [
    schoolId,
    academicYear,
    academicYear,
  ]);
  // pupil_outlook rows carry no school: staff reach them only through the cohort the pupils subgraph answered for them.
  const outlooks =
    yearOf.size === 0
      ? []
      : await withRequestBypass(ctx, "suggested matches: interests of the caller's own school's cohort, counted by year group", (em) =>
          em.execute<{ pupil_id: string; interests: string[] }[]>(INTERESTS, [`{${[...yearOf.keys()].join(',')}}`]),
        );
  const pupils = new Map<number, number>();
  for (const year of yearOf.values()) pupils.set(year, (pupils.get(year) ?? 0) + 1);
  const interested = new Map<number, Map<SicSection, number>>();
  for (const row of outlooks) {
    const year = yearOf.get(row.pupil_id);
    if (year === undefined) continue;
    const counts = interested.get(year) ?? new Map<SicSection, number>();
    for (const sector of sectorsOfHashtags(row.interests)) counts.set(sector, (counts.get(sector) ?? 0) + 1);
    interested.set(year, counts);
  }
  return YEAR_GROUPS.map((yearGroup) => {
    const row = delivered.find((r) => Number(r.year_group) === yearGroup);
    return Object.assign(new YearGroupSectorCoverage(), {
      yearGroup,
      pupils: pupils.get(yearGroup) ?? 0,
      employerIds: row ? [...row.employer_ids].sort() : [],
      volunteerIds: row ? [...row.volunteer_ids].sort() : [],
      interests: [...(interested.get(yearGroup) ?? new Map<SicSection, number>()).entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([sector, count]) => ({ sector, pupils: count })),
    });
  });
}
