import { describe, expect, it } from 'vitest';
import { countsForBenchmark8, emptyGuidanceDraft, toGuidanceInput, validateGuidance, type GuidanceDraft } from './guidanceDraft';

const today = '2026-03-04';
const draft: GuidanceDraft = {
  date: '2026-03-02',
  adviserName: ' Sam Lee ',
  adviserLevel: '6',
  notes: '  Interested in nursing.  ',
  actions: [
    { key: 0, text: ' Visit the college open day ', dueOn: '2026-04-01' },
    { key: 1, text: '   ', dueOn: '' },
    { key: 2, text: 'Research apprenticeships', dueOn: '' },
  ],
};

describe('validateGuidance', () => {
  it('accepts a complete draft, ignoring empty action rows', () => {
    expect(validateGuidance(draft, today)).toEqual({});
  });

  it('names each problem', () => {
    expect(
      validateGuidance({ ...draft, date: '2026-03-05', adviserName: '', adviserLevel: '10', actions: [{ key: 4, text: '', dueOn: '2026-04-01' }] }, today),
    ).toEqual({
      date: 'The meeting must have happened: the date cannot be in the future',
      adviserName: "Enter the adviser's name",
      adviserLevel: "Enter the adviser's qualification level, a whole number from 1 to 8",
      'action-4': 'Say what was agreed, or remove the due date',
    });
    expect(validateGuidance({ ...emptyGuidanceDraft(today), date: '' }, today).date).toBe('Enter the date of the meeting');
    // Nobody's level is assumed: a new form asks for it.
    expect(validateGuidance({ ...emptyGuidanceDraft(today), adviserName: 'Sam Lee' }, today).adviserLevel).toBe(
      "Enter the adviser's qualification level, a whole number from 1 to 8",
    );
  });
});

describe('toGuidanceInput', () => {
  it('trims, drops empty actions and sends the day at noon UTC', () => {
    expect(toGuidanceInput('p1', draft)).toEqual({
      pupilId: 'p1',
      date: '2026-03-02T12:00:00.000Z',
      adviserName: 'Sam Lee',
      adviserLevel: 6,
      notes: 'Interested in nursing.',
      actions: [
        { text: 'Visit the college open day', dueOn: '2026-04-01' },
        { text: 'Research apprenticeships', dueOn: null },
      ],
    });
    expect(toGuidanceInput('p1', { ...draft, notes: '  ' }).notes).toBeNull();
  });
});

describe('countsForBenchmark8', () => {
  it('needs an adviser qualified to level 6 or above', () => {
    expect(countsForBenchmark8(5)).toBe(false);
    expect(countsForBenchmark8(6)).toBe(true);
    expect(countsForBenchmark8(7)).toBe(true);
  });
});
