import { randomUUID } from 'node:crypto';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { groupScopes, startOfSchoolDay, type RecordScope } from '@waymark/subgraph-kit';
import { Aspiration, Intention, type IntentionKind } from './intention.entity.js';

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
}
