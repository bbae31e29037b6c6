import {
  countSectorSupply,
  SECTOR_SHORT_NAMES,
  SIC_SECTION_KEYS,
  sectorsOfEmployerSector,
  suggestedMatchSentence,
  suggestMatches,
  type SicSection,
  type SupplyProfile,
} from '@waymark/domain';
import { AccessError } from '@waymark/subgraph-kit';
import type { EmployersContext } from '../../app.js';
import { Employer } from '../employer/employer.entity.js';
import { VolunteerRequest } from '../request/request.entity.js';
import { requestManagerSchool } from '../request/request.access.js';
import { Volunteer } from '../volunteer/volunteer.entity.js';
import { SuggestedMatch, SuggestedMatches } from './suggested-match.types.js';

/**
 * Volunteers who offer something, counted per sector and grouped by what decides whether they can
 * reach a place: their kind of reach, their home district (only its area is read) and whether they named the
 * place's district. Far fewer groups than volunteers; nothing leaves but counts.
 */
const SUPPLY = `
select s as sector, reach, split_part(home_postcode, ' ', 1) as home_district, coalesce(?::text = any(reach_districts), false) as names_place, count(*)::int as n
  from volunteer, unnest(sectors) s
 where cardinality(activities) > 0
 group by 1, 2, 3, 4`;

const isSection = (s: string): s is SicSection => (SIC_SECTION_KEYS as readonly string[]).includes(s);

/**
 * Suggested matches for the caller's own school (careers leaders and staff): need from the encounters
 * subgraph (asked with the caller's credential), the sectors of who delivered from this subgraph, and
 * supply counted here (docs/domain-rules.md, "Suggested matches").
 */
export async function suggestedMatches(ctx: EmployersContext): Promise<SuggestedMatches> {
  const schoolId = requestManagerSchool(ctx.principal);
  if (!schoolId) throw AccessError.forbidden('Only careers leaders and staff of a school see suggested matches.');
  // Asked first and awaited last: the encounters subgraph (and the pupils subgraph it asks) work while supply is counted here.
  const asked = ctx.deps.encounters.yearGroupCoverage(ctx);
  // A failure is thrown where it is awaited below; this only keeps it from counting as unhandled meanwhile.
  asked.catch(() => undefined);
  const place = await ctx.em.findOne(
    VolunteerRequest,
    { schoolId, virtual: false, district: { $ne: null } },
    { orderBy: { createdAt: 'desc', id: 'desc' }, fields: ['id', 'postcode', 'district'] },
  );
  const rows = await ctx.em.execute<{ sector: string; reach: string | null; home_district: string | null; names_place: boolean; n: number }[]>(SUPPLY, [
    place?.district ?? null,
  ]);
  const profiles: SupplyProfile[] = rows.map((row) => ({
    sectors: [row.sector],
    reach: row.reach,
    homePostcode: row.home_district || null,
    districts: row.names_place && place?.district ? [place.district] : [],
    count: Number(row.n),
  }));
  const supply = countSectorSupply(profiles, place?.postcode ?? null);
  const coverage = await asked;
  const employerIds = [...new Set(coverage.flatMap((y) => y.employerIds))];
  const volunteerIds = [...new Set(coverage.flatMap((y) => y.volunteerIds))];
  const employers = employerIds.length ? await ctx.em.find(Employer, { id: { $in: employerIds } }, { fields: ['id', 'sector'] }) : [];
  const volunteers = volunteerIds.length ? await ctx.em.find(Volunteer, { id: { $in: volunteerIds } }, { fields: ['id', 'sectors'] }) : [];
  const sectorsOf = new Map<string, SicSection[]>([
    ...employers.map((e): [string, SicSection[]] => [e.id, sectorsOfEmployerSector(e.sector)]),
    ...volunteers.map((v): [string, SicSection[]] => [v.id, v.sectors.filter(isSection)]),
  ]);
  const matches = suggestMatches(
    coverage.map((year) => ({
      yearGroup: year.yearGroup,
      pupils: year.pupils,
      coveredSectors: [...year.employerIds, ...year.volunteerIds].flatMap((id) => sectorsOf.get(id) ?? []),
      interestedPupils: Object.fromEntries(year.interests.filter((i) => isSection(i.sector)).map((i) => [i.sector, i.pupils])),
    })),
    supply,
  );
  return Object.assign(new SuggestedMatches(), {
    postcode: place?.postcode ?? null,
    suggestions: matches.map((match) =>
      Object.assign(new SuggestedMatch(), { ...match, sectorName: SECTOR_SHORT_NAMES[match.sector], sentence: suggestedMatchSentence(match) }),
    ),
  });
}
