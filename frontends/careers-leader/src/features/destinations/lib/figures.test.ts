import { describe, expect, it } from 'vitest';
import { barShare, figureText, leaversText, rowsFor, shownCategories, type FiguresRow } from './figures';

const figure = (count: number | null, percent: number | null, extra: { suppressed?: boolean; rounded?: boolean } = {}) => ({
  count,
  percent,
  suppressed: extra.suppressed ?? false,
  rounded: extra.rounded ?? false,
});
const WITHHELD = figure(null, null, { suppressed: true });

describe('destination figures in words', () => {
  it('puts the percentage first with the count beside it', () => {
    expect(figureText(figure(6, 50))).toBe('50% (6)');
    expect(figureText(figure(2, 16.7))).toBe('16.7% (2)');
    expect(figureText(figure(1234, 0))).toBe('0% (1,234)');
    expect(figureText(figure(12, null))).toBe('12');
  });

  it('says a withheld figure is withheld, never 0', () => {
    expect(figureText(WITHHELD)).toBe('Withheld');
    expect(barShare(WITHHELD)).toBe(0);
    expect(leaversText(WITHHELD, 5)).toBe('Fewer than 5 leavers (withheld)');
  });

  it('says a rounded group figure is approximate', () => {
    expect(figureText(figure(10, 40, { rounded: true }))).toBe('About 10 (40%)');
    expect(leaversText(figure(25, null, { rounded: true }), 5)).toBe('About 25 leavers');
    expect(leaversText(figure(1, null), 5)).toBe('1 leaver');
  });
});

describe('choosing what to draw', () => {
  const row = (leavingYear: number, schoolId: string | null, group: string | null): FiguresRow => ({
    leavingYear,
    schoolId,
    schoolName: schoolId,
    group: group as FiguresRow['group'],
    septemberTooEarly: false,
    yearOneSettled: true,
    leavers: figure(10, null),
    categories: [
      { category: 'SCHOOL_SIXTH_FORM', label: 'School sixth form', intended: figure(10, 100), september: figure(8, 80), current: figure(8, 80) },
      { category: 'NEET', label: 'NEET', intended: figure(0, 0), september: WITHHELD, current: figure(0, 0) },
      { category: 'EMPLOYMENT', label: 'Employment', intended: figure(0, 0), september: figure(0, 0), current: figure(0, 0) },
    ] as FiguresRow['categories'],
    sustained: figure(8, 80),
    intentionMet: figure(8, 80),
  });

  it('draws categories with someone in them or withheld, and leaves out empty ones', () => {
    expect(shownCategories(row(2025, 'a', null)).map((c) => c.category)).toEqual(['SCHOOL_SIXTH_FORM', 'NEET']);
  });

  it('picks the rows of one leaving year and group', () => {
    const rows = [row(2025, 'a', null), row(2025, null, null), row(2025, 'a', 'EAL'), row(2024, 'a', null)];
    expect(rowsFor(rows, 2025, null).map((r) => r.schoolId)).toEqual(['a', null]);
    expect(rowsFor(rows, 2025, 'EAL').map((r) => r.schoolId)).toEqual(['a']);
  });
});
