import type { EntityManager } from '@mikro-orm/sql';
import {
  VULNERABLE_GROUPS,
  destinationYears,
  vulnerableGroupOfCode,
  type ActivitySpell,
  type EducationProviderKind,
  type IntentionKind,
  type VulnerableGroupCode,
} from '@waymark/domain';
import { boundSql } from '@waymark/subgraph-kit';
import type { LeaverCohort } from '../external/pupils.client.js';
import { followedLeavingYears, summerOnRollDay } from '../spell/spell.rules.js';
import {
  DESTINATION_CATEGORIES,
  DESTINATION_CATEGORY_KEYS,
  SUPPRESS_BELOW,
  categoryOfActivity,
  categoryOfIntention,
  roundToFive,
  suppressedCells,
  type DestinationCategory,
} from './analytics.rules.js';
import { DestinationAnalytics, DestinationCategoryFigures, DestinationFigure, DestinationFigures } from './analytics.types.js';

/** What the figures ask the pupils subgraph, with the caller's own credential. */
export interface AnalyticsPupils {
  /**
   * Each leaving year's Year 11 leavers on roll on 1 June of that summer at the schools counted over,
   * in the years' order, which schools the caller may count, and (when `withSchools`) the schools'
   * names by id (`PupilsClient.leaverYears`).
   */
  leavers(leavingYears: number[], withSchools: boolean): Promise<{ schoolsAllowed: string[]; cohorts: LeaverCohort[]; schoolNames: Map<string, string> }>;
}

export interface AnalyticsRequest {
  /** The rows counted over: one school, or a trust (and perhaps one of its schools). */
  filter: { schoolId?: string; trustId?: string };
  /**
   * The school whose rows are returned (null: every school and the trust's total). Small numbers are
   * always withheld over the whole grid the filter covers, schools and total, so a school asked for
   * alone shows exactly what it shows beside the others and nothing can be read off the two together.
   */
  show: string | null;
  /** A vulnerable group counted beside all leavers (the enum name), or null. */
  group: VulnerableGroupCode | null;
  /** Exact figures (staff of the school, analysts with pupil-level access); otherwise small numbers are withheld. */
  exact: boolean;
  today: string;
}

/** One leaver as the figures count them. */
interface Counted {
  schoolId: string;
  leavingYear: number;
  mask: number;
  intended: DestinationCategory;
  september: DestinationCategory;
  current: DestinationCategory;
  sustained: boolean;
  intentionMet: boolean;
}

/*
 * A row of counts is a fixed list of columns: leavers, then each category's intended, September and
 * current counts, then sustained and intention met.
 */
const COLUMNS = ['leavers', ...DESTINATION_CATEGORY_KEYS.flatMap((c) => [`intended:${c}`, `september:${c}`, `current:${c}`]), 'sustained', 'intentionMet'];
const COLUMN_INDEX = new Map(COLUMNS.map((name, index) => [name, index]));
const column = (name: string) => COLUMN_INDEX.get(name) ?? -1;
/** Each category's three columns, looked up once rather than by name for every leaver. */
const CATEGORY_COLUMNS = new Map(
  DESTINATION_CATEGORY_KEYS.map((c) => [c, { intended: column(`intended:${c}`), september: column(`september:${c}`), current: column(`current:${c}`) }]),
);
const SUSTAINED = column('sustained');
const INTENTION_MET = column('intentionMet');

function tally(leavers: readonly Counted[]): number[] {
  const counts = COLUMNS.map(() => 0);
  for (const leaver of leavers) {
    counts[0] += 1;
    counts[CATEGORY_COLUMNS.get(leaver.intended)!.intended] += 1;
    counts[CATEGORY_COLUMNS.get(leaver.september)!.september] += 1;
    counts[CATEGORY_COLUMNS.get(leaver.current)!.current] += 1;
    if (leaver.sustained) counts[SUSTAINED] += 1;
    if (leaver.intentionMet) counts[INTENTION_MET] += 1;
  }
  return counts;
}

/** Each row's three distributions (leavers = the categories' counts) as equations over `row`. */
function rowEquations(row: number): [number, number][][] {
  return ['intended', 'september', 'current'].map((what) => [
    [row, 0],
    ...DESTINATION_CATEGORY_KEYS.map((c): [number, number] => [row, column(`${what}:${c}`)]),
  ]);
}

/** The spell covering `today` that started last, as the worklist reads what a leaver is doing now. */
function currentSpell(spells: readonly ActivitySpell[], today: string): ActivitySpell | null {
  let now: ActivitySpell | null = null;
  for (const spell of spells)
    if (spell.startsOn <= today && (spell.endsOn === null || spell.endsOn >= today) && (!now || spell.startsOn > now.startsOn)) now = spell;
  return now;
}

export class AnalyticsService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Destination figures (docs/domain-rules.md, "Destination figures"): per leaving year, per school
   * (and the trust), for all leavers and for `group`. At once: one call to the pupils subgraph for the
   * followed summers (with the schools' names), which answers only each summer's leavers, packed;
   * and one statement each for the spells and Year 11 intentions of the school or trust, however many
   * leavers. Only when the spells name older summers is the pupils subgraph asked again, for those.
   */
  async figures(request: AnalyticsRequest, pupils: AnalyticsPupils): Promise<DestinationAnalytics> {
    const { filter, today } = request;
    const scope: string[] = [];
    const params: unknown[] = [];
    for (const [name, value] of [
      ['school_id', filter.schoolId],
      ['trust_id', filter.trustId],
    ] as const) {
      if (!value) continue;
      params.push(value);
      scope.push(`${name} = $${params.length}::uuid`);
    }
    if (scope.length === 0) throw new Error('Destination figures need a school or a trust.');
    const where = scope.join(' and ');

    // The pupils subgraph is asked for the followed summers' leavers straight away, while this database
    // reads every spell and Year 11 intention of the school or trust; summers only the spells name (older
    // leavers) are asked for once the spells are in. Spells and intentions of pupils who are not
    // counted leavers are passed over below.
    const onRollBy = (list: Iterable<number>) => [...new Set(list)].filter((year) => summerOnRollDay(year) <= today);
    const followed = onRollBy(followedLeavingYears(today));
    const [first, { spellRows, more }, intentionRows] = await Promise.all([
      pupils.leavers(followed, true),
      boundSql<{
        pupil_id: string;
        leaving_year: number;
        activity: ActivitySpell['activity'];
        provider_kind: EducationProviderKind | null;
        apprenticeship_level: number | null;
        starts_on: string;
        ends_on: string | null;
      }>(
        this.em,
        `select pupil_id, leaving_year, activity, provider_kind, apprenticeship_level, starts_on::text as starts_on, ends_on::text as ends_on
           from activity_spell where ${where} order by pupil_id, entered_at, id`,
        params,
      ).then(async (read) => {
        const extra = onRollBy(read.rows.map((row) => Number(row.leaving_year))).filter((year) => !followed.includes(year));
        return { spellRows: read, more: extra.length > 0 ? await pupils.leavers(extra, false) : null };
      }),
      boundSql<{ pupil_id: string; kind: IntentionKind }>(
        this.em,
        `select distinct on (pupil_id) pupil_id, kind
           from intention where ${where} and year_group = 11
          order by pupil_id, entered_at desc, id desc`,
        params,
      ),
    ]);
    const { schoolsAllowed, schoolNames: names } = first;
    const cohorts = [...first.cohorts, ...(more?.cohorts ?? [])];
    const years = cohorts.map((cohort) => cohort.leavingYear).sort((a, b) => b - a);

    // The leavers: on roll at a school counted over on 1 June of the summer they finished Year 11, by
    // their date of birth; a pupil who opted out of sharing is left out of everything.
    const schoolIds = new Set<string>(filter.schoolId ? [filter.schoolId] : []);
    for (const id of schoolsAllowed) schoolIds.add(id);
    const leavers = new Map<string, { schoolId: string; leavingYear: number; mask: number }>();
    for (const cohort of cohorts)
      cohort.pupilIds.forEach((pupilId, p) => {
        if (cohort.sharingOptOuts[p]) return;
        if (filter.schoolId && cohort.schoolIds[p] !== filter.schoolId) return;
        leavers.set(pupilId, { schoolId: cohort.schoolIds[p], leavingYear: cohort.leavingYear, mask: cohort.groupMasks[p] });
      });
    const spells = new Map<string, ActivitySpell[]>();
    for (const row of spellRows.rows) {
      if (!leavers.has(row.pupil_id)) continue;
      const spell: ActivitySpell = {
        activity: row.activity,
        providerKind: row.provider_kind,
        apprenticeshipLevel: row.apprenticeship_level,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
      };
      const list = spells.get(row.pupil_id);
      if (list) list.push(spell);
      else spells.set(row.pupil_id, [spell]);
    }
    const intentions = new Map(intentionRows.rows.map((row) => [row.pupil_id, row.kind]));

    const counted: Counted[] = [];
    // Most leavers have no spells yet, and the rule gives every leaver of a summer with none the same
    // answer: it is worked out once for each summer.
    const withoutSpells = new Map<number, ReturnType<typeof destinationYears>>();
    const yearsOf = (leavingYear: number, own: readonly ActivitySpell[]) => {
      // Only year 1 is counted here (sustained), so only year 1 is worked out.
      if (own.length > 0) return destinationYears(leavingYear, own, today, [1]);
      let answer = withoutSpells.get(leavingYear);
      if (!answer) withoutSpells.set(leavingYear, (answer = destinationYears(leavingYear, [], today, [1])));
      return answer;
    };
    for (const [pupilId, leaver] of leavers) {
      const own = spells.get(pupilId) ?? [];
      const computed = yearsOf(leaver.leavingYear, own);
      const september = categoryOfActivity(computed.september.activity, computed.september.spell?.providerKind ?? null);
      const now = currentSpell(own, today);
      const intended = categoryOfIntention(intentions.get(pupilId) ?? null);
      counted.push({
        ...leaver,
        intended,
        september,
        current: categoryOfActivity(now?.activity ?? null, now?.providerKind ?? null),
        sustained: computed.years[0].status === 'SUSTAINED',
        intentionMet: intended !== 'NOT_KNOWN' && intended === september,
      });
    }

    const schools = [...schoolIds].sort((a, b) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b));
    const groupKey = request.group ? vulnerableGroupOfCode(request.group) : undefined;
    const bit = groupKey ? VULNERABLE_GROUPS.findIndex((g) => g.key === groupKey) : -1;
    const groups: (VulnerableGroupCode | null)[] = request.group && bit >= 0 ? [null, request.group] : [null];

    // The leavers are split by year once, and each row's by school once, rather than filtered again for every cell of the grid.
    const byYear = new Map<number, Counted[]>();
    for (const leaver of counted) {
      const list = byYear.get(leaver.leavingYear);
      if (list) list.push(leaver);
      else byYear.set(leaver.leavingYear, [leaver]);
    }
    const rows: DestinationFigures[] = [];
    for (const year of years) {
      for (const group of groups) {
        const inRow = (byYear.get(year) ?? []).filter((leaver) => group === null || (leaver.mask & (1 << bit)) !== 0);
        const bySchool = new Map<string, Counted[]>();
        for (const leaver of inRow) {
          const list = bySchool.get(leaver.schoolId);
          if (list) list.push(leaver);
          else bySchool.set(leaver.schoolId, [leaver]);
        }
        const grid = schools.map((schoolId) => tally(bySchool.get(schoolId) ?? []));
        const trustTotal = !filter.schoolId;
        if (trustTotal) grid.push(tally(inRow));
        const equations = grid.flatMap((_, r) => rowEquations(r));
        if (trustTotal) {
          const total = grid.length - 1;
          for (let c = 0; c < COLUMNS.length; c += 1) equations.push([[total, c], ...schools.map((_, r): [number, number] => [r, c])]);
        }
        const hidden = request.exact ? new Set<string>() : suppressedCells(grid, equations);
        // Without pupil-level access a vulnerable group's figures are also rounded to 5, as everywhere else.
        const rounded = !request.exact && group !== null;
        grid.forEach((counts, r) => {
          const schoolId = r < schools.length ? schools[r] : null;
          if (request.show !== null && schoolId !== request.show) return;
          const figure = (c: number): DestinationFigure => {
            const suppressed = hidden.has(`${r}:${c}`);
            const count = suppressed ? null : rounded ? roundToFive(counts[c]) : counts[c];
            const leaversShown = hidden.has(`${r}:0`) ? null : rounded ? roundToFive(counts[0]) : counts[0];
            const percent = count === null || !leaversShown || c === 0 ? null : Math.round((count / leaversShown) * 1000) / 10;
            return Object.assign(new DestinationFigure(), { count, percent, suppressed, rounded: rounded && !suppressed });
          };
          rows.push(
            Object.assign(new DestinationFigures(), {
              leavingYear: year,
              schoolId,
              schoolName: schoolId ? (names.get(schoolId) ?? null) : null,
              group,
              septemberTooEarly: today < `${year}-09-01`,
              yearOneSettled: today > `${year + 1}-07-31`,
              leavers: figure(0),
              categories: DESTINATION_CATEGORY_KEYS.map((category) =>
                Object.assign(new DestinationCategoryFigures(), {
                  category,
                  label: DESTINATION_CATEGORIES[category],
                  intended: figure(column(`intended:${category}`)),
                  september: figure(column(`september:${category}`)),
                  current: figure(column(`current:${category}`)),
                }),
              ),
              sustained: figure(column('sustained')),
              intentionMet: figure(column('intentionMet')),
            }),
          );
        });
      }
    }
    return Object.assign(new DestinationAnalytics(), { exact: request.exact, suppressBelow: SUPPRESS_BELOW, leavingYears: years, rows });
  }
}
