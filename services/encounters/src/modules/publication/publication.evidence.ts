import type { EntityManager } from '@mikro-orm/sql';
import type { CoverageCell } from '../self-evaluation/self-evaluation.rules.js';
import { CareersPublication } from './careers-publication.entity.js';

/*
 * What the public careers page tells the self-evaluation (Benchmark 1, "the programme is published"):
 * one cell per school that has saved a page, read by the `careersPage` pre-fill rule.
 */

/** The page is published and its next review is today or later. */
export const PAGE_CURRENT = 'CAREERS_PAGE_CURRENT';
/** The page is published but the review date it gives has passed. */
export const PAGE_REVIEW_OVERDUE = 'CAREERS_PAGE_REVIEW_OVERDUE';
/** A page is saved but not published. */
export const PAGE_DRAFT = 'CAREERS_PAGE_DRAFT';

/** The cell for one school's page as of `today` (YYYY-MM-DD), or none when it has saved nothing. */
export function careersPageCell(page: { published: boolean; reviewOn: string | null } | null, today: string): CoverageCell | null {
  if (!page) return null;
  const measure = !page.published ? PAGE_DRAFT : page.reviewOn !== null && page.reviewOn >= today ? PAGE_CURRENT : PAGE_REVIEW_OVERDUE;
  return { measure, yearGroup: null, group: null, eligible: 1, met: 1, inProgress: 0 };
}

/** Each school's cell, for the schools asked (already confirmed as the caller's). */
export async function careersPageCells(em: EntityManager, schoolIds: readonly string[], today: string): Promise<Map<string, CoverageCell[]>> {
  const rows = await em.find(CareersPublication, { schoolId: { $in: [...schoolIds] } }, { fields: ['schoolId', 'publishedAt', 'published'] });
  const cells = new Map<string, CoverageCell[]>();
  for (const row of rows) {
    const cell = careersPageCell({ published: row.publishedAt !== null, reviewOn: row.published?.reviewOn ?? null }, today);
    if (cell) cells.set(row.schoolId, [cell]);
  }
  return cells;
}
