import { describe, expect, it } from 'vitest';
import { EMPTY_CHECKLIST } from '../../../shared/checklist';
import { formatYearGroups } from '../../../shared/encounterKinds';
import {
  draftFromEncounter,
  emptyDraft,
  fromIsoDateTime,
  toEncounterFields,
  toEncounterInput,
  toFormField,
  toIsoDate,
  toIsoDateTime,
  validate,
  withKind,
  type EncounterDraft,
} from './encounterDraft';

const draft: EncounterDraft = {
  ...emptyDraft('2026-03-04'),
  kind: 'EMPLOYER_TALK',
  title: 'NHS talk',
  hours: '1.5',
  yearGroups: [10],
  benchmarks: [5],
};

describe('validate', () => {
  it('accepts a complete draft', () => {
    expect(validate(draft)).toEqual({});
  });

  it('names every missing field', () => {
    expect(validate({ ...draft, kind: '', title: '  ', date: '', hours: '0', yearGroups: [], benchmarks: [] })).toEqual({
      kind: 'Choose the kind of encounter',
      title: 'Enter a title',
      date: 'Enter the date of the encounter',
      hours: 'Enter how many hours it lasted, for example 1.5',
      yearGroups: 'Choose at least one year group',
      benchmarks: 'Choose at least one benchmark it counts towards',
    });
  });

  it('checks the times', () => {
    expect(validate({ ...draft, endTime: '11:00' }).endTime).toBe('Enter the start time as well as the finish time');
    expect(validate({ ...draft, startTime: '11:00', endTime: '10:30' }).endTime).toBe('The finish time must be after the start time');
    expect(validate({ ...draft, startTime: '9.30' }).startTime).toMatch(/hours and minutes/);
    expect(validate({ ...draft, startTime: '09:30', endTime: '11:00' })).toEqual({});
  });

  it('asks for the subject of a curriculum lesson and the adviser of a guidance meeting', () => {
    expect(validate({ ...draft, kind: 'CURRICULUM_LESSON' }).subject).toBe('Choose the subject the lesson was part of');
    expect(validate({ ...draft, kind: 'CURRICULUM_LESSON', subject: 'Mathematics' })).toEqual({});
    const guidance = validate({ ...draft, kind: 'GUIDANCE_MEETING', adviserLevel: '6.5' });
    expect(Object.keys(guidance)).toEqual(['adviserName', 'adviserLevel']);
    expect(validate({ ...draft, kind: 'GUIDANCE_MEETING', adviserName: 'Sam Lee', adviserLevel: '6' })).toEqual({});
  });
});

describe('withKind', () => {
  it("follows the kind's default benchmarks until the person chooses their own", () => {
    expect(withKind(emptyDraft('2026-03-04'), 'CAREERS_FAIR').benchmarks).toEqual([5, 7]);
    expect(withKind({ ...draft, benchmarks: [5, 2], benchmarksChosen: true }, 'WORKPLACE_VISIT').benchmarks).toEqual([5, 2]);
    expect(withKind(draft, '').benchmarks).toEqual([]);
  });
});

describe('toEncounterFields', () => {
  it('sends only what applies to the kind', () => {
    const fields = toEncounterFields({
      ...draft,
      title: '  NHS talk ',
      hashtags: '#NHS, health',
      subject: 'Science',
      adviserName: 'Ignored',
      checklist: { purposeShared: true, employerTask: true },
    });
    expect(fields).toEqual({
      kind: 'EMPLOYER_TALK',
      title: 'NHS talk',
      date: '2026-03-04T12:00:00.000Z',
      endsAt: null,
      hours: 1.5,
      inSchoolDay: true,
      yearGroups: [10],
      benchmarks: [5],
      subject: null,
      hashtags: ['nhs', 'health'],
      checklist: { ...EMPTY_CHECKLIST, purposeShared: true },
      adviserName: null,
      adviserLevel: null,
    });
  });

  it('sends the subject, the adviser and the times where they apply', () => {
    expect(toEncounterFields({ ...draft, kind: 'CURRICULUM_LESSON', subject: ' Mathematics ' }).subject).toBe('Mathematics');
    const guidance = toEncounterFields({
      ...draft,
      kind: 'GUIDANCE_MEETING',
      adviserName: ' Sam Lee ',
      adviserLevel: '6',
      startTime: '09:30',
      endTime: '10:15',
    });
    expect([guidance.adviserName, guidance.adviserLevel]).toEqual(['Sam Lee', 6]);
    expect(guidance.date).toBe(new Date('2026-03-04T09:30:00').toISOString());
    expect(guidance.endsAt).toBe(new Date('2026-03-04T10:15:00').toISOString());
  });
});

describe('draftFromEncounter', () => {
  it('round-trips an encounter through the form', () => {
    const fields = toEncounterFields({
      ...draft,
      kind: 'WORKPLACE_VISIT',
      startTime: '09:00',
      endTime: '12:30',
      hashtags: 'construction',
      benchmarks: [6],
      checklist: { purposeShared: true, staffInteraction: true },
    });
    const back = draftFromEncounter(fields);
    expect(toEncounterFields(back)).toEqual(fields);
    expect(back).toMatchObject({ date: '2026-03-04', startTime: '09:00', endTime: '12:30', hashtags: '#construction', benchmarksChosen: true });
  });

  it('treats noon UTC as a day without a time', () => {
    expect(fromIsoDateTime('2026-03-04T12:00:00.000Z')).toEqual({ date: '2026-03-04', time: '' });
    expect(fromIsoDateTime(null)).toEqual({ date: '', time: '' });
  });
});

describe('toFormField', () => {
  it.each([
    ['title', 'title'],
    ['input.hours', 'hours'],
    ['register[3].pupilId', 'register'],
    ['yearGroups.0', 'yearGroups'],
    ['input.endsAt', 'endTime'],
    ['input.adviserLevel', 'adviserLevel'],
    ['employerIds', undefined],
  ])('%s → %s', (path, field) => {
    expect(toFormField(path)).toBe(field);
  });
});

describe('dates and year groups', () => {
  it('sends a day without a time at noon UTC', () => {
    expect(toIsoDate('2026-03-04')).toBe('2026-03-04T12:00:00.000Z');
    expect(toIsoDateTime('2026-03-04', '')).toBe('2026-03-04T12:00:00.000Z');
  });

  it('writes year groups for people', () => {
    expect(formatYearGroups([])).toBe('None');
    expect(formatYearGroups([9])).toBe('Year 9');
    expect(formatYearGroups([12, 10, 11])).toBe('Years 10, 11 and 12');
  });
});

describe('a start time through an edit', () => {
  it.each([
    ['12:00 GMT in winter', '2026-01-15', '12:00', '2026-01-15T12:00:00.000Z'],
    ['13:00 BST in summer', '2026-07-15', '13:00', '2026-07-15T12:00:00.000Z'],
  ])('keeps %s', (_when, date, startTime, instant) => {
    const input = toEncounterInput({ ...draft, date, startTime });
    expect(input).toMatchObject({ date: instant, hasTime: true });
    // What the API gives back for editing is what was sent: the instant and the flag.
    const back = draftFromEncounter({ ...input, checklist: EMPTY_CHECKLIST });
    expect(back).toMatchObject({ date, startTime });
    expect(toEncounterInput(back)).toEqual(input);
  });

  it('keeps a day without a time as a day', () => {
    const input = toEncounterInput({ ...draft, date: '2026-07-15', startTime: '' });
    expect(input).toMatchObject({ date: '2026-07-15T12:00:00.000Z', hasTime: false });
    expect(draftFromEncounter({ ...input, checklist: EMPTY_CHECKLIST })).toMatchObject({ date: '2026-07-15', startTime: '', endTime: '' });
  });
});
