import { randomUUID } from 'node:crypto';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { boundSql, groupScopes, pgArray, startOfSchoolDay, type RecordScope } from '@waymark/subgraph-kit';
import type { OfferPlaceKind, SeptemberOfferStatus } from '../september-offer/september-offer.entity.js';
import { Aspiration, Intention, type IntentionKind } from './intention.entity.js';

/** A pupil's current Year 11 plan and current September offer, as the local authority return shows them (`returnFacts`). */
export interface ReturnFacts {
  plan: {
    kind: IntentionKind;
    apprenticeshipLevel: number | null;
    provider: string | null;
    course: string | null;
    enteredAt: Date;
    enteredByRole: string;
  } | null;
  offer: { status: SeptemberOfferStatus; placeKind: OfferPlaceKind | null; provider: string | null; note: string | null } | null;
}

/** Who a row is about and who recorded it. */
export interface Recorder {
  pupilId: string;
  schoolId: string;
  trustId: string | null;
  enteredById: string;
  enteredByRole: string;
}

/** Rows carrying `pupilId`, `schoolId` and `enteredAt`, narrowed to each pupil's readable history. */
function scopedFilter<T extends { pupilId: string; schoolId: string; enteredAt: Date }>(scopes: ReadonlyMap<string, RecordScope>): FilterQuery<T>[] {
  const { everything, former } = groupScopes(scopes);
  const branches = former.map((group) => ({ pupilId: { $in: group.pupilIds }, schoolId: group.schoolId, enteredAt: { $lt: startOfSchoolDay(group.until) } }));
  return (everything.length > 0 ? [{ pupilId: { $in: everything } }, ...branches] : branches) as FilterQuery<T>[];
}

function byPupil<T extends { pupilId: string }>(rows: T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.pupilId);
    if (list) list.push(row);
    else grouped.set(row.pupilId, [row]);
  }
  return grouped;
}

export class IntentionService {
  constructor(private readonly em: EntityManager) {}

  /** Saves a new intention (the newest is the current one); the caller has checked who may record it and what. */
  async recordIntention(
    who: Recorder,
    values: { yearGroup: number; kind: IntentionKind; apprenticeshipLevel: number | null; provider: string | null; course: string | null },
  ): Promise<Intention> {
    const intention = this.em.create(Intention, { id: randomUUID(), ...who, ...values, enteredAt: new Date() });
    await this.em.flush();
    return intention;
  }

  async recordAspiration(who: Omit<Recorder, 'enteredById' | 'enteredByRole'>, text: string, hashtags: string[]): Promise<Aspiration> {
    const aspiration = this.em.create(Aspiration, { id: randomUUID(), ...who, text, hashtags, enteredAt: new Date() });
    await this.em.flush();
    return aspiration;
  }

  /** Each pupil's intentions within their scope, newest first, in one statement for a batch. */
  async intentionsFor(scopes: ReadonlyMap<string, RecordScope>): Promise<Map<string, Intention[]>> {
    const branches = scopedFilter<Intention>(scopes);
    if (branches.length === 0) return new Map();
    return byPupil(await this.em.find(Intention, { $or: branches }, { orderBy: { enteredAt: 'desc', id: 'desc' } }));
  }

  /** Each pupil's aspirations within their scope, newest first, in one statement for a batch. */
  async aspirationsFor(scopes: ReadonlyMap<string, RecordScope>): Promise<Map<string, Aspiration[]>> {
    const branches = scopedFilter<Aspiration>(scopes);
    if (branches.length === 0) return new Map();
    return byPupil(await this.em.find(Aspiration, { $or: branches }, { orderBy: { enteredAt: 'desc', id: 'desc' } }));
  }

  /** Which of `pupilIds` have an intention recorded in `yearGroup` (at any school), in one statement. */
  async withIntention(pupilIds: readonly string[], yearGroup: number): Promise<Set<string>> {
    if (pupilIds.length === 0) return new Set();
    const rows = await this.em.find(Intention, { pupilId: { $in: [...pupilIds] }, yearGroup }, { fields: ['pupilId'] });
    return new Set(rows.map((row) => row.pupilId));
  }

  /** Each of `pupilIds`' newest intention recorded in `yearGroup` (at any school), in one statement. */
  async currentIntentions(pupilIds: readonly string[], yearGroup: number): Promise<Map<string, Intention>> {
    const current = new Map<string, Intention>();
    if (pupilIds.length === 0) return current;
    const rows = await this.em.find(Intention, { pupilId: { $in: [...pupilIds] }, yearGroup }, { orderBy: { enteredAt: 'asc', id: 'asc' } });
    for (const row of rows) current.set(row.pupilId, row);
    return current;
  }

  /**
   * For a page of the local authority return: each pupil's newest Year 11 plan (Year 11 pupils only:
   * plans are not asked in Year 12) and newest September offer recorded in their year group, as
   * `currentIntentions` and `SeptemberOfferService.current` choose them, in one statement.
   */
  async returnFacts(pupils: readonly { pupilId: string; yearGroup: number }[]): Promise<Map<string, ReturnFacts>> {
    const facts = new Map<string, ReturnFacts>();
    if (pupils.length === 0) return facts;
    const { rows } = await boundSql<{
      pupil_id: string;
      kind: IntentionKind | null;
      apprenticeship_level: number | null;
      plan_provider: string | null;
      course: string | null;
      entered_at: Date | string | null;
      entered_by_role: string | null;
      status: SeptemberOfferStatus | null;
      place_kind: OfferPlaceKind | null;
      offer_provider: string | null;
      note: string | null;
    }>(
      this.em,
      `select page.pupil_id, i.kind, i.apprenticeship_level, i.provider as plan_provider, i.course, i.entered_at, i.entered_by_role,
              o.status, o.place_kind, o.provider as offer_provider, o.note
         from unnest($1::uuid[], $2::smallint[]) as page (pupil_id, year_group)
         left join lateral (select kind, apprenticeship_level, provider, course, entered_at, entered_by_role
                              from intention
                             where pupil_id = page.pupil_id and year_group = 11 and page.year_group = 11
                             order by entered_at desc, id desc limit 1) i on true
         left join lateral (select status, place_kind, provider, note
                              from september_offer
                             where pupil_id = page.pupil_id and year_group = page.year_group
                             order by entered_at desc, id desc limit 1) o on true`,
      [pgArray(pupils.map((pupil) => pupil.pupilId)), pgArray(pupils.map((pupil) => pupil.yearGroup))],
    );
    for (const row of rows)
      facts.set(row.pupil_id, {
        plan:
          row.kind === null
            ? null
            : {
                kind: row.kind,
                apprenticeshipLevel: row.apprenticeship_level,
                provider: row.plan_provider,
                course: row.course,
                enteredAt: new Date(row.entered_at!),
                enteredByRole: row.entered_by_role!,
              },
        offer: row.status === null ? null : { status: row.status, placeKind: row.place_kind, provider: row.offer_provider, note: row.note },
      });
    return facts;
  }
}
