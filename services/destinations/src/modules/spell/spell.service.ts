import { randomUUID } from 'node:crypto';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { assertDestinationSpells, destinationYears, followUpOf, type ActivitySpell } from '@waymark/domain';
import { boundSql, groupScopes, pgArray, startOfSchoolDay, type RecordScope } from '@waymark/subgraph-kit';
import { ActivitySpellRow, type EducationProviderKind, type SpellActivity, type SpellSource } from './spell.entity.js';
import { destinationYearsOf, LeaverFollowUp, SustainedCount, type DestinationYears } from './spell.types.js';
import { compareFollowUps, followedLeavingYears, isFollowed, summerOnRollDay } from './spell.rules.js';
import type { WorklistDetails } from '../external/pupils.client.js';
import { eventAtOf, isTrustEvent } from './spell.webhook.js';

export interface NewSpell {
  pupilId: string;
  schoolId: string;
  trustId: string | null;
  leavingYear: number;
  activity: SpellActivity;
  providerKind: EducationProviderKind | null;
  apprenticeshipLevel: number | null;
  provider: string | null;
  startsOn: string;
  endsOn: string | null;
  source: SpellSource;
  confirmed: boolean;
  enteredById: string;
}

/** What the worklist asks the pupils subgraph, with the caller's own credential. */
export interface WorklistPupils {
  /** The ids of the pupils on roll at the caller's school on a day (YYYY-MM-DD). */
  onRoll(day: string): Promise<string[]>;
  /** Each pupil's leaving year and agreement to being followed (`PupilsClient.worklistDetails`). */
  details(ids: string[]): Promise<Map<string, WorklistDetails>>;
}

/** A row as the domain's rule reads it. */
const asSpell = (row: ActivitySpellRow): ActivitySpell => row;

/** The computed destinations of one leaver's spells as things stand on `today`; null with no spells (the leaving year is not known). */
export function computeYears(rows: readonly ActivitySpellRow[], today: string): DestinationYears | null {
  const newest = rows.at(-1);
  if (!newest) return null;
  return destinationYearsOf(destinationYears(newest.leavingYear, rows.map(asSpell), today));
}

export class SpellService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Saves a spell and computes the leaver's destinations with it, in one transaction: if the rule
   * refuses any of the leaver's spells, nothing is saved. The spell is the trust's `destination.recorded`
   * webhook event too, when the leaver is in `shared` (spell.webhook.ts).
   */
  async record(spell: NewSpell, today: string, shared: ReadonlySet<string> = new Set()): Promise<{ row: ActivitySpellRow; years: DestinationYears }> {
    return this.em.transactional(async (em) => {
      const enteredAt = new Date();
      const row = em.create(ActivitySpellRow, { id: randomUUID(), ...spell, enteredAt, eventAt: eventAtOf(spell, shared, enteredAt) });
      await em.flush();
      const rows = await em.find(ActivitySpellRow, { pupilId: spell.pupilId }, { orderBy: { enteredAt: 'asc', id: 'asc' } });
      return { row, years: computeYears(rows, today)! };
    });
  }

  /**
   * Saves spells for many leavers and computes each one's destinations with them, in one transaction:
   * if the rule refuses any leaver's spells, nothing is saved (nor any webhook event). Answers how many were saved.
   */
  async recordMany(spells: readonly NewSpell[], today: string, shared: ReadonlySet<string> = new Set()): Promise<number> {
    if (spells.length === 0) return 0;
    return this.em.transactional(async (em) => {
      const enteredAt = new Date().toISOString();
      const ids = spells.map(() => randomUUID());
      const column = <T extends string | number | boolean | null>(of: (spell: NewSpell) => T) => pgArray(spells.map(of));
      // As `record` does, the rule must accept the spells (it throws otherwise, and nothing is saved). It
      // checks each spell on its own (`assertDestinationSpells`), and each leaver's earlier spells passed
      // it when they were saved, so only the new ones are checked, in memory, before the insert: the rows
      // are written once and never read back, and no earlier spell is read.
      for (const spell of spells) assertDestinationSpells(spell.leavingYear, [spell], today);
      // One statement for every row (unnest of one array per column), as a file of thousands of lines
      // needs. A new spell of a leaver in `shared` is also the trust's `destination.recorded` event
      // (`eventAt`, spell.webhook.ts): nothing else is written for it.
      await boundSql(
        em,
        `insert into activity_spell (id, pupil_id, school_id, trust_id, leaving_year, activity, provider_kind, apprenticeship_level, provider,
                                     starts_on, ends_on, source, confirmed, entered_by_id, entered_at, event_at)
         select id, pupil_id, school_id, trust_id, leaving_year, activity, provider_kind, apprenticeship_level, provider,
                starts_on, ends_on, source, confirmed, entered_by_id, $15::timestamptz,
                case when evented then $15::timestamptz end
           from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::smallint[], $6::text[], $7::text[], $8::smallint[], $9::text[],
                       $10::date[], $11::date[], $12::text[], $13::boolean[], $14::text[], $16::boolean[])
                as s(id, pupil_id, school_id, trust_id, leaving_year, activity, provider_kind, apprenticeship_level, provider,
                     starts_on, ends_on, source, confirmed, entered_by_id, evented)`,
        [
          pgArray(ids),
          column((spell) => spell.pupilId),
          column((spell) => spell.schoolId),
          column((spell) => spell.trustId),
          column((spell) => spell.leavingYear),
          column((spell) => spell.activity),
          column((spell) => spell.providerKind),
          column((spell) => spell.apprenticeshipLevel),
          column((spell) => spell.provider),
          column((spell) => spell.startsOn),
          column((spell) => spell.endsOn),
          column((spell) => spell.source),
          column((spell) => spell.confirmed),
          column((spell) => spell.enteredById),
          enteredAt,
          column((spell) => isTrustEvent(spell, shared)),
        ],
      );
      return spells.length;
    });
  }

  /** Each pupil's spells within their scope (a former school: its own, recorded before the pupil left), oldest recorded first, in one statement. */
  async spellsFor(scopes: ReadonlyMap<string, RecordScope>): Promise<Map<string, ActivitySpellRow[]>> {
    const { everything, former } = groupScopes(scopes);
    const branches: FilterQuery<ActivitySpellRow>[] = former.map((group) => ({
      pupilId: { $in: group.pupilIds },
      schoolId: group.schoolId,
      enteredAt: { $lt: startOfSchoolDay(group.until) },
    }));
    if (everything.length > 0) branches.unshift({ pupilId: { $in: everything } });
    const byPupil = new Map<string, ActivitySpellRow[]>();
    if (branches.length === 0) return byPupil;
    for (const row of await this.em.find(ActivitySpellRow, { $or: branches }, { orderBy: { enteredAt: 'asc', id: 'asc' } })) {
      const list = byPupil.get(row.pupilId);
      if (list) list.push(row);
      else byPupil.set(row.pupilId, [row]);
    }
    return byPupil;
  }

  /**
   * The school's Year 11 leavers who need following up today, in the worklist's order
   * (docs/domain-rules.md, "Leavers to follow up"): those it has recorded spells for, by their spells,
   * and those it has recorded nothing for who were on roll at the school in the summer they finished
   * Year 11 and are not on roll there today. One statement here, and a fixed number of calls to the
   * pupils subgraph (`pupils`) whatever the school's size: the roll today and on each followed
   * summer's day at once, then every leaver's details in one call. Nothing is written.
   */
  async worklist(schoolId: string, today: string, pupils: WorklistPupils): Promise<LeaverFollowUp[]> {
    const { byPupil, leftSince, details, stayed } = await this.leavers(schoolId, today, pupils);
    // Without their agreement, nothing but their place in this school's own sixth form can be recorded (spell.resolver.ts).
    const needsConsent = (pupilId: string) => details.get(pupilId)?.tracking === false && !stayed.has(pupilId);

    const list: LeaverFollowUp[] = [];
    for (const [pupilId, spells] of byPupil) {
      const leavingYear = spells.at(-1)!.leavingYear;
      const followUp = followUpOf(leavingYear, spells.map(asSpell), today);
      if (!followUp) continue;
      const status = followUp.activity === null ? 'NOTHING_FOR_TODAY' : followUp.activity === 'NOT_KNOWN' ? 'NOT_KNOWN' : 'NEET';
      list.push(Object.assign(new LeaverFollowUp(), { pupil: { id: pupilId }, leavingYear, status, needsConsent: needsConsent(pupilId), ...followUp }));
    }
    for (const [pupilId, summersOnRoll] of leftSince) {
      const leavingYear = details.get(pupilId)?.leavingYear;
      // A Year 11 leaver by their date of birth, on roll here that summer; the pupils subgraph gives no
      // leaving year for a pupil whose school (or last school) is another one.
      if (byPupil.has(pupilId) || typeof leavingYear !== 'number' || !summersOnRoll.includes(leavingYear)) continue;
      list.push(
        Object.assign(new LeaverFollowUp(), {
          pupil: { id: pupilId },
          leavingYear,
          status: 'NOTHING_RECORDED' as const,
          needsConsent: details.get(pupilId)?.tracking !== true,
          activity: null,
          lastKnownOn: null,
          reason: 'Nothing recorded yet',
        }),
      );
    }
    return list.sort(compareFollowUps);
  }

  /**
   * The school's Year 11 leavers followed today, whatever is known of them (the worklist's leavers
   * before it keeps those to chase): those it has recorded spells for within their three destination
   * years, and those it has recorded nothing for who were on roll in the summer they finished Year 11
   * and have left. The same calls to the pupils subgraph as the worklist.
   */
  async followedLeaverIds(schoolId: string, today: string, pupils: WorklistPupils): Promise<string[]> {
    const { byPupil, leftSince, details } = await this.leavers(schoolId, today, pupils);
    const ids: string[] = [];
    for (const [pupilId, spells] of byPupil) if (isFollowed(spells.at(-1)!.leavingYear, today)) ids.push(pupilId);
    for (const [pupilId, summersOnRoll] of leftSince) {
      const leavingYear = details.get(pupilId)?.leavingYear;
      if (!byPupil.has(pupilId) && typeof leavingYear === 'number' && summersOnRoll.includes(leavingYear)) ids.push(pupilId);
    }
    return ids;
  }

  /**
   * The same leavers as `followedLeaverIds`, with what the pupils subgraph knows of each, for a
   * confirmation file: one statement here for the latest leaving year each leaver's spells give, and
   * one call (`lookup`, packed) that answers the leavers with spells still followed and those who left
   * the school after a followed summer, whoever is the school's (only pupils whose school, or last
   * school, is the caller's come back). Leavers the pupils subgraph does not answer are left out, as
   * nothing could be matched to them.
   */
  async followedLeavers<T extends { leavingYear: number | null; leftSince: boolean }>(
    schoolId: string,
    today: string,
    lookup: (leavingYears: number[], pupilIds: string[]) => Promise<Map<string, T>>,
  ): Promise<Map<string, T>> {
    const { rows } = await boundSql<{ pupil_id: string; leaving_year: number }>(
      this.em,
      `select distinct on (pupil_id) pupil_id, leaving_year from activity_spell where school_id = $1::uuid order by pupil_id, entered_at desc, id desc`,
      [schoolId],
    );
    const recorded = new Set(rows.map((row) => row.pupil_id));
    const followedBySpells = rows.filter((row) => isFollowed(Number(row.leaving_year), today)).map((row) => row.pupil_id);
    const details = await lookup(followedLeavingYears(today), followedBySpells);
    const followed = new Map<string, T>();
    for (const pupilId of followedBySpells) {
      const leaver = details.get(pupilId);
      if (leaver) followed.set(pupilId, leaver);
    }
    // Those with nothing recorded: on roll here the summer they finished Year 11 and not on roll here today.
    for (const [pupilId, leaver] of details)
      if (leaver.leftSince && !recorded.has(pupilId) && typeof leaver.leavingYear === 'number') followed.set(pupilId, leaver);
    return followed;
  }

  /** What the worklist starts from: the school's spells by leaver, who has left since each followed summer, who is on roll today, and every one's details. */
  private async leavers(schoolId: string, today: string, pupils: WorklistPupils) {
    const years = followedLeavingYears(today);
    const [rows, onRollToday, ...summers] = await Promise.all([
      this.em.find(ActivitySpellRow, { schoolId }, { orderBy: { enteredAt: 'asc', id: 'asc' } }),
      pupils.onRoll(today),
      ...years.map((year) => pupils.onRoll(summerOnRollDay(year))),
    ]);
    const stayed = new Set(onRollToday);
    const byPupil = new Map<string, ActivitySpellRow[]>();
    for (const row of rows) byPupil.set(row.pupilId, [...(byPupil.get(row.pupilId) ?? []), row]);
    // Each pupil who has left since a followed summer, with the leaving years of the summers they were on roll.
    const leftSince = new Map<string, number[]>();
    years.forEach((year, i) => {
      for (const pupilId of summers[i]) if (!stayed.has(pupilId)) leftSince.set(pupilId, [...(leftSince.get(pupilId) ?? []), year]);
    });
    const ids = [...new Set([...byPupil.keys(), ...leftSince.keys()])];
    const details = ids.length > 0 ? await pupils.details(ids) : new Map<string, WorklistDetails>();
    return { byPupil, leftSince, details, stayed };
  }

  /**
   * For each leaving year and destination year, how many leavers (those with spells recorded by the
   * school or trust in `filter`) were sustained, not sustained, too early to tell or not known, as of
   * `today`; newest leavers first. One statement; the rule runs per leaver in memory.
   */
  async sustainedSummary(filter: { schoolId?: string; trustId?: string }, today: string): Promise<SustainedCount[]> {
    // Plain rows, not entities: a trust's leavers are tens of thousands of spells, read only to count.
    const conditions: string[] = [];
    const parameters: string[] = [];
    for (const [column, value] of [
      ['school_id', filter.schoolId],
      ['trust_id', filter.trustId],
    ] as const) {
      if (!value) continue;
      parameters.push(value);
      conditions.push(`${column} = $${parameters.length}::uuid`);
    }
    if (conditions.length === 0) return [];
    const { rows } = await boundSql<{
      pupil_id: string;
      leaving_year: number;
      activity: SpellActivity;
      provider_kind: EducationProviderKind | null;
      apprenticeship_level: number | null;
      starts_on: string;
      ends_on: string | null;
    }>(
      this.em,
      `select pupil_id, leaving_year, activity, provider_kind, apprenticeship_level, starts_on::text as starts_on, ends_on::text as ends_on
         from activity_spell where ${conditions.join(' and ')} order by pupil_id, entered_at, id`,
      parameters,
    );
    const byPupil = new Map<string, { leavingYear: number; spells: ActivitySpell[] }>();
    for (const row of rows) {
      const spell: ActivitySpell = {
        activity: row.activity,
        providerKind: row.provider_kind,
        apprenticeshipLevel: row.apprenticeship_level,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
      };
      const leaver = byPupil.get(row.pupil_id);
      if (leaver) {
        leaver.spells.push(spell);
        leaver.leavingYear = row.leaving_year;
      } else byPupil.set(row.pupil_id, { leavingYear: row.leaving_year, spells: [spell] });
    }
    const counts = new Map<string, SustainedCount>();
    for (const { leavingYear, spells } of byPupil.values()) {
      const computed = destinationYears(leavingYear, spells, today);
      for (const year of computed.years) {
        const key = `${computed.leavingYear}/${year.year}`;
        const count =
          counts.get(key) ??
          Object.assign(new SustainedCount(), { leavingYear: computed.leavingYear, year: year.year, sustained: 0, notSustained: 0, tooEarly: 0, notKnown: 0 });
        if (year.status === 'SUSTAINED') count.sustained += 1;
        else if (year.status === 'NOT_SUSTAINED') count.notSustained += 1;
        else if (year.status === 'TOO_EARLY') count.tooEarly += 1;
        else count.notKnown += 1;
        counts.set(key, count);
      }
    }
    return [...counts.values()].sort((a, b) => b.leavingYear - a.leavingYear || a.year - b.year);
  }
}
