import { describe, expect, it } from 'vitest';
import { GATSBY_BENCHMARKS } from '@waymark/domain';
import { ASSESSMENT_AREAS, type PrefillRule } from './self-evaluation.areas.js';
import { benchmarkScore, checkOverride, prefillArea, resolveArea, scoreReading, type AreaState, type CoverageCell } from './self-evaluation.rules.js';
import { careersPageCell } from '../publication/publication.evidence.js';

const year = (yearGroup: number, eligible: number, met: number, inProgress = 0, measure = 'B5_EMPLOYERS'): CoverageCell => ({
  measure,
  yearGroup,
  group: null,
  eligible,
  met,
  inProgress,
});
const whole = (eligible: number, met: number, measure = 'B5_EMPLOYERS'): CoverageCell => ({
  measure,
  yearGroup: null,
  group: null,
  eligible,
  met,
  inProgress: 0,
});
const group = (key: string, eligible: number, met: number, measure = 'B5_EMPLOYERS'): CoverageCell => ({
  measure,
  yearGroup: null,
  group: key,
  eligible,
  met,
  inProgress: 0,
});

const nineInTen: PrefillRule = { kind: 'everyYearGroup', measure: 'B5_EMPLOYERS', share: 0.9 };
const started: PrefillRule = { kind: 'everyYearGroup', measure: 'B5_EMPLOYERS', share: 0.9, started: true };
const keepUp: PrefillRule = { kind: 'groupsKeepUp', measure: 'B5_EMPLOYERS', gap: 0.1 };

describe('pre-filling an area from the benchmark figures', () => {
  it.each<[string, PrefillRule | null, CoverageCell[], AreaState, string]>([
    ['every year group at exactly 90%', nineInTen, [year(7, 100, 90), year(10, 50, 45)], 'ACHIEVED', 'lowest is Year 7, 90% of 100 pupils'],
    ['one year group just under 90%', nineInTen, [year(7, 100, 89), year(10, 50, 50)], 'IN_PROGRESS', 'lowest is Year 7, 89% of 100 pupils'],
    ['some pupils met, in one year group only', nineInTen, [year(7, 100, 0), year(8, 100, 1)], 'IN_PROGRESS', 'lowest is Year 7, 0% of 100 pupils'],
    ['no pupil met in any year group', nineInTen, [year(7, 100, 0, 40), year(8, 30, 0)], 'NOT_ACHIEVED', 'lowest is Year 7, 0% of 100 pupils'],
    ['one year group that applies', nineInTen, [year(11, 20, 19)], 'ACHIEVED', 'in Year 11, 95% of 20 pupils'],
    ['no pupils it applies to', nineInTen, [year(7, 0, 0)], 'NOT_ENOUGH_EVIDENCE', 'no pupils this applies to yet'],
    ['no figures at all', nineInTen, [], 'NOT_ENOUGH_EVIDENCE', 'no pupils this applies to yet'],
    ['another measure only', nineInTen, [year(7, 100, 100, 0, 'B2_LMI')], 'NOT_ENOUGH_EVIDENCE', 'no pupils'],
    ['"started" counts pupils in progress', started, [year(7, 100, 50, 40)], 'ACHIEVED', '90% of 100 pupils'],
    ['"started" just under', started, [year(7, 100, 50, 39)], 'IN_PROGRESS', '89% of 100 pupils'],
    ['every pupil needed: one missing', { ...nineInTen, share: 1 }, [year(8, 100, 99)], 'IN_PROGRESS', '(needs 100% in every year group)'],
    [
      'groups 10 points behind at most',
      keepUp,
      [whole(100, 80), group('senSupport', 10, 7), group('eal', 20, 20)],
      'ACHIEVED',
      'lowest group is SEN support, 70%',
    ],
    ['a group more than 10 points behind', keepUp, [whole(100, 80), group('senSupport', 100, 69)], 'IN_PROGRESS', '80% of the whole school'],
    ['a group far behind with nobody met', keepUp, [whole(100, 80), group('ehcp', 5, 0)], 'NOT_ACHIEVED', 'lowest group is EHCP, 0%'],
    ['no pupils in any group', keepUp, [whole(100, 80), group('ehcp', 0, 0)], 'NOT_ENOUGH_EVIDENCE', 'no pupils in a vulnerable group'],
    ['the leader answers', null, [year(7, 100, 100)], 'NOT_ENOUGH_EVIDENCE', 'the careers leader answers this one'],
  ])('%s', (_name, rule, cells, state, source) => {
    const prefill = prefillArea(rule, cells);
    expect(prefill.state).toBe(state);
    expect(prefill.source).toContain(source);
    if (rule) expect(prefill.source).toMatch(/^From the benchmark figures: /);
  });
});

describe("the leader's answer", () => {
  const area = ASSESSMENT_AREAS.find((a) => a.key === 'B5_EACH_YEAR')!;
  const cells = [year(7, 100, 95)];

  it('wins over the records, keeping both the reason and what the records say', () => {
    const resolved = resolveArea(area, cells, { state: 'IN_PROGRESS', reason: 'Year 7 trips were cancelled' });
    expect(resolved.state).toBe('IN_PROGRESS');
    expect(resolved.prefill.state).toBe('ACHIEVED');
    expect(resolved.override?.reason).toBe('Year 7 trips were cancelled');
  });

  it('once removed, leaves the records to answer', () => {
    expect(resolveArea(area, cells, null).state).toBe('ACHIEVED');
  });

  it.each([
    [{ state: 'ACHIEVED', reason: 'Published in September' }, {}],
    [{ state: 'ACHIEVED', reason: '   ' }, { reason: 'Enter a reason for your answer' }],
    [{ state: 'ACHIEVED', reason: 'x'.repeat(500) }, {}],
    [{ state: 'ACHIEVED', reason: 'x'.repeat(501) }, { reason: 'Keep the reason to 500 characters or fewer' }],
    [{ state: 'NOT_ENOUGH_EVIDENCE', reason: 'Unsure' }, { state: 'Choose achieved, in progress or not achieved.' }],
  ])('checks %j', (input, problems) => {
    expect(checkOverride(input)).toEqual(problems);
  });
});

describe('scores', () => {
  it.each<[AreaState[], number]>([
    [['ACHIEVED', 'ACHIEVED', 'ACHIEVED', 'ACHIEVED'], 1],
    [['ACHIEVED', 'IN_PROGRESS', 'NOT_ACHIEVED', 'NOT_ENOUGH_EVIDENCE'], 0.25],
    [['IN_PROGRESS', 'IN_PROGRESS'], 0],
    [[], 0],
  ])('%j scores %d', (states, score) => {
    expect(benchmarkScore(states)).toBe(score);
  });

  it.each([
    [1, 'GREEN'],
    [0.75, 'GREEN'],
    [0.74, 'AMBER'],
    [0.4, 'AMBER'],
    [0.39, 'RED'],
    [0, 'RED'],
  ])('%d reads %s', (score, reading) => {
    expect(scoreReading(score)).toBe(reading);
  });
});

describe('the assessment areas', () => {
  it('give each benchmark three to five areas under unique keys, the Benchmark 1 review answered from feedback', () => {
    for (const { number } of GATSBY_BENCHMARKS) {
      const count = ASSESSMENT_AREAS.filter((a) => a.benchmark === number).length;
      expect(count, `Benchmark ${number}`).toBeGreaterThanOrEqual(3);
      expect(count, `Benchmark ${number}`).toBeLessThanOrEqual(5);
    }
    expect(new Set(ASSESSMENT_AREAS.map((a) => a.key)).size).toBe(ASSESSMENT_AREAS.length);
    expect(ASSESSMENT_AREAS.find((a) => a.key === 'B1_REVIEWED')?.rule?.kind).toBe('feedbackFromAll');
    expect(ASSESSMENT_AREAS.find((a) => a.key === 'B1_PUBLISHED')?.rule?.kind).toBe('careersPage');
    for (const n of [2, 4, 5, 6, 7, 8]) expect(ASSESSMENT_AREAS.some((a) => a.benchmark === n && a.rule?.kind === 'everyYearGroup')).toBe(true);
  });
});

describe('the Benchmark 1 review, from feedback this school year', () => {
  const reviewed = ASSESSMENT_AREAS.find((a) => a.key === 'B1_REVIEWED')!.rule;
  const feedback = (measure: string, count: number): CoverageCell => ({ measure, yearGroup: null, group: null, eligible: count, met: count, inProgress: 0 });
  const all = [feedback('FEEDBACK_PUPILS', 40), feedback('FEEDBACK_PARENTS', 3), feedback('FEEDBACK_STAFF', 5), feedback('FEEDBACK_EMPLOYERS', 1)];

  it.each<[string, CoverageCell[], AreaState, string]>([
    ['pupils, parents, staff and employers all gave some', all, 'ACHIEVED', 'pupils 40, parents 3, staff 5, employers 1'],
    ['employers gave none (their survey had no answers)', all.slice(0, 3), 'IN_PROGRESS', 'employers 0'],
    ['only pupils rated activities', [feedback('FEEDBACK_PUPILS', 2)], 'IN_PROGRESS', 'pupils 2, parents 0'],
    ['only one parent answered', [feedback('FEEDBACK_PARENTS', 1)], 'IN_PROGRESS', 'parents 1'],
    ['no feedback at all', [], 'NOT_ENOUGH_EVIDENCE', 'No feedback recorded yet'],
    ['benchmark figures are not feedback', [year(7, 100, 100)], 'NOT_ENOUGH_EVIDENCE', 'pupils 0, parents 0, staff 0, employers 0'],
  ])('%s', (_name, cells, state, source) => {
    const prefill = prefillArea(reviewed, cells);
    expect(prefill.state).toBe(state);
    expect(prefill.source).toContain(source);
    expect(prefill.source).toMatch(/^From feedback this school year: /);
  });
});

describe('Benchmark 1, the programme published, from the public careers page', () => {
  const published = ASSESSMENT_AREAS.find((a) => a.key === 'B1_PUBLISHED')!;
  const today = '2026-12-07';

  it.each<[string, { published: boolean; reviewOn: string | null } | null, AreaState, RegExp]>([
    ['published, review next summer', { published: true, reviewOn: '2027-07-15' }, 'ACHIEVED', /not yet due for review/],
    ['published, review due today (not passed yet)', { published: true, reviewOn: today }, 'ACHIEVED', /not yet due for review/],
    ['published, review date yesterday', { published: true, reviewOn: '2026-12-06' }, 'IN_PROGRESS', /review date has passed/],
    ['saved but not published', { published: false, reviewOn: '2027-07-15' }, 'IN_PROGRESS', /not published yet/],
    ['nothing saved', null, 'NOT_ACHIEVED', /not published through Waymark/],
  ])('%s', (_reason, page, state, source) => {
    const cell = careersPageCell(page, today);
    const prefill = prefillArea(published.rule, cell ? [cell, year(7, 100, 100)] : [year(7, 100, 100)]);
    expect(prefill.state).toBe(state);
    expect(prefill.source).toMatch(source);
  });

  it("leaves the leader's own answer in charge", () => {
    const cell = careersPageCell({ published: true, reviewOn: '2027-07-15' }, today)!;
    expect(resolveArea(published, [cell], { state: 'NOT_ACHIEVED', reason: 'The website link is broken' }).state).toBe('NOT_ACHIEVED');
  });
});
