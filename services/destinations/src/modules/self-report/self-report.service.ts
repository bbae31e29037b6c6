import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { checkSelfReport, todayInEngland, type FieldProblems, type SelfReportAnswer, type SelfReportField } from '@waymark/domain';
import { ActivitySpellRow } from '../spell/spell.entity.js';
import { computeYears } from '../spell/spell.service.js';
import type { DestinationYears } from '../spell/spell.types.js';
import { eventAtOf } from '../spell/spell.webhook.js';
import { SelfReportRow } from './self-report.entity.js';
import { linkExpiry, newToken, tokenHash } from './self-report.rules.js';

/** Who a link is for, as the school's staff made it. */
export interface NewLink {
  pupilId: string;
  schoolId: string;
  trustId: string | null;
  leavingYear: number;
  firstName: string;
  schoolName: string;
  createdById: string;
}

/** What the public page may show of a link: the school's name and the leaver's first name, nothing else. */
interface OpenedLink {
  schoolName: string;
  firstName: string;
}

type SubmitOutcome = { kind: 'saved' } | { kind: 'invalid'; problems: FieldProblems<SelfReportField> } | { kind: 'link-not-valid' };

export class SelfReportService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Makes a leaver's link and answers its token (the only time it exists outside the link). A link
   * made before for the same leaver that has not been used stops working: one live link per leaver.
   */
  async createLink(link: NewLink, now: Date): Promise<{ row: SelfReportRow; token: string }> {
    return this.em.transactional(async (em) => {
      await em.nativeDelete(SelfReportRow, { pupilId: link.pupilId, schoolId: link.schoolId, status: 'AWAITING' });
      const token = newToken();
      const row = em.create(SelfReportRow, {
        id: randomUUID(),
        ...link,
        tokenHash: tokenHash(token),
        status: 'AWAITING',
        createdAt: now,
        expiresAt: linkExpiry(now),
        submittedAt: null,
        activity: null,
        providerKind: null,
        apprenticeshipLevel: null,
        provider: null,
        course: null,
        startsOn: null,
        decidedById: null,
        decidedAt: null,
        spellId: null,
      });
      await em.flush();
      return { row, token };
    });
  }

  /** The link a token opens at `now`: unused and not expired; null for any other token (unknown, used, replaced or expired alike). */
  async linkFor(token: unknown, now: Date): Promise<SelfReportRow | null> {
    const hash = tokenHash(token);
    if (!hash) return null;
    const row = await this.em.findOne(SelfReportRow, { tokenHash: hash, status: 'AWAITING' });
    return row && row.expiresAt.getTime() > now.getTime() ? row : null;
  }

  async open(token: unknown, now: Date): Promise<OpenedLink | null> {
    const row = await this.linkFor(token, now);
    return row ? { schoolName: row.schoolName, firstName: row.firstName } : null;
  }

  /** Saves a report through its link, which then stops working; a report with problems saves nothing and leaves the link as it was. */
  async submit(token: unknown, answer: SelfReportAnswer, now: Date): Promise<SubmitOutcome> {
    return this.em.transactional(async (em) => {
      const row = await new SelfReportService(em).linkFor(token, now);
      if (!row) return { kind: 'link-not-valid' } as const;
      const checked = checkSelfReport(answer, row.leavingYear, todayInEngland(now));
      if (!checked.ok) return { kind: 'invalid', problems: checked.problems } as const;
      Object.assign(row, checked.report, { status: 'PENDING', submittedAt: now, tokenHash: null });
      await em.flush();
      return { kind: 'saved' } as const;
    });
  }

  /** The school's reports in `statuses`, newest first. */
  listForSchool(schoolId: string, statuses: SelfReportRow['status'][]): Promise<SelfReportRow[]> {
    return this.em.find(SelfReportRow, { schoolId, status: { $in: statuses } }, { orderBy: { submittedAt: 'desc', createdAt: 'desc', id: 'asc' } });
  }

  /**
   * Turns a pending report into an ordinary activity spell (self-reported, confirmed by `accountId`),
   * in one transaction, with the trust's `destination.recorded` event when the leaver is in `shared`,
   * as for any spell staff record (spell.webhook.ts).
   */
  async confirm(
    row: SelfReportRow,
    accountId: string,
    now: Date,
    shared: ReadonlySet<string> = new Set(),
  ): Promise<{ spell: ActivitySpellRow; years: DestinationYears }> {
    return this.em.transactional(async (em) => {
      const report = await em.findOneOrFail(SelfReportRow, { id: row.id, status: 'PENDING' });
      const spell = em.create(ActivitySpellRow, {
        id: randomUUID(),
        pupilId: row.pupilId,
        schoolId: row.schoolId,
        trustId: row.trustId,
        leavingYear: row.leavingYear,
        activity: row.activity!,
        providerKind: row.providerKind,
        apprenticeshipLevel: row.apprenticeshipLevel,
        provider: row.provider,
        startsOn: row.startsOn!,
        endsOn: null,
        source: 'SELF_REPORTED',
        confirmed: true,
        enteredById: accountId,
        enteredAt: now,
        // The trust's `destination.recorded` event, when the leaver is in `shared` (spell.webhook.ts).
        eventAt: eventAtOf({ pupilId: row.pupilId, trustId: row.trustId }, shared, now),
      });
      Object.assign(report, { status: 'CONFIRMED', decidedById: accountId, decidedAt: now, spellId: spell.id });
      await em.flush();
      // The leaver's destinations with it: if the rule refuses their spells, the transaction rolls back.
      const rows = await em.find(ActivitySpellRow, { pupilId: row.pupilId }, { orderBy: { enteredAt: 'asc', id: 'asc' } });
      return { spell, years: computeYears(rows, todayInEngland(now))! };
    });
  }

  async reject(row: SelfReportRow, accountId: string, now: Date): Promise<void> {
    Object.assign(row, { status: 'REJECTED', decidedById: accountId, decidedAt: now });
    await this.em.flush();
  }
}
