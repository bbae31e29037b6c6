import { describe, expect, it } from 'vitest';
import { checkEncounter, curriculumSubject, type EncounterFormValues } from './encounter-form.js';
import { checkGuidanceBooking, checkGuidanceMeeting, type GuidanceBookingValues, type GuidanceFormValues } from './guidance-form.js';
import { checkHashtags } from './hashtags.js';
import { checkOwnActivity, type OwnActivityFormValues } from './own-activity-form.js';
import { commentProblem, declineReasonProblem, reflectionProblem } from './short-text-forms.js';
import { hasControlCharacters, hasControlCharactersBesidesLineBreaks, problemList, textProblem } from './text.js';

const now = new Date('2026-12-06T10:00:00Z');

describe('text', () => {
  it('is trimmed, bounded and free of hidden characters', () => {
    const rule = { missing: 'Enter it', max: 5, name: 'the word' };
    expect(textProblem('  ', rule)).toBe('Enter it');
    expect(textProblem(' abcde ', rule)).toBeNull();
    expect(textProblem('abcdef', rule)).toBe('Keep the word to 5 characters or fewer');
    expect(textProblem('ab\u0000c', rule)).toBe('The word has a hidden character in it that cannot be saved. Type it again');
    expect(textProblem('a\nb', rule)).toMatch(/hidden/);
    expect(textProblem('a\nb', { ...rule, multiline: true })).toBeNull();
    expect(textProblem('', { max: 5, name: 'the notes' })).toBeNull();
  });

  it('tells control characters apart from line breaks', () => {
    expect(hasControlCharacters('a\tb')).toBe(true);
    expect(hasControlCharactersBesidesLineBreaks('a\tb\r\nc')).toBe(false);
    expect(hasControlCharactersBesidesLineBreaks('a\u0085b')).toBe(true);
  });

  it('lists problems for the API in the order found', () => {
    expect(problemList({ title: 'Enter a title', hours: 'Too many' })).toEqual([
      { field: 'title', message: 'Enter a title' },
      { field: 'hours', message: 'Too many' },
    ]);
  });
});

describe('hashtags', () => {
  it('are normalised, de-duplicated and checked', () => {
    expect(checkHashtags(['#NHS', ' nhs ', 'health'])).toEqual({ hashtags: ['nhs', 'health'], problem: null });
    expect(checkHashtags(['two words']).problem).toMatch(/single words/);
    expect(checkHashtags(Array.from({ length: 11 }, (_, i) => `t${i}`)).problem).toBe('Use at most 10 hashtags');
  });
});

describe('encounter', () => {
  const valid: EncounterFormValues = {
    kind: 'EMPLOYER_TALK',
    title: 'NHS talk',
    date: new Date('2026-03-04T09:30:00Z'),
    hasTime: true,
    endsAt: new Date('2026-03-04T10:30:00Z'),
    hours: 1,
    yearGroups: [10],
    benchmarks: [5],
    subject: null,
    adviserName: null,
    adviserLevel: null,
    hashtags: ['nhs'],
  };

  it('accepts a complete encounter, and the boundaries', () => {
    expect(checkEncounter(valid, now)).toEqual({});
    expect(
      checkEncounter({ ...valid, title: 'x'.repeat(200), hours: 200, date: new Date('2027-12-06T09:00:00Z'), endsAt: null, benchmarks: null }, now),
    ).toEqual({});
  });

  it.each<[string, Partial<EncounterFormValues>, string]>([
    ['kind', { kind: '' }, 'Choose the kind of encounter'],
    ['kind', { kind: 'TOSTRING' }, 'Choose the kind of encounter'],
    ['title', { title: '  ' }, 'Enter a title'],
    ['title', { title: 'x'.repeat(201) }, 'Keep the title to 200 characters or fewer'],
    ['date', { date: new Date(Number.NaN) }, 'Enter the date of the encounter'],
    ['date', { date: new Date('2027-12-07T12:00:00Z'), endsAt: null }, 'The date cannot be more than a year ahead'],
    ['endsAt', { hasTime: false }, 'Enter the start time as well as the finish time'],
    ['endsAt', { endsAt: new Date('2026-03-04T09:30:00Z') }, 'The finish time must be after the start time'],
    ['hours', { hours: 0 }, 'Enter how many hours it lasted, for example 1.5'],
    ['hours', { hours: Number.NaN }, 'Enter how many hours it lasted, for example 1.5'],
    ['hours', { hours: 200.5 }, 'Hours must be 200 or fewer'],
    ['yearGroups', { yearGroups: [] }, 'Choose at least one year group'],
    ['yearGroups', { yearGroups: [6, 10] }, 'Year groups run from 7 to 13'],
    ['benchmarks', { benchmarks: [] }, 'Choose at least one benchmark it counts towards'],
    ['benchmarks', { benchmarks: [9] }, 'Benchmarks run from 1 to 8'],
    ['subject', { kind: 'CURRICULUM_LESSON', subject: 'Latin' }, 'Choose the subject the lesson was part of'],
    ['hashtags', { hashtags: ['a b'] }, 'Hashtags are single words of letters a to z, digits, - or _ (up to 40 characters)'],
  ])('refuses a bad %s', (field, change, message) => {
    expect(checkEncounter({ ...valid, ...change }, now)).toEqual({ [field]: message });
  });

  it('asks a guidance meeting for its adviser, and nothing else for the adviser', () => {
    expect(Object.keys(checkEncounter({ ...valid, kind: 'GUIDANCE_MEETING', adviserLevel: 6.5 }, now))).toEqual(['adviserName', 'adviserLevel']);
    expect(checkEncounter({ ...valid, kind: 'GUIDANCE_MEETING', adviserName: 'Sam Lee', adviserLevel: 6 }, now)).toEqual({});
    expect(checkEncounter({ ...valid, adviserLevel: 99 }, now)).toEqual({});
  });

  it('knows the curriculum subjects whatever their case', () => {
    expect(curriculumSubject(' mathematics ')).toBe('Mathematics');
    expect(curriculumSubject('Latin')).toBeNull();
  });
});

describe('guidance meeting', () => {
  const today = '2026-03-04';
  const valid: GuidanceFormValues = {
    day: '2026-03-02',
    adviserName: 'Sam Lee',
    adviserLevel: 6,
    notes: 'Interested in nursing.',
    actions: [
      { text: 'Visit the college open day', dueOn: '2026-04-01' },
      { text: '  ', dueOn: null },
    ],
  };

  it('accepts a meeting that happened, ignoring empty action rows', () => {
    expect(checkGuidanceMeeting(valid, today)).toEqual({});
    expect(checkGuidanceMeeting({ ...valid, day: today, notes: null, actions: [] }, today)).toEqual({});
  });

  it('names each problem, action rows by their place', () => {
    expect(
      checkGuidanceMeeting(
        {
          day: '2026-03-05',
          adviserName: '',
          adviserLevel: 10,
          notes: 'x'.repeat(10_001),
          actions: [
            { text: 'ok', dueOn: '2026-02-30' },
            { text: '', dueOn: '2026-04-01' },
            { text: 'y'.repeat(501), dueOn: null },
          ],
        },
        today,
      ),
    ).toEqual({
      date: 'The meeting must have happened: the date cannot be in the future',
      adviserName: "Enter the adviser's name",
      adviserLevel: "Enter the adviser's qualification level, a whole number from 1 to 8",
      notes: 'Keep the notes to 10,000 characters or fewer',
      'actions.0.dueOn': 'Enter the due date as a date',
      'actions.1.text': 'Say what was agreed, or remove the due date',
      'actions.2.text': 'Keep each action to 500 characters or fewer',
    });
    expect(checkGuidanceMeeting({ ...valid, day: '' }, today).date).toBe('Enter the date of the meeting');
  });

  it('takes a planned meeting up to a year ahead when asked to', () => {
    expect(checkGuidanceMeeting({ ...valid, day: '2027-03-04' }, today, { planned: true })).toEqual({});
    expect(checkGuidanceMeeting({ ...valid, day: '2027-03-05' }, today, { planned: true })).toEqual({ date: 'The date cannot be more than a year ahead' });
  });

  it('agrees at most 20 actions', () => {
    const actions = Array.from({ length: 21 }, (_, i) => ({ text: `Action ${i}`, dueOn: null }));
    expect(checkGuidanceMeeting({ ...valid, actions }, today)).toEqual({ actions: 'Agree at most 20 actions in one meeting' });
  });
});

describe('booking guidance meetings', () => {
  // 6 December 2026, 10:00 in England (GMT).
  const valid: GuidanceBookingValues = {
    pupils: 3,
    date: new Date('2026-12-08T12:00:00Z'),
    hasTime: false,
    adviserName: 'Dana Whitfield',
    location: 'Library meeting room',
    notes: null,
  };

  it('takes a day or a time from now on, up to a year ahead, with no adviser level (that comes when the meeting is held)', () => {
    expect(checkGuidanceBooking(valid, now)).toEqual({});
    expect(checkGuidanceBooking({ ...valid, date: new Date('2026-12-06T12:00:00Z'), location: null }, now)).toEqual({});
    expect(checkGuidanceBooking({ ...valid, date: new Date('2026-12-06T10:30:00Z'), hasTime: true }, now)).toEqual({});
    expect(checkGuidanceBooking({ ...valid, date: new Date('2027-12-06T12:00:00Z') }, now)).toEqual({});
  });

  it('refuses a day gone by, a time already passed today, and more than a year ahead', () => {
    expect(checkGuidanceBooking({ ...valid, date: new Date('2026-12-05T12:00:00Z') }, now).date).toBe(
      'A booking is for a meeting still to come: choose today or a later day',
    );
    expect(checkGuidanceBooking({ ...valid, date: new Date('2026-12-06T09:30:00Z'), hasTime: true }, now).date).toBe(
      'That time today has passed: choose a later time',
    );
    expect(checkGuidanceBooking({ ...valid, date: new Date('2027-12-07T12:00:00Z') }, now).date).toBe('The date cannot be more than a year ahead');
    expect(checkGuidanceBooking({ ...valid, date: new Date(Number.NaN) }, now).date).toBe('Enter the date of the meeting');
  });

  it('names every other problem at once', () => {
    expect(checkGuidanceBooking({ ...valid, pupils: 0, adviserName: ' ', location: 'x'.repeat(201), notes: 'a\u0000b' }, now)).toEqual({
      pupilIds: 'Choose at least one pupil to book a meeting for',
      adviserName: "Enter the adviser's name",
      location: 'Keep the place to 200 characters or fewer',
      notes: 'The notes has a hidden character in it that cannot be saved. Type it again',
    });
    expect(checkGuidanceBooking({ ...valid, pupils: 1_001 }, now).pupilIds).toBe('Book meetings for at most 1,000 pupils at once');
  });
});

describe('own activity', () => {
  const today = '2026-03-04';
  const valid: OwnActivityFormValues = { kind: 'PART_TIME_JOB', title: 'Saturday job', description: null, startedOn: '2025-09-06', endedOn: null, hours: 40 };

  it('accepts a complete activity', () => {
    expect(checkOwnActivity(valid, today)).toEqual({});
    expect(checkOwnActivity({ ...valid, startedOn: today, endedOn: today, hours: 2000 }, today)).toEqual({});
  });

  it('names every problem', () => {
    expect(checkOwnActivity({ kind: '', title: '', description: '', startedOn: '', endedOn: '', hours: Number.NaN }, today)).toEqual({
      kind: 'Choose what kind of activity it was',
      title: 'Say what it was, for example "Saturday job at Greggs"',
      startedOn: 'Enter the day it started',
      hours: 'Enter how many hours in total, for example 6',
    });
    expect(checkOwnActivity({ ...valid, startedOn: '2026-03-05' }, today)).toEqual({
      startedOn: 'Add it once it has started: the day cannot be in the future',
    });
    expect(checkOwnActivity({ ...valid, endedOn: '2025-09-01' }, today)).toEqual({ endedOn: 'The day it finished must be on or after the day it started' });
    expect(checkOwnActivity({ ...valid, endedOn: '2025-09-31' }, today)).toEqual({ endedOn: 'Enter the day it finished, or leave it empty' });
    expect(checkOwnActivity({ ...valid, hours: 2000.5 }, today)).toEqual({ hours: 'Hours must be 2,000 or fewer' });
    expect(checkOwnActivity({ ...valid, description: 'x'.repeat(2001) }, today)).toEqual({ description: 'Keep the description to 2,000 characters or fewer' });
  });
});

describe('one piece of text', () => {
  it.each([
    ['reflection', reflectionProblem, 'Write a sentence or two about what you learnt', 2000],
    ['comment', commentProblem, 'Enter your comment', 2000],
    ['decline reason', declineReasonProblem, 'Enter a reason: the pupil will see it', 500],
  ] as const)('%s: needed, bounded, lines allowed, hidden characters refused', (_name, problem, missing, max) => {
    expect(problem('   ')).toBe(missing);
    expect(problem('x'.repeat(max))).toBeNull();
    expect(problem('x'.repeat(max + 1))).toMatch(new RegExp(`${max.toLocaleString('en-GB')} characters or fewer`));
    expect(problem('first line\nsecond line')).toBeNull();
    expect(problem('bad\u0000text')).toMatch(/hidden character/);
  });
});
