import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import type { Recorder } from '../intention/intention.service.js';
import { SeptemberOffer, type OfferPlaceKind, type SeptemberOfferStatus } from './september-offer.entity.js';

export interface SeptemberOfferValues {
  status: SeptemberOfferStatus;
  placeKind: OfferPlaceKind | null;
  provider: string | null;
  note: string | null;
}

export class SeptemberOfferService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Saves one answer for each pupil, in one transaction (all or none); the caller has checked who may
   * record it, for whom, and what. `pupils` gives each pupil's school and year group.
   */
  async record(
    pupils: readonly { pupilId: string; schoolId: string; yearGroup: number }[],
    who: Omit<Recorder, 'pupilId' | 'schoolId'>,
    values: SeptemberOfferValues,
  ): Promise<number> {
    const enteredAt = new Date();
    await this.em.transactional(async (em) => {
      for (const pupil of pupils) em.create(SeptemberOffer, { id: randomUUID(), ...pupil, ...who, ...values, enteredAt });
    });
    return pupils.length;
  }

  /** Each of `pupilIds`' newest answer recorded in `yearGroup` (at any school), in one statement. */
  async current(pupilIds: readonly string[], yearGroup: number): Promise<Map<string, SeptemberOffer>> {
    const current = new Map<string, SeptemberOffer>();
    if (pupilIds.length === 0) return current;
    const rows = await this.em.find(SeptemberOffer, { pupilId: { $in: [...pupilIds] }, yearGroup }, { orderBy: { enteredAt: 'asc', id: 'asc' } });
    for (const row of rows) current.set(row.pupilId, row);
    return current;
  }
}
