import { describe, expect, it } from 'vitest';
import { formatYearGroups } from '../../../shared/encounterKinds';
import { draftOf, draftToInput, EMPTY_DRAFT, planSummary, statusText, validateDraft } from './programme';

const draft = { ...EMPTY_DRAFT, halfTerm: 'AUTUMN_2', title: ' Careers fair ', yearGroups: [9, 10], benchmarks: [2], purpose: '  ' };

describe('the planned activity form', () => {
  it('sends trimmed text and leaves empty text out', () => {
    expect(draftToInput(draft, 2026)).toMatchObject({ academicYear: 2026, halfTerm: 'AUTUMN_2', title: 'Careers fair', purpose: null, startsOn: null });
  });

  it('checks the draft with the API rules: an end before its start, no half term', () => {
    expect(validateDraft(draft, 2026)).toEqual({});
    expect(validateDraft({ ...draft, halfTerm: '', startsOn: '2026-11-12', endsOn: '2026-11-10' }, 2026)).toEqual({
      halfTerm: 'Choose the half term it is planned for',
      endsOn: 'The end date must be on or after the start date',
    });
  });
});

describe('changing a planned activity', () => {
  it('fills the form with the activity as saved, so saving it unchanged sends the same values', () => {
    const saved = {
      ...draftToInput({ ...draft, learningOutcomes: 'Know three routes', cdiAreas: ['GROW_THROUGHOUT_LIFE'], startsOn: '2026-11-02' }, 2026),
      id: 'item-1',
      academicYear: 2026,
      status: 'PLANNED' as const,
      copied: false,
      encounters: [],
    };
    const form = draftOf(saved as Parameters<typeof draftOf>[0]);
    expect(form).toMatchObject({ title: 'Careers fair', purpose: '', learningOutcomes: 'Know three routes', startsOn: '2026-11-02', endsOn: '' });
    const { id: _id, status: _status, copied: _copied, encounters: _encounters, ...values } = saved;
    expect(draftToInput(form, 2026)).toEqual(values);
  });
});

describe('words', () => {
  it('says each status with a symbol as well as a word', () => {
    expect(statusText('DELIVERED')).toBe('✓ Delivered');
    expect(statusText('PLANNED')).toBe('○ Planned');
    expect(statusText('SLIPPED')).toBe('! Slipped');
  });

  it('lists year groups and sums a plan up', () => {
    expect(formatYearGroups([10])).toBe('Year 10');
    expect(formatYearGroups([7, 8, 9])).toBe('Years 7, 8 and 9');
    expect(planSummary([])).toBe('Nothing is planned for this year yet.');
    expect(planSummary(['DELIVERED', 'SLIPPED', 'PLANNED', 'PLANNED'])).toBe('4 planned activities: 1 delivered, 2 planned, 1 slipped.');
  });
});
