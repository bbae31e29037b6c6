import { describe, expect, it } from 'vitest';
import { formatYearGroups } from '../../../shared/encounterKinds';
import { toFormField, toIsoDate, validate, type EncounterDraft } from './useRecordEncounterForm';

const draft: EncounterDraft = { kind: 'EMPLOYER_TALK', title: 'NHS talk', date: '2026-03-04', hours: '1.5', inSchoolDay: true, yearGroups: [10] };
const loaded = { pupils: [], loading: false };

describe('validate', () => {
  it('accepts a complete draft', () => {
    expect(validate(draft, loaded)).toEqual({});
  });

  it('names every missing field', () => {
    expect(validate({ ...draft, kind: '', title: '  ', date: '', hours: '0', yearGroups: [] }, loaded)).toEqual({
      kind: 'Choose the kind of encounter',
      title: 'Enter a title',
      date: 'Enter the date of the encounter',
      hours: 'Enter how many hours it lasted, for example 1.5',
      yearGroups: 'Choose at least one year group',
    });
  });

  it('waits for the register', () => {
    expect(validate(draft, { pupils: [], loading: true })).toEqual({ register: 'Wait for the register to finish loading' });
  });
});

describe('toFormField', () => {
  it.each([
    ['title', 'title'],
    ['input.hours', 'hours'],
    ['register[3].pupilId', 'register'],
    ['yearGroups.0', 'yearGroups'],
    ['benchmarks', undefined],
  ])('%s → %s', (path, field) => {
    expect(toFormField(path)).toBe(field);
  });
});

describe('dates and year groups', () => {
  it('sends the chosen day at noon UTC', () => {
    expect(toIsoDate('2026-03-04')).toBe('2026-03-04T12:00:00.000Z');
  });

  it('writes year groups for people', () => {
    expect(formatYearGroups([])).toBe('None');
    expect(formatYearGroups([9])).toBe('Year 9');
    expect(formatYearGroups([12, 10, 11])).toBe('Years 10, 11 and 12');
  });
});
